//! Tiny helpers to build the app on a chosen database and send it requests.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clientela_server::{AppState, Db, app};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use super::postgres;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The app on a new, empty database, and what keeps that database alive.
pub struct TestApp {
    pub router: Router,
    _sqlite_dir: Option<tempfile::TempDir>,
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        TestApp::with_ui(backend, Path::new("/nonexistent-ui")).await
    }

    pub async fn with_ui(backend: Backend, ui_dir: &Path) -> TestApp {
        let (url, dir) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                (url, Some(dir))
            }
            Backend::Postgres => (postgres::shared().new_database_url(), None),
        };
        let db = Db::connect(&url).await.unwrap();
        TestApp {
            router: app(AppState { db }, ui_dir),
            _sqlite_dir: dir,
        }
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post_json(&self, uri: &str, body: &str) -> (StatusCode, Value) {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap();
        self.send(request).await
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, Value) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("not JSON ({status}): {}", String::from_utf8_lossy(&bytes)));
        (status, json)
    }
}

/// Runs one async check on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_databases {
    ($check:ident) => {
        mod $check {
            use $crate::support::http::Backend;

            #[tokio::test]
            async fn sqlite() {
                super::$check(Backend::Sqlite).await;
            }

            #[tokio::test]
            async fn postgres() {
                super::$check(Backend::Postgres).await;
            }
        }
    };
}

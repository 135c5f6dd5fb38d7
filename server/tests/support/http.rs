//! Tiny helpers to build the app on a chosen database and send it requests.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use clientela_server::accounts::{NewUser, add_user, create_token_for, ensure_first_workspace};
use clientela_server::auth::AuthConfig;
use clientela_server::{AppState, Db, Mailer, app, now_millis};
use clientela_shared::Role;
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

/// The API token every test app accepts as its first admin's (`CLIENTELA_ADMIN_TOKEN`).
pub const ADMIN_TOKEN: &str = "test-admin-token";
/// The first admin of every test app.
pub const ADMIN_EMAIL: &str = "admin@example.com";
/// Their password.
pub const ADMIN_PASSWORD: &str = "admin password";

/// The app on a new database set up as on a first start, and what keeps that database alive.
pub struct TestApp {
    pub router: Router,
    pub db: Db,
    /// The database URL, for running the `clientela` binary against the same database.
    pub url: String,
    _sqlite_dir: Option<tempfile::TempDir>,
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        TestApp::with_ui(backend, Path::new("/nonexistent-ui")).await
    }

    pub async fn with_ui(backend: Backend, ui_dir: &Path) -> TestApp {
        TestApp::build(backend, ui_dir, |state| state).await
    }

    /// The app sending its emails through `mailer`.
    pub async fn with_mailer(backend: Backend, mailer: Mailer) -> TestApp {
        TestApp::build(backend, Path::new("/nonexistent-ui"), |state| {
            state.with_mailer(mailer)
        })
        .await
    }

    /// The app allowing each caller `per_minute` API requests a minute.
    pub async fn with_rate_limit(backend: Backend, per_minute: u32) -> TestApp {
        TestApp::build(backend, Path::new("/nonexistent-ui"), |state| {
            state.with_rate_limit(per_minute)
        })
        .await
    }

    /// The app on a new database, its state as `configure` makes it.
    async fn build(
        backend: Backend,
        ui_dir: &Path,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        let (db, url, dir) = fresh_database(backend).await;
        ensure_first_workspace(&db, ADMIN_EMAIL, Some(ADMIN_PASSWORD), now_millis())
            .await
            .unwrap()
            .expect("a new database is set up on the first start");
        let auth = AuthConfig::new(Some(ADMIN_TOKEN), false);
        let state = configure(AppState::with_auth(db.clone(), auth));
        TestApp {
            router: app(state, ui_dir),
            db,
            url,
            _sqlite_dir: dir,
        }
    }

    /// A second server process over the same database, as a replica behind a load balancer
    /// would be: its own connections and state, as `configure` makes it.
    pub async fn replica(&self, configure: impl FnOnce(AppState) -> AppState) -> TestApp {
        let db = Db::connect(&self.url).await.unwrap();
        let auth = AuthConfig::new(Some(ADMIN_TOKEN), false);
        let state = configure(AppState::with_auth(db.clone(), auth));
        TestApp {
            router: app(state, Path::new("/nonexistent-ui")),
            db,
            url: self.url.clone(),
            _sqlite_dir: None,
        }
    }

    /// The API token of an admin of a second workspace, who must never see this one's data.
    pub async fn outsider_token(&self) -> String {
        let workspace_id: i64 = sqlx::query_scalar(
            "insert into workspace (name, created_at) values ('Other', 0) returning id",
        )
        .fetch_one(self.db.pool())
        .await
        .unwrap();
        let outsider = NewUser {
            workspace_id,
            email: "outsider@example.com",
            name: "Outsider",
            role: Role::Admin,
            password: None,
        };
        add_user(&self.db, &outsider, now_millis()).await.unwrap();
        create_token_for(&self.db, "outsider@example.com", "test", now_millis())
            .await
            .unwrap()
            .unwrap()
            .expose()
            .to_owned()
    }

    /// Saves the import profile `profile` (JSON) under `name` (as it goes in a path), as the
    /// first admin, through the API.
    pub async fn save_profile(&self, name: &str, profile: Value) {
        let uri = format!("/api/profiles/{name}");
        let body = profile.to_string();
        let (status, answer) = self.call_as("PUT", &uri, Some(&body), ADMIN_TOKEN).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{answer}");
    }

    /// Deactivates user `id` as the first admin, through the API.
    pub async fn deactivate(&self, id: i64) {
        let body = serde_json::json!({ "active": false }).to_string();
        let uri = format!("/api/users/{id}");
        let (status, answer) = self.call_as("PATCH", &uri, Some(&body), ADMIN_TOKEN).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }

    /// Adds a user of the first workspace (without a password) and an API token for them;
    /// returns their id and the token.
    pub async fn user_with_token(&self, email: &str, role: Role) -> (i64, String) {
        let workspace_id: i64 = sqlx::query_scalar("select id from workspace order by id limit 1")
            .fetch_one(self.db.pool())
            .await
            .unwrap();
        let user = NewUser {
            workspace_id,
            email,
            name: email,
            role,
            password: None,
        };
        let stored = add_user(&self.db, &user, now_millis()).await.unwrap();
        let token = create_token_for(&self.db, email, "test", now_millis())
            .await
            .unwrap()
            .unwrap();
        (stored.id, token.expose().to_owned())
    }

    /// `GET` as the first admin (with [`ADMIN_TOKEN`]).
    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.get_as(uri, ADMIN_TOKEN).await
    }

    /// `GET` with the API token `token`.
    pub async fn get_as(&self, uri: &str, token: &str) -> (StatusCode, Value) {
        let request = Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// `GET` without signing in.
    pub async fn get_anonymous(&self, uri: &str) -> (StatusCode, Value) {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// `POST` a JSON body as the first admin (with [`ADMIN_TOKEN`]).
    pub async fn post_json(&self, uri: &str, body: &str) -> (StatusCode, Value) {
        self.post_json_as(uri, body, ADMIN_TOKEN).await
    }

    /// `POST` a JSON body with the API token `token`.
    pub async fn post_json_as(&self, uri: &str, body: &str, token: &str) -> (StatusCode, Value) {
        let request = Request::post(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap();
        self.send(request).await
    }

    /// Any method with the API token `token` and, when given, a JSON body.
    pub async fn call_as(
        &self,
        method: &str,
        uri: &str,
        body: Option<&str>,
        token: &str,
    ) -> (StatusCode, Value) {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_owned())),
            None => request.body(Body::empty()),
        };
        self.send(request.unwrap()).await
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, Value) {
        let (status, _, json) = self.request(request).await;
        (status, json)
    }

    /// `GET` as the first admin, the body as bytes (for files such as CSV).
    pub async fn get_bytes(&self, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request = Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// Sends any request; the body is JSON, or `null` when empty.
    pub async fn request(&self, request: Request<Body>) -> (StatusCode, HeaderMap, Value) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        if bytes.is_empty() {
            return (status, headers, Value::Null);
        }
        let json = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("not JSON ({status}): {}", String::from_utf8_lossy(&bytes)));
        (status, headers, json)
    }
}

/// A new, empty, migrated database (not set up: no workspace, no admin), its URL, and the
/// folder that keeps an SQLite file alive.
pub async fn fresh_database(backend: Backend) -> (Db, String, Option<tempfile::TempDir>) {
    let (url, dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
            (url, Some(dir))
        }
        Backend::Postgres => (postgres::shared().new_database_url(), None),
    };
    let db = Db::connect(&url).await.unwrap();
    (db, url, dir)
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

/// A batch body of `rows` generated valid customers (lines 2 and on).
pub fn generated_batch(rows: usize) -> String {
    let rows: Vec<Value> = (0..rows)
        .map(|i| {
            let record = serde_json::json!({ "first_name": format!("Cliente {i}"),
                "email": format!("c{i}@example.com"), "tags": [], "custom": {}, "extra": {} });
            serde_json::json!({ "line": i + 2, "record": record })
        })
        .collect();
    serde_json::json!({ "rows": rows }).to_string()
}

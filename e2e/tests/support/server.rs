//! The real `clientela` binary, started on a free port for one test.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::postgres;

/// Which database the server stores into.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The first admin's email and password on every test server.
pub const ADMIN_EMAIL: &str = "admin@example.com";
pub const ADMIN_PASSWORD: &str = "e2e admin password";
/// The API token the test server accepts as the first admin's.
const ADMIN_TOKEN: &str = "e2e-admin-token";

/// A running server; it is stopped when dropped.
pub struct TestServer {
    /// Where it listens, such as `http://127.0.0.1:43121`.
    pub url: String,
    child: Child,
    _data_dir: tempfile::TempDir,
}

impl TestServer {
    pub fn start(backend: Backend) -> TestServer {
        TestServer::start_serving(backend, &ui_dir())
    }

    /// A server that serves the browser app from `ui_dir`.
    pub fn start_serving(backend: Backend, ui_dir: &Path) -> TestServer {
        let data_dir = tempfile::tempdir().unwrap();
        let database_url = match backend {
            Backend::Sqlite => format!(
                "sqlite://{}?mode=rwc",
                data_dir.path().join("clientela.db").display()
            ),
            Backend::Postgres => postgres::shared().new_database_url(),
        };
        let binary = built("CLIENTELA_BIN", "target/debug/clientela");
        let mut child = Command::new(&binary)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database-url",
                &database_url,
            ])
            .arg("--ui-dir")
            .arg(ui_dir)
            .env("RUST_LOG", "warn")
            .env("CLIENTELA_ADMIN_EMAIL", ADMIN_EMAIL)
            .env("CLIENTELA_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("CLIENTELA_ADMIN_TOKEN", ADMIN_TOKEN)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {}: {err}", binary.display()));

        let stdout = child.stdout.take().unwrap();
        let url = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| {
                let at = line.find("http://")?;
                Some(line[at..].trim_end_matches('/').to_owned())
            })
            .expect("the server exited without saying where it listens");
        TestServer {
            url,
            child,
            _data_dir: data_dir,
        }
    }

    /// `GET` an API path as the first admin and parse the JSON answer.
    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        self.call_json(reqwest::Method::GET, path, None).await
    }

    /// `POST` JSON to an API path as the first admin and parse the JSON answer.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        self.call_json(reqwest::Method::POST, path, Some(body))
            .await
    }

    /// `PUT` JSON to an API path as the first admin; it must succeed.
    pub async fn put(&self, path: &str, body: &serde_json::Value) {
        let response = reqwest::Client::new()
            .put(format!("{}{path}", self.url))
            .bearer_auth(ADMIN_TOKEN)
            .json(body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "PUT {path}: {}",
            response.status()
        );
    }

    /// Calls an API path as the first admin; it must succeed with a JSON answer.
    async fn call_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> serde_json::Value {
        let mut request = reqwest::Client::new()
            .request(method.clone(), format!("{}{path}", self.url))
            .bearer_auth(ADMIN_TOKEN);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{method} {path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The browser app as Trunk built it.
pub fn ui_dir() -> PathBuf {
    built("CLIENTELA_UI_DIR", "dist")
}

/// A build output named by `var`, else its usual place in the workspace; it must exist.
fn built(var: &str, default: &str) -> PathBuf {
    let path = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(default));
    assert!(
        path.exists(),
        "{} does not exist: run `cargo xtask test`, which builds it (or set {var})",
        path.display()
    );
    path
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

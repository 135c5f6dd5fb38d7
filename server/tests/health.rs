use axum::http::StatusCode;

use crate::on_both_databases;
use crate::support::http::{Backend, TestApp};

async fn health_says_ok(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
}
on_both_databases!(health_says_ok);

async fn unknown_api_path_is_a_json_404(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.get("/api/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
}
on_both_databases!(unknown_api_path_is_a_json_404);

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

async fn every_answer_carries_a_request_id(backend: Backend) {
    let app = TestApp::new(backend).await;
    let request = axum::http::Request::get("/api/health")
        .body(axum::body::Body::empty())
        .unwrap();
    let (_, headers, _) = app.request(request).await;
    let made = headers["x-request-id"].to_str().unwrap();
    assert_eq!(made.len(), 16, "{made}");

    let request = axum::http::Request::get("/api/nothing")
        .header("x-request-id", "support-ticket-42")
        .body(axum::body::Body::empty())
        .unwrap();
    let (_, headers, _) = app.request(request).await;
    assert_eq!(headers["x-request-id"], "support-ticket-42");
}
on_both_databases!(every_answer_carries_a_request_id);

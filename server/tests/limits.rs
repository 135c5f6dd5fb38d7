//! Requests too large, with too many rows, or not JSON at all get the usual JSON error, and
//! nothing of them is stored. (`POST /api/customers` has its own checks in `customers.rs`.)

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp, generated_batch};

/// One byte more than the server accepts (16 MiB).
const TOO_MANY_BYTES: usize = 16 * 1024 * 1024 + 1;

/// One row more than a batch may hold.
const TOO_MANY_ROWS: usize = 5_001;

async fn open_import(app: &TestApp) -> i64 {
    let body = json!({
        "client_id": "limits",
        "file_name": "clientes.csv",
        "profile": { "default_country": "EC", "required": ["first_name"] },
    });
    let (status, import) = app.post_json("/api/imports", &body.to_string()).await;
    assert_eq!(status, StatusCode::CREATED, "{import}");
    import["id"].as_i64().unwrap()
}

/// Sends `body` with `method` to `uri` as the first admin; `content_type` when given.
async fn send(
    app: &TestApp,
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: String,
) -> (StatusCode, Value) {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"));
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    let (status, _, json) = app.request(request.body(Body::from(body)).unwrap()).await;
    (status, json)
}

async fn customer_count(app: &TestApp) -> u64 {
    let (_, list) = app.get("/api/customers").await;
    list["total"].as_u64().unwrap()
}

async fn a_body_over_the_limit_is_a_json_413(backend: Backend) {
    let app = TestApp::new(backend).await;
    let id = open_import(&app).await;
    // Valid JSON, padded past the limit.
    let padded = format!("{}{}", generated_batch(1), " ".repeat(TOO_MANY_BYTES));
    for (method, uri) in [
        ("PUT", format!("/api/imports/{id}/batches/1")),
        ("POST", format!("/api/imports/{id}/preview")),
        ("POST", "/api/customers".to_owned()),
    ] {
        let json = Some("application/json");
        let (status, body) = send(&app, method, &uri, json, padded.clone()).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}: {body}");
        assert_eq!(body["error"]["code"], "body.too_large");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("16 MiB"),
            "{body}"
        );
    }
    assert_eq!(customer_count(&app).await, 0);
}
on_both_databases!(a_body_over_the_limit_is_a_json_413);

async fn a_batch_over_the_most_rows_is_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let id = open_import(&app).await;
    for (method, uri) in [
        ("PUT", format!("/api/imports/{id}/batches/1")),
        ("POST", format!("/api/imports/{id}/preview")),
    ] {
        let json = Some("application/json");
        let (status, body) = send(&app, method, &uri, json, generated_batch(TOO_MANY_ROWS)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}: {body}");
        let problem = &body["error"]["problems"][0];
        assert_eq!(problem["field"], "rows");
        assert_eq!(problem["code"], "rows.too_many");
        assert_eq!(
            problem["message"],
            "A batch holds at most 5000 rows; this one has 5001."
        );
    }
    assert_eq!(customer_count(&app).await, 0);
    // The largest batch allowed goes through.
    let uri = format!("/api/imports/{id}/batches/1");
    let (status, body) = send(
        &app,
        "PUT",
        &uri,
        Some("application/json"),
        generated_batch(5_000),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(customer_count(&app).await, 5_000);
}
on_both_databases!(a_batch_over_the_most_rows_is_refused);

async fn a_batch_that_is_not_json_gets_the_same_error_shape(backend: Backend) {
    let app = TestApp::new(backend).await;
    let id = open_import(&app).await;
    let uri = format!("/api/imports/{id}/batches/1");
    let json = Some("application/json");
    let cases = [
        (json, "{\"rows\": [", StatusCode::BAD_REQUEST),
        (json, "{\"rows\": 3}", StatusCode::UNPROCESSABLE_ENTITY),
        (None, "{\"rows\": []}", StatusCode::UNSUPPORTED_MEDIA_TYPE),
    ];
    for (content_type, text, expected) in cases {
        let (status, body) = send(&app, "PUT", &uri, content_type, text.to_owned()).await;
        assert_eq!(status, expected, "{text}: {body}");
        assert_eq!(body["error"]["code"], "request.bad_json");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
        assert_eq!(body["error"]["problems"], json!([]));
    }
    // The message says where in the document the mistake is.
    let record = r#"{"tags": [], "custom": {}, "extra": {}}"#;
    let wrong_line = format!(
        r#"{{"rows": [{{"line": 2, "record": {record}}}, {{"line": "three", "record": {record}}}]}}"#
    );
    let (status, body) = send(&app, "PUT", &uri, json, wrong_line).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("rows[1].line"), "{message}");
    let (status, body) = app.post_json("/api/session", "not json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "request.bad_json");
}
on_both_databases!(a_batch_that_is_not_json_gets_the_same_error_shape);

async fn malformed_paths_and_wrong_methods_get_the_json_error(backend: Backend) {
    let app = TestApp::new(backend).await;
    for uri in ["/api/imports/abc", "/api/imports/1/batches/x"] {
        let method = if uri.contains("batches") {
            "PUT"
        } else {
            "GET"
        };
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({ "rows": [] }).to_string()))
            .unwrap();
        let (status, _, body) = app.request(request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["error"]["code"], "request.bad_path", "{uri}: {body}");
    }
    let request = Request::delete("/api/customers")
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = app.request(request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{body}");
    assert_eq!(
        body["error"]["code"], "request.method_not_allowed",
        "{body}"
    );
}
on_both_databases!(malformed_paths_and_wrong_methods_get_the_json_error);

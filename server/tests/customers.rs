use axum::http::StatusCode;
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{Backend, TestApp};

fn import_body(rows: usize) -> String {
    let rows: Vec<_> = (0..rows)
        .map(|i| json!({ "line": i + 2, "values": [format!("Łucja {i}"), format!("c{i}@example.com")] }))
        .collect();
    json!({ "file_name": "clientes.csv", "columns": ["Nombre", "Correo"], "rows": rows })
        .to_string()
}

async fn imported_rows_are_listed_with_their_lines(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.post_json("/api/customers", &import_body(3)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], 3);

    let (status, body) = app.get("/api/customers").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 3);
    let first = &body["customers"][0];
    assert_eq!(first["file_name"], "clientes.csv");
    assert_eq!(first["line"], 2);
    assert_eq!(first["fields"]["Nombre"], "Łucja 0");
    assert_eq!(first["fields"]["Correo"], "c0@example.com");
}
on_both_databases!(imported_rows_are_listed_with_their_lines);

async fn a_full_batch_is_stored_in_one_request(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.post_json("/api/customers", &import_body(5_000)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], 5_000);
    let (_, body) = app.get("/api/customers?offset=4999&limit=10").await;
    assert_eq!(body["total"], 5_000);
    assert_eq!(body["customers"][0]["line"], 5_001);
}
on_both_databases!(a_full_batch_is_stored_in_one_request);

async fn the_server_rechecks_the_request(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.post_json("/api/customers", &import_body(5_001)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["problems"][0]["code"], "rows.too_many");

    let (status, body) = app.post_json("/api/customers", &import_body(0)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["problems"][0]["code"], "rows.missing");

    let (_, body) = app.get("/api/customers").await;
    assert_eq!(
        body["total"], 0,
        "nothing may be stored from a rejected request"
    );
}
on_both_databases!(the_server_rechecks_the_request);

async fn malformed_json_gets_the_same_error_shape(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.post_json("/api/customers", "{\"file_name\": ").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "request.bad_json");

    let (status, body) = app.post_json("/api/customers", "{\"file_name\": 3}").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "request.bad_json");
}
on_both_databases!(malformed_json_gets_the_same_error_shape);

async fn customers_need_a_signed_in_user(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, _) = app.get_anonymous("/api/customers").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .post_json_as("/api/customers", &import_body(1), "clt_wrong")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, body) = app.get("/api/customers").await;
    assert_eq!(body["total"], 0, "nothing was stored");
}
on_both_databases!(customers_need_a_signed_in_user);

async fn nobody_sees_another_workspaces_customers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let token = app.outsider_token().await;

    let (status, _) = app.post_json("/api/customers", &import_body(2)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app.get_as("/api/customers", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 0, "{body}");

    let (_, body) = app
        .post_json_as("/api/customers", &import_body(1), &token)
        .await;
    assert_eq!(body["stored"], 1);
    let (_, body) = app.get("/api/customers").await;
    assert_eq!(
        body["total"], 2,
        "the first workspace still sees only its own two"
    );
}
on_both_databases!(nobody_sees_another_workspaces_customers);

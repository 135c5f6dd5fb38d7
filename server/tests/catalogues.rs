//! The schema the browser reads, and the catalogues only admins change.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clientela_shared::Role;
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

async fn send(app: &TestApp, method: &str, uri: &str, token: &str, body: &str) -> StatusCode {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    app.request(request).await.0
}

async fn agent_token(app: &TestApp) -> String {
    app.user_with_token("agent@example.com", Role::Agent)
        .await
        .1
}

async fn admins_manage_tags_and_profiles_and_everyone_reads_them(backend: Backend) {
    let app = TestApp::new(backend).await;
    let agent = agent_token(&app).await;

    let tags = json!({ "tags": ["VIP", " Mayorista ", "VIP", ""] }).to_string();
    assert_eq!(
        send(&app, "PUT", "/api/tags", &agent, &tags).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, "PUT", "/api/tags", ADMIN_TOKEN, &tags).await,
        StatusCode::OK
    );

    let profile = json!({ "default_country": "EC", "required": ["first_name"] }).to_string();
    let uri = "/api/profiles/Contactos";
    assert_eq!(
        send(&app, "PUT", uri, &agent, &profile).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, "PUT", uri, ADMIN_TOKEN, &profile).await,
        StatusCode::NO_CONTENT
    );
    let bad = json!({ "default_country": "XX" }).to_string();
    assert_eq!(
        send(&app, "PUT", "/api/profiles/Malo", ADMIN_TOKEN, &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    let (status, schema) = app.get_as("/api/schema", &agent).await;
    assert_eq!(status, StatusCode::OK, "{schema}");
    assert_eq!(schema["tags"], json!(["Mayorista", "VIP"]));
    assert_eq!(schema["profiles"][0]["name"], "Contactos");
    assert_eq!(schema["profiles"][0]["profile"]["default_country"], "EC");
    let emails: Vec<&str> = schema["agents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|agent| agent["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails.len(), 2, "{emails:?}");
    let email = schema["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|field| field["key"] == "email")
        .unwrap();
    assert_eq!(email["labels"]["en"], "Email");
    assert_eq!(schema["fields"].as_array().unwrap().len(), 23);

    assert_eq!(
        send(&app, "DELETE", uri, &agent, "").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&app, "DELETE", uri, ADMIN_TOKEN, "").await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        send(&app, "DELETE", uri, ADMIN_TOKEN, "").await,
        StatusCode::NOT_FOUND
    );
}
on_both_databases!(admins_manage_tags_and_profiles_and_everyone_reads_them);

async fn another_workspace_sees_none_of_it(backend: Backend) {
    let app = TestApp::new(backend).await;
    let tags = json!({ "tags": ["VIP"] }).to_string();
    send(&app, "PUT", "/api/tags", ADMIN_TOKEN, &tags).await;
    let outsider = app.outsider_token().await;
    let (_, schema) = app.get_as("/api/schema", &outsider).await;
    assert_eq!(schema["tags"], json!([]));
    assert_eq!(
        schema["agents"].as_array().unwrap().len(),
        1,
        "only the outsider"
    );
}
on_both_databases!(another_workspace_sees_none_of_it);

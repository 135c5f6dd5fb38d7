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

    let tags = json!({ "tags": ["VIP", " Mayorista ", "VIP", "", "vip", "mayorista"] }).to_string();
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

/// A profile written in TOML comes back as written, comments and all, for the admin to edit
/// again; one that does not read says which line.
async fn a_profile_in_toml_is_kept_as_written(backend: Backend) {
    let app = TestApp::new(backend).await;
    let toml = "# Contacts from the fair, Ecuadorian phones\n\
                default_country = \"EC\"  # numbers without +593\n\
                required = [\"first_name\"]\n";
    let put_toml = |name: &str, text: &str| {
        Request::put(format!("/api/profiles/{name}"))
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .header(header::CONTENT_TYPE, "application/toml; charset=utf-8")
            .body(Body::from(text.to_owned()))
            .unwrap()
    };
    let (status, _, body) = app.request(put_toml("Feria", toml)).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, schema) = app.get("/api/schema").await;
    let saved = &schema["profiles"][0];
    assert_eq!(saved["toml"], toml);
    assert_eq!(saved["profile"]["default_country"], "EC");
    assert_eq!(saved["profile"]["required"], json!(["first_name"]));

    // Saved again as JSON, it has no TOML of its own any more.
    let json = json!({ "default_country": "PE" }).to_string();
    let status = send(&app, "PUT", "/api/profiles/Feria", ADMIN_TOKEN, &json).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, schema) = app.get("/api/schema").await;
    assert!(schema["profiles"][0].get("toml").is_none(), "{schema}");

    let broken = "default_country = \"EC\"\nrequired = [\"first_name\"\n";
    let (status, _, body) = app.request(put_toml("Rota", broken)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["problems"][0]["code"], "profile.invalid");
    let message = body["error"]["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("line 2"), "{message}");
    let unknown = "default_country = \"XX\"\n";
    let (status, _, _) = app.request(put_toml("Rota", unknown)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
on_both_databases!(a_profile_in_toml_is_kept_as_written);

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

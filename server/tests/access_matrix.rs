//! Who may call what: every endpoint, as an anonymous caller, an agent, a supervisor, an admin,
//! and an admin of another workspace, who must find nothing of this one.

use clientela_shared::Role;
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

/// The callers, in the order of the expected statuses in [`Case`].
#[derive(Debug, Clone, Copy)]
enum Caller {
    Anonymous,
    Agent,
    Supervisor,
    Admin,
    Outsider,
}

const CALLERS: [Caller; 5] = [
    Caller::Anonymous,
    Caller::Agent,
    Caller::Supervisor,
    Caller::Admin,
    Caller::Outsider,
];

/// One request and the status each caller gets, in [`CALLERS`] order.
struct Case {
    method: &'static str,
    uri: String,
    body: Option<String>,
    expected: [u16; 5],
}

fn case(
    method: &'static str,
    uri: &str,
    body: Option<serde_json::Value>,
    expected: [u16; 5],
) -> Case {
    Case {
        method,
        uri: uri.to_owned(),
        body: body.map(|body| body.to_string()),
        expected,
    }
}

async fn every_role_reaches_only_what_it_may(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (agent_id, agent) = app.user_with_token("agent@crm.example", Role::Agent).await;
    let (_, supervisor) = app
        .user_with_token("super@crm.example", Role::Supervisor)
        .await;
    let outsider = app.outsider_token().await;
    let members = json!({ "members": ["agent@crm.example"] }).to_string();
    app.call_as("PUT", "/api/groups/Ventas", Some(&members), ADMIN_TOKEN)
        .await;
    let body = json!({ "client_id": "setup", "file_name": "f.csv", "options": { "list": "L" } });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let import_id = import["id"].as_i64().unwrap();
    let batch = json!({ "rows": [{ "line": 2, "record": { "first_name": "Ana", "email": "ana@x.com",
                                   "tags": [], "custom": {}, "extra": {} } }] });
    let (status, _) = app
        .call_as(
            "PUT",
            &format!("/api/imports/{import_id}/batches/1"),
            Some(&batch.to_string()),
            ADMIN_TOKEN,
        )
        .await;
    assert_eq!(status, 200);

    let profile = json!({ "default_country": "EC" });
    let fields = json!({ "custom_fields": [{ "key": "plan", "label": "Plan", "type": "text" }] });
    let group = json!({ "members": [] });
    let new_user =
        |n: u32| json!({ "email": format!("new{n}@crm.example"), "name": "New", "role": "agent" });
    let import_body = |n: u32| json!({ "client_id": format!("open-{n}"), "file_name": "f.csv" });
    let imports = format!("/api/imports/{import_id}");
    let agent_uri = format!("/api/users/{agent_id}");
    //                                                    anon agent super admin outsider
    let cases = [
        case("GET", "/api/health", None, [200, 200, 200, 200, 200]),
        case("GET", "/api/me", None, [401, 200, 200, 200, 200]),
        case("GET", "/api/schema", None, [401, 200, 200, 200, 200]),
        case(
            "PUT",
            "/api/tags",
            Some(json!({ "tags": ["vip"] })),
            [401, 403, 403, 200, 200],
        ),
        case(
            "PUT",
            "/api/profiles/p",
            Some(profile.clone()),
            [401, 403, 403, 204, 204],
        ),
        case("DELETE", "/api/profiles/p", None, [401, 403, 403, 204, 204]),
        case(
            "PUT",
            "/api/groups/G",
            Some(group.clone()),
            [401, 403, 403, 200, 200],
        ),
        case(
            "DELETE",
            "/api/groups/Ventas",
            None,
            [401, 403, 403, 204, 404],
        ),
        case(
            "PUT",
            "/api/custom-fields",
            Some(fields.clone()),
            [401, 403, 403, 200, 200],
        ),
        case("GET", "/api/users", None, [401, 403, 200, 200, 200]),
        case(
            "POST",
            "/api/users",
            Some(new_user(1)),
            [401, 403, 403, 201, 201],
        ),
        case(
            "PATCH",
            &agent_uri,
            Some(json!({ "available": false })),
            [401, 200, 200, 200, 404],
        ),
        case(
            "PATCH",
            &agent_uri,
            Some(json!({ "name": "Agente 1" })),
            [401, 403, 403, 200, 404],
        ),
        case("GET", "/api/customers", None, [401, 200, 200, 200, 200]),
        case(
            "GET",
            "/api/customers/export.csv",
            None,
            [401, 200, 200, 200, 200],
        ),
        case("GET", "/api/lists", None, [401, 200, 200, 200, 200]),
        case("GET", "/api/imports", None, [401, 200, 200, 200, 200]),
        case(
            "POST",
            "/api/imports",
            Some(import_body(1)),
            [401, 201, 201, 201, 201],
        ),
        case("GET", &imports, None, [401, 200, 200, 200, 404]),
        case("GET", "/api/openapi.json", None, [200, 200, 200, 200, 200]),
        case(
            "GET",
            &format!("{imports}/errors.xlsx"),
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "GET",
            &format!("{imports}/errors.csv"),
            None,
            [401, 200, 200, 200, 404],
        ),
        case(
            "PUT",
            &format!("{imports}/batches/1"),
            Some(batch.clone()),
            [401, 403, 200, 200, 404],
        ),
        case(
            "POST",
            &format!("{imports}/preview"),
            Some(batch.clone()),
            [401, 200, 200, 200, 404],
        ),
        case(
            "POST",
            &format!("{imports}/revert"),
            None,
            [401, 403, 200, 409, 404],
        ),
        case(
            "POST",
            &format!("{imports}/commit"),
            None,
            [401, 403, 200, 200, 404],
        ),
    ];
    for case in &cases {
        for (caller, expected) in CALLERS.iter().zip(case.expected) {
            let token = match caller {
                Caller::Anonymous => None,
                Caller::Agent => Some(agent.as_str()),
                Caller::Supervisor => Some(supervisor.as_str()),
                Caller::Admin => Some(ADMIN_TOKEN),
                Caller::Outsider => Some(outsider.as_str()),
            };
            // Creating things twice must not clash: each caller gets its own names.
            let body = case.body.as_ref().map(|body| {
                body.replace("new1@", &format!("new-{caller:?}@").to_lowercase())
                    .replace("open-1", &format!("open-{caller:?}"))
            });
            let mut request = axum::http::Request::builder()
                .method(case.method)
                .uri(&case.uri)
                .header("content-type", "application/json");
            if let Some(token) = token {
                request = request.header("authorization", format!("Bearer {token}"));
            }
            let request = request
                .body(axum::body::Body::from(body.unwrap_or_default()))
                .unwrap();
            let response = tower::ServiceExt::oneshot(app.router.clone(), request)
                .await
                .unwrap();
            let status = response.status();
            assert_eq!(
                status.as_u16(),
                expected,
                "{} {} as {caller:?}",
                case.method,
                case.uri
            );
        }
    }
    // The outsider's own changes stayed in their workspace.
    let (_, schema) = app.get("/api/schema").await;
    assert_eq!(schema["tags"], json!(["vip"]));
    let (_, theirs) = app.get_as("/api/customers", &outsider).await;
    assert_eq!(theirs["total"], 0);
}
on_both_databases!(every_role_reaches_only_what_it_may);

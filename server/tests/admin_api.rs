//! What admins manage through the API: users (with availability and the last admin kept) and
//! the workspace's custom fields, which every import then validates.

use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_EMAIL, ADMIN_TOKEN, Backend, TestApp};

async fn admins_add_and_change_users(backend: Backend) {
    let app = TestApp::new(backend).await;
    let new = json!({ "email": "Marta@CRM.example", "name": "Marta", "role": "agent",
                      "password": "a long secret" });
    let (status, marta) = app.post_json("/api/users", &new.to_string()).await;
    assert_eq!(status, 201, "{marta}");
    assert_eq!(marta["email"], "marta@crm.example");
    assert_eq!(marta["available"], true);
    let (status, body) = app.post_json("/api/users", &new.to_string()).await;
    assert_eq!(
        (status.as_u16(), &body["error"]["code"]),
        (409, &json!("user.exists"))
    );
    let short =
        json!({ "email": "x@crm.example", "name": "X", "role": "agent", "password": "short" });
    let (status, body) = app.post_json("/api/users", &short.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["problems"][0]["code"], "password.short");
    let bad = json!({ "email": "not-an-email", "name": "X", "role": "agent" });
    let (status, _) = app.post_json("/api/users", &bad.to_string()).await;
    assert_eq!(status, 422);

    // Marta signs in with her password and marks herself away; the schema shows it.
    let sign_in = json!({ "email": "marta@crm.example", "password": "a long secret" });
    let (status, _) = app.post_json("/api/session", &sign_in.to_string()).await;
    assert_eq!(status, 200, "the new user can sign in");
    let id = marta["id"].as_i64().unwrap();
    let away = json!({ "available": false }).to_string();
    let (status, changed) = app
        .call_as(
            "PATCH",
            &format!("/api/users/{id}"),
            Some(&away),
            ADMIN_TOKEN,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(changed["available"], false);
    let (_, schema) = app.get("/api/schema").await;
    let listed: Vec<&Value> = schema["agents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["id"] == id)
        .collect();
    assert_eq!(listed[0]["available"], false);

    let promote = json!({ "role": "admin", "name": "Marta R." }).to_string();
    let (_, changed) = app
        .call_as(
            "PATCH",
            &format!("/api/users/{id}"),
            Some(&promote),
            ADMIN_TOKEN,
        )
        .await;
    assert_eq!(
        (changed["role"].as_str(), changed["name"].as_str()),
        (Some("admin"), Some("Marta R."))
    );
    let demote = json!({ "role": "agent" }).to_string();
    let (status, _) = app
        .call_as(
            "PATCH",
            &format!("/api/users/{id}"),
            Some(&demote),
            ADMIN_TOKEN,
        )
        .await;
    assert_eq!(status, 200, "another admin is left");
    // The first admin is now the only one and may not step down.
    let (_, me) = app.get("/api/me").await;
    assert_eq!(me["email"], ADMIN_EMAIL);
    let me_uri = format!("/api/users/{}", me["id"]);
    let (status, body) = app
        .call_as("PATCH", &me_uri, Some(&demote), ADMIN_TOKEN)
        .await;
    assert_eq!(
        (status.as_u16(), &body["error"]["code"]),
        (409, &json!("user.last_admin"))
    );
    let (status, _) = app
        .call_as("PATCH", "/api/users/999999", Some(&away), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 404);
}
on_both_databases!(admins_add_and_change_users);

/// A deactivated user keeps their customers and imports, but cannot sign in, use a token or
/// take new customers, and the last active admin cannot be deactivated.
async fn admins_deactivate_and_reactivate_users(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (id, token) = app.user_with_token("marta@crm.example", Role::Agent).await;
    let set_password = json!({ "password": "a long secret" }).to_string();
    let uri = format!("/api/users/{id}");
    app.call_as("PATCH", &uri, Some(&set_password), ADMIN_TOKEN)
        .await;
    let sign_in = json!({ "email": "marta@crm.example", "password": "a long secret" }).to_string();
    let (status, _) = app.post_json("/api/session", &sign_in).await;
    assert_eq!(status, 200);
    // Marta imports a customer, assigned to herself.
    let open = json!({ "client_id": "marta-1", "file_name": "a.csv", "profile": {},
                       "options": { "assign_to": { "kind": "me" } } });
    let (_, import) = app
        .post_json_as("/api/imports", &open.to_string(), &token)
        .await;
    let batch = json!({ "rows": [{ "line": 2, "record":
        { "first_name": "Ana", "email": "ana@example.com", "tags": [], "custom": {}, "extra": {} } }] });
    let batch_uri = format!("/api/imports/{}/batches/1", import["id"]);
    let (status, _) = app
        .call_as("PUT", &batch_uri, Some(&batch.to_string()), &token)
        .await;
    assert_eq!(status, 200);

    let deactivate = json!({ "active": false }).to_string();
    let (status, _) = app.call_as("PATCH", &uri, Some(&deactivate), &token).await;
    assert_eq!(status, 403, "only admins deactivate");
    let (status, marta) = app
        .call_as("PATCH", &uri, Some(&deactivate), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 200, "{marta}");
    assert_eq!(
        (&marta["active"], &marta["available"]),
        (&json!(false), &json!(false))
    );

    let (status, _) = app.get_as("/api/me", &token).await;
    assert_eq!(status, 401, "her token ended");
    let (status, _) = app.post_json("/api/session", &sign_in).await;
    assert_eq!(status, 401, "she cannot sign in");
    let (_, schema) = app.get("/api/schema").await;
    assert!(
        schema["agents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"] != id),
        "she is no longer offered to assign to: {schema}"
    );
    let (_, users) = app.get("/api/users").await;
    let listed = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap();
    assert_eq!(listed["active"], false, "admins still see her");
    let to_marta = json!({ "client_id": "to-marta", "file_name": "b.csv", "profile": {},
        "options": { "assign_to": { "kind": "agent", "email": "marta@crm.example" } } });
    let (status, refused) = app.post_json("/api/imports", &to_marta.to_string()).await;
    assert_eq!(status, 422, "{refused}");
    let (_, customers) = app.get("/api/customers").await;
    assert_eq!(customers["total"], 1, "her customer stays");
    assert_eq!(
        customers["customers"][0]["agent"], "marta@crm.example",
        "{customers}"
    );

    // Reactivated, she signs in with her password again; her old token stays revoked.
    let reactivate = json!({ "active": true, "available": true }).to_string();
    let (status, marta) = app
        .call_as("PATCH", &uri, Some(&reactivate), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (&marta["active"], &marta["available"]),
        (&json!(true), &json!(true))
    );
    let (status, _) = app.post_json("/api/session", &sign_in).await;
    assert_eq!(status, 200);
    let (status, _) = app.get_as("/api/me", &token).await;
    assert_eq!(status, 401);

    let (_, me) = app.get("/api/me").await;
    let me_uri = format!("/api/users/{}", me["id"]);
    let (status, body) = app
        .call_as("PATCH", &me_uri, Some(&deactivate), ADMIN_TOKEN)
        .await;
    assert_eq!(
        (status.as_u16(), &body["error"]["code"]),
        (409, &json!("user.last_admin"))
    );
}
on_both_databases!(admins_deactivate_and_reactivate_users);

/// A deactivated member leaves the group's list and takes none of its customers; two admins
/// deactivating each other at once leave one of them active.
async fn deactivated_users_take_no_turns_and_one_admin_always_stays(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (marta, _) = app.user_with_token("marta@crm.example", Role::Agent).await;
    let (luis, _) = app.user_with_token("luis@crm.example", Role::Agent).await;
    let group = json!({ "members": ["marta@crm.example", "luis@crm.example"] }).to_string();
    let (status, _) = app
        .call_as("PUT", "/api/groups/Ventas", Some(&group), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 200);
    app.deactivate(marta).await;
    let (_, schema) = app.get("/api/schema").await;
    assert_eq!(schema["groups"][0]["members"], json!(["luis@crm.example"]));

    let open = json!({ "client_id": "ventas", "file_name": "v.csv", "profile": {},
                       "options": { "assign_to": { "kind": "group", "name": "Ventas" } } });
    let (_, import) = app.post_json("/api/imports", &open.to_string()).await;
    let rows: Vec<Value> = (0..4)
        .map(|i| json!({ "line": i + 2, "record": { "first_name": "C", "email": format!("c{i}@example.com"),
                         "tags": [], "custom": {}, "extra": {} } }))
        .collect();
    let batch = json!({ "rows": rows }).to_string();
    let uri = format!("/api/imports/{}/batches/1", import["id"]);
    let (status, _) = app.call_as("PUT", &uri, Some(&batch), ADMIN_TOKEN).await;
    assert_eq!(status, 200);
    let (_, customers) = app.get("/api/customers").await;
    let agents: Vec<&Value> = customers["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["agent"])
        .collect();
    assert_eq!(agents.len(), 4);
    assert!(
        agents.iter().all(|agent| *agent == "luis@crm.example"),
        "{agents:?} (luis is {luis})"
    );

    let (second, second_token) = app.user_with_token("ines@crm.example", Role::Admin).await;
    let (_, me) = app.get("/api/me").await;
    let first_uri = format!("/api/users/{}", me["id"]);
    let second_uri = format!("/api/users/{second}");
    let deactivate = json!({ "active": false }).to_string();
    let (first_answer, second_answer) = tokio::join!(
        app.call_as("PATCH", &second_uri, Some(&deactivate), ADMIN_TOKEN),
        app.call_as("PATCH", &first_uri, Some(&deactivate), &second_token),
    );
    let (_, users) = app.get_as("/api/users", ADMIN_TOKEN).await;
    let active_admins = users
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter(|u| u["role"] == "admin" && u["active"] == true)
        .count();
    assert_eq!(
        active_admins, 1,
        "{first_answer:?} {second_answer:?} {users}"
    );
}
on_both_databases!(deactivated_users_take_no_turns_and_one_admin_always_stays);

async fn workspace_custom_fields_are_checked_and_validated_on_import(backend: Backend) {
    let app = TestApp::new(backend).await;
    let fields = json!({ "custom_fields": [
        { "key": "plan", "label": "Plan", "type": "select", "options": ["basic", "pro"], "required": true },
        { "key": "birthday", "label": "Birthday", "type": "date" },
    ] })
    .to_string();
    let (status, saved) = app
        .call_as("PUT", "/api/custom-fields", Some(&fields), ADMIN_TOKEN)
        .await;
    assert_eq!(status, 200, "{saved}");
    let (_, schema) = app.get("/api/schema").await;
    let keys: Vec<&str> = schema["custom_fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["plan", "birthday"]);

    for (bad, code) in [
        (
            json!({ "key": "Plan Name", "label": "P", "type": "text" }),
            "key.invalid",
        ),
        (
            json!({ "key": "email", "label": "E", "type": "text" }),
            "field.invalid",
        ),
        (
            json!({ "key": "tier", "label": "T", "type": "select" }),
            "field.invalid",
        ),
        (
            json!({ "key": "tier", "label": " ", "type": "text" }),
            "label.blank",
        ),
        (
            json!({ "key": "tier", "label": "T", "type": "select", "options": ["Retail", " "] }),
            "options.blank",
        ),
        (
            json!({ "key": "tier", "label": "T", "type": "select", "options": ["Retail", "retail"] }),
            "options.repeated",
        ),
    ] {
        let body = json!({ "custom_fields": [bad] }).to_string();
        let (status, answer) = app
            .call_as("PUT", "/api/custom-fields", Some(&body), ADMIN_TOKEN)
            .await;
        assert_eq!(status, 422, "{bad}");
        assert_eq!(
            answer["error"]["problems"][0]["code"], code,
            "{bad}: {answer}"
        );
    }
    let twice = json!({ "custom_fields": [
        { "key": "a", "label": "A", "type": "text" }, { "key": "a", "label": "A2", "type": "text" }] });
    let (status, _) = app
        .call_as(
            "PUT",
            "/api/custom-fields",
            Some(&twice.to_string()),
            ADMIN_TOKEN,
        )
        .await;
    assert_eq!(status, 422);

    // The client sends a profile without them; the server validates with them anyway.
    let open =
        json!({ "client_id": "cf", "file_name": "f.csv", "profile": { "default_country": "EC" } });
    let (_, import) = app.post_json("/api/imports", &open.to_string()).await;
    let rows = json!({ "rows": [
        { "line": 2, "record": { "first_name": "Ana", "email": "ana@x.com", "tags": [], "custom": { "plan": "pro" }, "extra": {} } },
        { "line": 3, "record": { "first_name": "Bea", "email": "bea@x.com", "tags": [], "custom": { "plan": "gold" }, "extra": {} } },
        { "line": 4, "record": { "first_name": "Cris", "email": "cris@x.com", "tags": [], "custom": {}, "extra": {} } },
    ] })
    .to_string();
    let uri = format!("/api/imports/{}/batches/1", import["id"]);
    let (status, answer) = app.call_as("PUT", &uri, Some(&rows), ADMIN_TOKEN).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        outcomes(&answer),
        ["created", "rejected", "rejected"],
        "{answer}"
    );

    // A profile that defines `plan` its own way (any text, not required) changes nothing: the
    // workspace's definition is the one checked.
    let open = json!({ "client_id": "cf2", "file_name": "f.csv", "profile": { "custom_fields": [
        { "key": "plan", "label": "Plan", "type": "text" }] } });
    let (_, import) = app.post_json("/api/imports", &open.to_string()).await;
    let rows = json!({ "rows": [
        { "line": 2, "record": { "first_name": "Dani", "email": "dani@x.com", "tags": [], "custom": { "plan": "gold" }, "extra": {} } },
        { "line": 3, "record": { "first_name": "Eva", "email": "eva@x.com", "tags": [], "custom": {}, "extra": {} } },
    ] })
    .to_string();
    let uri = format!("/api/imports/{}/batches/1", import["id"]);
    let (status, answer) = app.call_as("PUT", &uri, Some(&rows), ADMIN_TOKEN).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(outcomes(&answer), ["rejected", "rejected"], "{answer}");
}
on_both_databases!(workspace_custom_fields_are_checked_and_validated_on_import);

/// Each row's outcome in a batch's answer, in order.
fn outcomes(answer: &serde_json::Value) -> Vec<&str> {
    answer["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["outcome"].as_str().unwrap())
        .collect()
}

/// User `id`'s entry in `GET /api/users`: whether they are active, and available.
async fn active_and_available(app: &TestApp, id: i64) -> (Value, Value) {
    let (_, users) = app.get_as("/api/users", ADMIN_TOKEN).await;
    let ana = users
        .as_array()
        .unwrap()
        .iter()
        .find(|user| user["id"] == id)
        .unwrap()
        .clone();
    (ana["active"].clone(), ana["available"].clone())
}

async fn a_deactivated_user_stays_away_whatever_comes_after(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (ana, _) = app.user_with_token("ana@crm.example", Role::Agent).await;
    let (_, supervisor) = app
        .user_with_token("sofia@crm.example", Role::Supervisor)
        .await;
    let uri = format!("/api/users/{ana}");
    let deactivate = json!({ "active": false }).to_string();
    let reactivate = json!({ "active": true }).to_string();
    let available = json!({ "available": true }).to_string();

    // A supervisor marks her available after she was deactivated: she stays away.
    app.deactivate(ana).await;
    let (status, answer) = app
        .call_as("PATCH", &uri, Some(&available), &supervisor)
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        active_and_available(&app, ana).await,
        (json!(false), json!(false))
    );

    // Both at once, whichever wins.
    for _ in 0..5 {
        let (status, _) = app
            .call_as("PATCH", &uri, Some(&reactivate), ADMIN_TOKEN)
            .await;
        assert_eq!(status, 200);
        let (deactivated, marked) = tokio::join!(
            app.call_as("PATCH", &uri, Some(&deactivate), ADMIN_TOKEN),
            app.call_as("PATCH", &uri, Some(&available), &supervisor),
        );
        assert_eq!((deactivated.0.as_u16(), marked.0.as_u16()), (200, 200));
        assert_eq!(
            active_and_available(&app, ana).await,
            (json!(false), json!(false))
        );
    }
}
on_both_databases!(a_deactivated_user_stays_away_whatever_comes_after);

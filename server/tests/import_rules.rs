//! The server checks an import's rows under the workspace's rules, not under whatever rules the
//! client sends: a saved profile's name brings the saved rules, and only admins may accept tags
//! the workspace does not know.

use clientela_shared::Role;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, TestApp};

/// Opens an import with `profile` as the user of `token` and sends it one row: `record` at
/// line 2. Gives the row's answer.
async fn import_row(app: &TestApp, token: &str, profile: Value, record: Value) -> Value {
    let open = json!({
        "client_id": format!("rules-{token}-{profile}"),
        "file_name": "clientes.csv",
        "profile": profile,
    });
    let (status, import) = app
        .post_json_as("/api/imports", &open.to_string(), token)
        .await;
    assert_eq!(status.as_u16(), 201, "{import}");
    let id = import["id"].as_i64().unwrap();
    let batch = json!({ "rows": [{ "line": 2, "record": record }] }).to_string();
    let uri = format!("/api/imports/{id}/batches/1");
    let (status, answer) = app.call_as("PUT", &uri, Some(&batch), token).await;
    assert_eq!(status.as_u16(), 200, "{answer}");
    answer["rows"][0].clone()
}

fn customer(email: &str, tags: &[&str]) -> Value {
    json!({ "first_name": "Ana", "email": email, "tags": tags, "custom": {}, "extra": {} })
}

fn reason_codes(row: &Value) -> Vec<&str> {
    row["reasons"]
        .as_array()
        .map(|reasons| {
            reasons
                .iter()
                .map(|r| r["code"].as_str().unwrap())
                .collect()
        })
        .unwrap_or_default()
}

async fn a_saved_profiles_name_brings_the_saved_rules(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, agent) = app.user_with_token("agent@example.com", Role::Agent).await;
    app.save_profile("Con%20tel%C3%A9fono", json!({ "required": ["phone"] }))
        .await;

    // The client names the saved profile but sends none of its rules.
    let loosened = json!({ "name": "Con teléfono", "required": [] });
    let row = import_row(&app, &agent, loosened, customer("ana@example.com", &[])).await;
    assert_eq!(row["outcome"], "rejected", "{row}");
    assert_eq!(reason_codes(&row), ["required.missing"], "{row}");

    // A profile of the client's own keeps its rules: here, none.
    let own = json!({ "name": "Mío" });
    let row = import_row(&app, &agent, own, customer("eva@example.com", &[])).await;
    assert_eq!(row["outcome"], "created", "{row}");
}
on_both_databases!(a_saved_profiles_name_brings_the_saved_rules);

async fn only_an_admin_may_accept_tags_the_workspace_does_not_know(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, supervisor) = app
        .user_with_token("supervisor@example.com", Role::Supervisor)
        .await;
    let tags = json!({ "tags": ["VIP"] }).to_string();
    let (status, _) = app
        .call_as("PUT", "/api/tags", Some(&tags), ADMIN_TOKEN)
        .await;
    assert_eq!(status.as_u16(), 200);
    // The client claims the tag is known and new tags are welcome.
    let lenient = json!({ "tags": ["Feria"], "unknown_tags": "create" });

    let row = import_row(
        &app,
        &supervisor,
        lenient.clone(),
        customer("ana@example.com", &["Feria"]),
    )
    .await;
    assert_eq!(row["outcome"], "rejected", "{row}");
    assert_eq!(reason_codes(&row), ["tag.unknown"], "{row}");

    let row = import_row(
        &app,
        ADMIN_TOKEN,
        lenient,
        customer("eva@example.com", &["Feria"]),
    )
    .await;
    assert_eq!(row["outcome"], "created", "{row}");
}
on_both_databases!(only_an_admin_may_accept_tags_the_workspace_does_not_know);

async fn a_saved_profiles_max_rows_caps_the_rows_an_import_takes(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_, agent) = app.user_with_token("agent@example.com", Role::Agent).await;
    app.save_profile("Pocos", json!({ "max_rows": 3 })).await;
    // A client that says how many rows the file has learns at once that it is too many.
    let too_many = json!({ "client_id": "many-rows", "file_name": "clientes.csv",
                           "profile": { "name": "Pocos" }, "rows": 4 });
    let (status, refused) = app
        .post_json_as("/api/imports", &too_many.to_string(), &agent)
        .await;
    assert_eq!(status.as_u16(), 422, "{refused}");
    let problem = &refused["error"]["problems"][0];
    assert_eq!(problem["code"], "file.too_many_rows", "{refused}");
    assert_eq!(
        problem["message"],
        "The file has 4 rows; an import with this profile takes at most 3. Split the file."
    );

    // The client names the saved profile and sends no limit of its own.
    let open = json!({ "client_id": "few-rows", "file_name": "clientes.csv",
                       "profile": { "name": "Pocos" }, "rows": 3 });
    let (_, import) = app
        .post_json_as("/api/imports", &open.to_string(), &agent)
        .await;
    let id = import["id"].as_i64().unwrap();
    let put = |seq: u64, rows: &[(u64, &str)]| {
        let rows: Vec<Value> = rows
            .iter()
            .map(|(line, email)| json!({ "line": line, "record": customer(email, &[]) }))
            .collect();
        let body = json!({ "rows": rows }).to_string();
        let uri = format!("/api/imports/{id}/batches/{seq}");
        let (app, agent) = (&app, &agent);
        async move { app.call_as("PUT", &uri, Some(&body), agent).await }
    };

    let first = [(2, "ana@example.com"), (3, "eva@")];
    let (status, answer) = put(0, &first).await;
    assert_eq!(status.as_u16(), 200, "{answer}");
    assert_eq!(answer["rows"][1]["outcome"], "rejected", "{answer}");
    let (status, refused) = put(1, &[(4, "luz@example.com"), (5, "sol@example.com")]).await;
    assert_eq!(status.as_u16(), 422, "{refused}");
    let problem = &refused["error"]["problems"][0];
    assert_eq!(problem["code"], "import.too_many_rows", "{refused}");
    assert_eq!(
        problem["message"],
        "An import with this profile takes at most 3 rows; with this batch, this import would \
         have 4. Split the file."
    );
    // Sent again, a stored batch is not counted twice.
    let (status, again) = put(0, &first).await;
    assert_eq!((status.as_u16(), &again), (200, &answer));
    let (status, answer) = put(1, &[(4, "luz@example.com")]).await;
    assert_eq!(status.as_u16(), 200, "{answer}");

    // A correction replaces its line's rejection: the import still has 3 rows.
    let (status, _) = app
        .call_as("POST", &format!("/api/imports/{id}/commit"), None, &agent)
        .await;
    assert_eq!(status.as_u16(), 200);
    let (status, answer) = put(2, &[(3, "eva@example.com")]).await;
    assert_eq!(status.as_u16(), 200, "{answer}");
    assert_eq!(answer["rows"][0]["outcome"], "created", "{answer}");
    let (status, refused) = put(3, &[(5, "sol@example.com")]).await;
    assert_eq!(status.as_u16(), 422, "{refused}");
    let (_, summary) = app.get_as(&format!("/api/imports/{id}"), &agent).await;
    assert_eq!(summary["counts"]["created"], 3, "{summary}");

    // The same batch, up to the limit, sent twice at once: both get its answer. (Three
    // imports, as one race may go either way.)
    for attempt in 0..3 {
        let open = json!({ "client_id": format!("twice-{attempt}"), "file_name": "clientes.csv",
                           "profile": { "name": "Pocos" } });
        let (_, import) = app
            .post_json_as("/api/imports", &open.to_string(), &agent)
            .await;
        let rows: Vec<Value> = (0..3)
            .map(|i| {
                let email = format!("twice{attempt}.{i}@example.com");
                json!({ "line": i + 2, "record": customer(&email, &[]) })
            })
            .collect();
        let body = json!({ "rows": rows }).to_string();
        let uri = format!("/api/imports/{}/batches/0", import["id"]);
        let (first, second) = tokio::join!(
            app.call_as("PUT", &uri, Some(&body), &agent),
            app.call_as("PUT", &uri, Some(&body), &agent),
        );
        assert_eq!(first.0.as_u16(), 200, "{}", first.1);
        assert_eq!(second, first);
    }
}
on_both_databases!(a_saved_profiles_max_rows_caps_the_rows_an_import_takes);

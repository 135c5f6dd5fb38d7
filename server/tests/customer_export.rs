//! `GET /api/customers/export.csv`: every matching customer, in pages, with the columns any of
//! them has, formulas neutralised, and only the caller's workspace.

use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::http::{Backend, TestApp};

/// Imports `rows` (already records) in one batch of a new import with `options`.
async fn import(app: &TestApp, client_id: &str, options: Value, rows: Vec<Value>) {
    let body = json!({ "client_id": client_id, "file_name": "export.csv",
                       "profile": { "default_country": "EC" }, "options": options });
    let (status, opened) = app.post_json("/api/imports", &body.to_string()).await;
    assert!(status.is_success(), "{opened}");
    let rows: Vec<Value> = rows
        .into_iter()
        .enumerate()
        .map(|(index, record)| json!({ "line": index + 2, "record": record }))
        .collect();
    let uri = format!("/api/imports/{}/batches/1", opened["id"]);
    let body = json!({ "rows": rows }).to_string();
    let (status, answer) = app
        .call_as("PUT", &uri, Some(&body), crate::support::http::ADMIN_TOKEN)
        .await;
    assert!(status.is_success(), "{answer}");
}

fn record(first_name: &str, email: &str) -> Value {
    json!({ "first_name": first_name, "email": email, "tags": [], "custom": {}, "extra": {} })
}

/// The export's rows (header first), read back with a CSV reader.
async fn export(app: &TestApp, query: &str) -> Vec<Vec<String>> {
    let (status, headers, bytes) = app
        .get_bytes(&format!("/api/customers/export.csv{query}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte order mark for Excel"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn the_export_has_every_customer_and_column(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut muñoz = record("José", "jose@example.com");
    muñoz["last_name"] = json!("Muñoz");
    muñoz["notes"] = json!("=HYPERLINK(\"http://x\")");
    muñoz["extra"] = json!({ "Origen": "Feria" });
    muñoz["tags"] = json!(["vip"]);
    import(&app, "e1", json!({ "list": "Feria" }), vec![muñoz]).await;
    // More than one page of 2,000.
    let many: Vec<Value> = (0..2_100)
        .map(|i| record("Cliente", &format!("c{i}@example.com")))
        .collect();
    import(&app, "e2", json!({ "assign_to": { "kind": "me" } }), many).await;

    let rows = export(&app, "").await;
    let header = &rows[0];
    assert_eq!(header[0], "id");
    assert_eq!(&header[1..3], ["first_name", "middle_name"]);
    for column in [
        "email",
        "tags",
        "notes",
        "assigned_agent",
        "assigned_group",
        "extra.Origen",
        "file_name",
        "line",
    ] {
        assert!(
            header.contains(&column.to_owned()),
            "{column} in {header:?}"
        );
    }
    assert_eq!(rows.len(), 1 + 2_101, "every customer, across pages, once");
    let at = |name: &str| header.iter().position(|column| column == name).unwrap();
    let jose = &rows[1];
    assert_eq!(jose[at("first_name")], "José");
    assert_eq!(jose[at("last_name")], "Muñoz");
    assert_eq!(
        jose[at("notes")],
        "'=HYPERLINK(\"http://x\")",
        "formulas are neutralised"
    );
    assert_eq!(jose[at("extra.Origen")], "Feria");
    assert_eq!(jose[at("tags")], "vip");
    assert!(
        !rows[2][at("assigned_agent")].is_empty(),
        "assigned to the importing admin"
    );
    let mut ids: Vec<&str> = rows[1..].iter().map(|row| row[0].as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 2_101);

    let on_list = export(&app, "?list=Feria").await;
    assert_eq!(on_list.len(), 2, "the filters of the list apply");
    assert_eq!(on_list[1][at("email")], "jose@example.com");
    let searched = export(&app, "?q=munoz").await;
    assert_eq!(searched.len(), 2);

    let outsider = app.outsider_token().await;
    let (status, _) = app.get_anonymous("/api/customers/export.csv").await;
    assert_eq!(status, 401);
    let request = axum::http::Request::get("/api/customers/export.csv")
        .header("authorization", format!("Bearer {outsider}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(
        text.lines().count(),
        1,
        "another workspace sees a header only: {text}"
    );
}
on_both_databases!(the_export_has_every_customer_and_column);

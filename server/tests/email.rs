//! Committing an import emails its summary, with the rejected rows attached, through a real SMTP
//! server.

use clientela_server::Mailer;
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{ADMIN_EMAIL, ADMIN_TOKEN, Backend, TestApp};
use crate::support::smtp::SmtpSink;

async fn a_committed_import_is_emailed_with_its_errors(backend: Backend) {
    let sink = SmtpSink::start();
    let mailer = Mailer::new(&sink.url, "Clientela <clientela@example.com>").unwrap();
    let app = TestApp::with_mailer(backend, mailer).await;
    let body = json!({ "client_id": "mail", "file_name": "clientes.csv", "columns": ["Nombre", "Correo"],
                       "profile": { "required": ["first_name"] } });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let id = import["id"].as_i64().unwrap();
    let rows = json!({ "rows": [
        { "line": 2, "record": { "first_name": "Ana", "email": "ana@example.com", "tags": [], "custom": {}, "extra": {} },
          "source": ["Ana", "ana@example.com"] },
        { "line": 3, "record": { "first_name": "Luis", "email": "luis@", "tags": [], "custom": {}, "extra": {} },
          "source": ["Luis", "luis@"] },
    ]});
    let request = axum::http::Request::put(format!("/api/imports/{id}/batches/1"))
        .header("authorization", format!("Bearer {ADMIN_TOKEN}"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(rows.to_string()))
        .unwrap();
    app.request(request).await;
    let (status, _) = app
        .post_json(&format!("/api/imports/{id}/commit"), "")
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);

    let mail = sink.received();
    assert!(mail.contains(&format!("To: {ADMIN_EMAIL}")), "{mail}");
    assert!(
        mail.contains("Subject: Import of clientes.csv: 1 created"),
        "{mail}"
    );
    assert!(mail.contains("Rejected: 1"), "{mail}");
    assert!(
        mail.contains("clientes-errors.csv"),
        "the error file is attached: {mail}"
    );
}
on_both_databases!(a_committed_import_is_emailed_with_its_errors);

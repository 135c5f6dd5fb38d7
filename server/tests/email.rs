//! Committing an import emails its summary, with the rejected rows attached, through a real SMTP
//! server.

use clientela_server::Mailer;
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{ADMIN_EMAIL, ADMIN_TOKEN, Backend, TestApp};
use crate::support::smtp::SmtpSink;

/// The app sending its emails to a new SMTP sink, with an import of `clientes.csv` open.
async fn app_mailing_to(backend: Backend) -> (SmtpSink, TestApp, i64) {
    let sink = SmtpSink::start();
    let mailer = Mailer::new(&sink.url, "Clientela <clientela@example.com>").unwrap();
    let app = TestApp::with_mailer(backend, mailer).await;
    let body = json!({ "client_id": "mail", "file_name": "clientes.csv", "columns": ["Nombre", "Correo"],
                       "profile": { "required": ["first_name"] } });
    let (_, import) = app.post_json("/api/imports", &body.to_string()).await;
    let id = import["id"].as_i64().unwrap();
    (sink, app, id)
}

async fn a_committed_import_is_emailed_with_its_errors(backend: Backend) {
    let (sink, app, id) = app_mailing_to(backend).await;
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
        mail.contains("Subject: Import of clientes.csv finished. Created: 1"),
        "{mail}"
    );
    assert!(mail.contains("Rejected: 1"), "{mail}");
    assert!(
        mail.contains("clientes-errors.csv"),
        "the error file is attached: {mail}"
    );
}
on_both_databases!(a_committed_import_is_emailed_with_its_errors);

async fn the_email_speaks_the_language_the_import_was_committed_in(backend: Backend) {
    let (sink, app, id) = app_mailing_to(backend).await;
    let rows = json!({ "rows": [
        { "line": 2, "record": { "first_name": "Luis", "email": "luis@", "tags": [], "custom": {}, "extra": {} },
          "source": ["Luis", "luis@"] },
    ]});
    let mut answers = Vec::new();
    for (method, uri, body) in [
        (
            "PUT",
            format!("/api/imports/{id}/batches/1"),
            rows.to_string(),
        ),
        ("POST", format!("/api/imports/{id}/commit"), String::new()),
    ] {
        let request = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {ADMIN_TOKEN}"))
            .header("content-type", "application/json")
            .header("accept-language", "es-EC,es;q=0.9")
            .body(axum::body::Body::from(body))
            .unwrap();
        answers.push(app.request(request).await);
    }
    let (_, _, batch_answer) = &answers[0];
    let reason = &batch_answer["rows"][0]["reasons"][0]["message"];
    assert!(
        reason.as_str().unwrap().contains("no es un correo"),
        "the reason, and the error file with it, in Spanish: {batch_answer}"
    );
    let mail = sink.received();
    assert!(
        mail.contains("de clientes.csv terminada. Creados: 0"),
        "{mail}"
    );
    assert!(mail.contains("Rechazados: 1"), "{mail}");
}
on_both_databases!(the_email_speaks_the_language_the_import_was_committed_in);

/// The summary of an import opened by a user an admin deactivated since goes to whoever commits
/// it, not to the former user.
async fn a_deactivated_users_import_is_emailed_to_whoever_commits_it(backend: Backend) {
    let sink = SmtpSink::start();
    let mailer = Mailer::new(&sink.url, "Clientela <clientela@example.com>").unwrap();
    let app = TestApp::with_mailer(backend, mailer).await;
    let (marta, token) = app
        .user_with_token("marta@example.com", clientela_shared::Role::Agent)
        .await;
    let body = json!({ "client_id": "marta", "file_name": "marta.csv", "profile": {} });
    let (_, import) = app
        .post_json_as("/api/imports", &body.to_string(), &token)
        .await;
    app.deactivate(marta).await;
    let (status, _) = app
        .post_json(&format!("/api/imports/{}/commit", import["id"]), "")
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);
    let mail = sink.received();
    assert!(mail.contains(&format!("To: {ADMIN_EMAIL}")), "{mail}");
    assert!(!mail.contains("marta@example.com"), "{mail}");
}
on_both_databases!(a_deactivated_users_import_is_emailed_to_whoever_commits_it);

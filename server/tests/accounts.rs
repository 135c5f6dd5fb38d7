//! Accounts: the first start, signing in and out, API tokens, and the command line that manages
//! users and tokens.

use std::io::Write;
use std::process::{Command, Stdio};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clientela_server::accounts::{NewUser, add_user, create_token_for, ensure_first_workspace};
use clientela_server::now_millis;
use clientela_shared::Role;
use sqlx::Row;

use crate::on_both_databases;
use crate::support::http::{
    ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_TOKEN, Backend, TestApp, fresh_database,
};

fn get_with(uri: &str, name: &str, value: &str) -> Request<Body> {
    Request::get(uri)
        .header(name, value)
        .body(Body::empty())
        .unwrap()
}

fn sign_in_request(email: &str, password: &str) -> Request<Body> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap()
}

async fn racing_first_starts_create_one_admin(backend: Backend) {
    let (db, _url, _dir) = fresh_database(backend).await;
    let (a, b) = tokio::join!(
        ensure_first_workspace(&db, "first@example.com", None, now_millis()),
        ensure_first_workspace(&db, "second@example.com", None, now_millis()),
    );
    let created: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(
        created.len(),
        1,
        "exactly one start sets up the installation"
    );
    assert!(created[0].generated_password.as_ref().unwrap().len() >= 16);
    let users: i64 = sqlx::query_scalar("select count(*) from app_user")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let workspaces: i64 = sqlx::query_scalar("select count(*) from workspace")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!((users, workspaces), (1, 1));
}
on_both_databases!(racing_first_starts_create_one_admin);

async fn anonymous_and_unknown_tokens_get_401(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (status, body) = app.get_anonymous("/api/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"]["code"], "auth.unauthorized");
    let request = get_with("/api/me", "authorization", "Bearer clt_not-a-token");
    assert_eq!(app.request(request).await.0, StatusCode::UNAUTHORIZED);
}
on_both_databases!(anonymous_and_unknown_tokens_get_401);

async fn the_admin_token_acts_as_the_first_admin(backend: Backend) {
    let app = TestApp::new(backend).await;
    let request = get_with("/api/me", "authorization", &format!("Bearer {ADMIN_TOKEN}"));
    let (status, _, me) = app.request(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["email"], ADMIN_EMAIL);
    assert_eq!(me["role"], "admin");
}
on_both_databases!(the_admin_token_acts_as_the_first_admin);

async fn sign_in_sign_out_with_a_cookie(backend: Backend) {
    let app = TestApp::new(backend).await;

    let wrong_password = app.request(sign_in_request(ADMIN_EMAIL, "nope")).await;
    let unknown_email = app
        .request(sign_in_request("who@example.com", "nope"))
        .await;
    assert_eq!(wrong_password.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong_password.2, unknown_email.2,
        "no hint which one was wrong"
    );

    let (status, headers, me) = app
        .request(sign_in_request("ADMIN@Example.com", ADMIN_PASSWORD))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "admin");
    let set_cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Strict"), "{set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_owned();

    let (status, _, me) = app.request(get_with("/api/me", "cookie", &cookie)).await;
    assert_eq!(
        (status, me["email"].as_str()),
        (StatusCode::OK, Some(ADMIN_EMAIL))
    );

    // A change by cookie without the CSRF header is refused, as a forged request would be.
    let forged = Request::delete("/api/session")
        .header("cookie", &cookie)
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = app.request(forged).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "auth.forbidden");

    let sign_out = Request::delete("/api/session")
        .header("cookie", &cookie)
        .header("x-clientela-csrf", "1")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = app.request(sign_out).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(
        headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let (status, _, _) = app.request(get_with("/api/me", "cookie", &cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the session is gone");
}
on_both_databases!(sign_in_sign_out_with_a_cookie);

async fn api_tokens_work_and_only_their_hash_is_stored(backend: Backend) {
    let app = TestApp::new(backend).await;
    let workspace_id: i64 = sqlx::query_scalar("select id from workspace")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let agent = NewUser {
        workspace_id,
        email: "Agent@Example.com",
        name: " Ana  ",
        role: Role::Agent,
        password: None,
    };
    let stored = add_user(&app.db, &agent, now_millis()).await.unwrap();
    assert_eq!(
        (stored.email.as_str(), stored.name.as_str()),
        ("agent@example.com", "Ana")
    );
    let again = add_user(&app.db, &agent, now_millis()).await.unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");

    let token = create_token_for(&app.db, "agent@example.com", "sync", now_millis())
        .await
        .unwrap()
        .unwrap();
    let request = get_with(
        "/api/me",
        "authorization",
        &format!("Bearer {}", token.expose()),
    );
    let (status, _, me) = app.request(request).await;
    assert_eq!(
        (status, me["role"].as_str()),
        (StatusCode::OK, Some("agent"))
    );

    let rows = sqlx::query("select token_hash from api_token")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    let hash: String = rows[0].try_get("token_hash").unwrap();
    assert_eq!(rows.len(), 1);
    assert!(!hash.contains(&token.expose()[4..]));

    // A user without a password cannot sign in with an empty one.
    let (status, _, _) = app.request(sign_in_request("agent@example.com", "")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
on_both_databases!(api_tokens_work_and_only_their_hash_is_stored);

/// `clientela user add` and `clientela token create` against the test's database.
async fn the_command_line_adds_users_and_tokens(backend: Backend) {
    let app = TestApp::new(backend).await;
    let clientela = env!("CARGO_BIN_EXE_clientela");

    let mut add = Command::new(clientela)
        .args([
            "user",
            "add",
            "sup@example.com",
            "--name",
            "Sofía",
            "--role",
            "supervisor",
        ])
        .args(["--password-stdin", "--database-url", &app.url])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"long enough secret\n")
        .unwrap();
    let added = add.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&added.stdout);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(
        stdout.contains("sup@example.com (Sofía, supervisor)"),
        "{stdout}"
    );

    let duplicate = Command::new(clientela)
        .args([
            "user",
            "add",
            "SUP@example.com",
            "--name",
            "X",
            "--database-url",
            &app.url,
        ])
        .output()
        .unwrap();
    assert!(!duplicate.status.success());
    assert!(String::from_utf8_lossy(&duplicate.stderr).contains("already exists"));

    let created = Command::new(clientela)
        .args([
            "token",
            "create",
            "sup@example.com",
            "--database-url",
            &app.url,
        ])
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let token = String::from_utf8(created.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("clt_"), "{token}");

    let request = get_with("/api/me", "authorization", &format!("Bearer {token}"));
    let (status, _, me) = app.request(request).await;
    assert_eq!(
        (status, me["name"].as_str()),
        (StatusCode::OK, Some("Sofía"))
    );
    let (status, _, _) = app
        .request(sign_in_request("sup@example.com", "long enough secret"))
        .await;
    assert_eq!(status, StatusCode::OK);

    let nobody = Command::new(clientela)
        .args([
            "token",
            "create",
            "nobody@example.com",
            "--database-url",
            &app.url,
        ])
        .output()
        .unwrap();
    assert!(!nobody.status.success());
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("no active user has the email"));
}
on_both_databases!(the_command_line_adds_users_and_tokens);

/// Runs `clientela ARGS --database-url URL`; gives whether it succeeded, and its output and
/// error output.
fn clientela(args: &[&str], url: &str) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_clientela"))
        .args(args)
        .args(["--database-url", url])
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

async fn the_command_line_lists_deactivates_and_reactivates_users(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (agent_id, agent_token) = app.user_with_token("ana@example.com", Role::Agent).await;
    let me = |token: String| get_with("/api/me", "authorization", &format!("Bearer {token}"));

    let (ok, listed, _) = clientela(&["user", "list"], &app.url);
    assert!(ok);
    let ana_line = format!("{agent_id}\tana@example.com\tana@example.com\tagent\tavailable");
    assert!(listed.lines().any(|line| line == ana_line), "{listed}");
    assert!(
        listed
            .lines()
            .any(|line| line.contains(&format!("\t{ADMIN_EMAIL}\t")) && line.ends_with("available")),
        "{listed}"
    );

    let (ok, said, error) = clientela(&["user", "deactivate", "ANA@example.com"], &app.url);
    assert!(ok, "{error}");
    assert!(said.contains("ana@example.com is deactivated"), "{said}");
    let (status, _, _) = app.request(me(agent_token.clone())).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "her token ended");
    let (_, listed, _) = clientela(&["user", "list"], &app.url);
    assert!(
        listed
            .lines()
            .any(|line| line.starts_with(&format!("{agent_id}\t"))
                && line.ends_with("\tdeactivated")),
        "{listed}"
    );

    // The workspace keeps an active admin.
    let (ok, _, error) = clientela(&["user", "deactivate", ADMIN_EMAIL], &app.url);
    assert!(!ok);
    assert!(error.contains("last active admin"), "{error}");
    let (status, _, _) = app
        .request(sign_in_request(ADMIN_EMAIL, ADMIN_PASSWORD))
        .await;
    assert_eq!(status, StatusCode::OK);

    let (ok, said, error) = clientela(&["user", "activate", "ana@example.com"], &app.url);
    assert!(ok, "{error}");
    assert!(said.contains("ana@example.com may sign in again"), "{said}");
    let (status, _, _) = app.request(me(agent_token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "old tokens stay revoked");
    let (_, listed, _) = clientela(&["user", "list"], &app.url);
    assert!(
        listed
            .lines()
            .any(|line| line.starts_with(&format!("{agent_id}\t")) && line.ends_with("\taway")),
        "{listed}"
    );
    let (ok, token, _) = clientela(&["token", "create", "ana@example.com"], &app.url);
    assert!(ok);
    let (status, _, _) = app.request(me(token.trim().to_owned())).await;
    assert_eq!(status, StatusCode::OK, "a new token works");

    let (ok, said, _) = clientela(&["user", "activate", "ana@example.com"], &app.url);
    assert!(ok);
    assert_eq!(said.trim(), "ana@example.com is active already");

    let (ok, _, error) = clientela(&["user", "activate", "nobody@example.com"], &app.url);
    assert!(!ok);
    assert!(
        error.contains("no user has the email nobody@example.com"),
        "{error}"
    );
}
on_both_databases!(the_command_line_lists_deactivates_and_reactivates_users);

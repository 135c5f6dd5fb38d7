//! Each caller gets so many API requests a minute; beyond that, 429 with `Retry-After` and the
//! usual JSON error, while other callers go on as before.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

use crate::on_both_databases;
use crate::support::http::{ADMIN_EMAIL, ADMIN_TOKEN, Backend, TestApp};

async fn a_token_over_the_limit_waits_and_others_do_not(backend: Backend) {
    let app = TestApp::with_rate_limit(backend, 3).await;
    let outsider = app.outsider_token().await;
    for _ in 0..3 {
        let (status, _) = app.get("/api/imports").await;
        assert_eq!(status, StatusCode::OK);
    }
    let request = Request::get("/api/imports")
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = app.request(request).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "rate.limited");
    // Three a minute: the next one in 20 seconds.
    assert_eq!(headers[header::RETRY_AFTER], "20");

    let (status, _) = app.get_as("/api/imports", &outsider).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "another token has its own allowance"
    );
    let (status, _) = app.get_anonymous("/api/health").await;
    assert_eq!(status, StatusCode::OK, "so do anonymous callers");
}
on_both_databases!(a_token_over_the_limit_waits_and_others_do_not);

/// Replicas of the server over one PostgreSQL count a caller's requests together: the limit is
/// the caller's, not each replica's.
#[tokio::test]
async fn replicas_share_one_allowance_on_postgres() {
    let app = TestApp::with_rate_limit(Backend::Postgres, 3).await;
    let replica = app.replica(|state| state.with_rate_limit(3)).await;
    for server in [&app, &replica, &app] {
        let (status, _) = server.get("/api/imports").await;
        assert_eq!(status, StatusCode::OK);
    }
    // Three went through, two on one replica and one on the other; the fourth is refused by
    // either.
    for server in [&app, &replica] {
        let request = Request::get("/api/imports")
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let (status, headers, body) = server.request(request).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
        let wait: u64 = headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=20).contains(&wait), "{wait}");
    }
}

async fn made_up_tokens_buy_no_more_sign_in_attempts(backend: Backend) {
    let app = TestApp::with_rate_limit(backend, 3).await;
    let sign_in = |attempt: usize| {
        let body = json!({ "email": ADMIN_EMAIL, "password": format!("guess {attempt}") });
        let request = Request::post("/api/session")
            .header(header::AUTHORIZATION, format!("Bearer made-up-{attempt}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        app.request(request)
    };
    for attempt in 0..3 {
        let (status, _, _) = sign_in(attempt).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, headers, body) = sign_in(3).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(headers.contains_key(header::RETRY_AFTER));
}
on_both_databases!(made_up_tokens_buy_no_more_sign_in_attempts);

async fn zero_turns_the_limit_off(backend: Backend) {
    let app = TestApp::with_rate_limit(backend, 0).await;
    for _ in 0..50 {
        let (status, _) = app.get("/api/imports").await;
        assert_eq!(status, StatusCode::OK);
    }
}
on_both_databases!(zero_turns_the_limit_off);

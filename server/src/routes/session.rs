//! Signing in and out in the browser, and who is signed in:
//! `POST /api/session`, `DELETE /api/session`, `GET /api/me`.

use axum::Router;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse};
use axum::routing::{get, post};
use clientela_shared::{Me, SignIn};

use crate::accounts::{self, verify_password};
use crate::auth::{CurrentUser, SESSION_COOKIE, session_cookie};
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;

/// How long a browser session lasts: 12 hours, a working day with room to spare.
const SESSION_SECONDS: i64 = 12 * 60 * 60;

/// A valid hash of a password nobody has, checked when the email is unknown so that a wrong
/// email takes as long as a wrong password.
const DECOY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$8sJ9D8QvRkL8gq3zRZ+v1N5y3w2QqvY1oMfH7cCq7cU";

/// Where browsers sign in (`POST`) and out (`DELETE`), as the rate limiter sees it; the same
/// text as the route below, which is written out so the OpenAPI test can read it.
pub(crate) const SIGN_IN_PATH: &str = "/session";

/// The session routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(sign_in).delete(sign_out))
        .route("/me", get(me))
}

async fn sign_in(
    State(state): State<AppState>,
    Json(request): Json<SignIn>,
) -> Result<impl IntoResponse, ApiError> {
    let user = accounts::find_user_by_email(&state.db, &request.email).await?;
    let hash = user
        .as_ref()
        .and_then(|user| user.password_hash.as_deref())
        .unwrap_or(DECOY_HASH);
    let password_matches = verify_password(&request.password, hash);
    // A deactivated user is refused like a wrong password: the answer tells nothing more.
    let Some(user) = user.filter(|user| password_matches && user.active) else {
        tracing::info!("sign-in refused");
        return Err(ApiError::Unauthorized);
    };
    let cookie =
        accounts::create_session(&state.db, user.id, now_millis(), SESSION_SECONDS * 1000).await?;
    tracing::info!(user = user.id, "signed in");
    let set_cookie = cookie_header(cookie.expose(), SESSION_SECONDS, state.auth.secure_cookies);
    Ok((AppendHeaders([(SET_COOKIE, set_cookie)]), Json(user.me())))
}

async fn sign_out(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(cookie) = session_cookie(&headers) {
        accounts::delete_session(&state.db, cookie).await?;
    }
    tracing::info!(user = user.id, "signed out");
    let expired = cookie_header("", 0, state.auth.secure_cookies);
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(SET_COOKIE, expired)]),
    ))
}

async fn me(CurrentUser(user): CurrentUser) -> Json<Me> {
    Json(user.me())
}

/// The `Set-Cookie` value for the session cookie: unreadable by scripts, never sent with
/// requests started by other sites.
fn cookie_header(value: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}{secure}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decoy_hash_is_a_valid_hash_that_matches_nothing_likely() {
        assert!(!verify_password("", DECOY_HASH));
        assert!(argon2::password_hash::PasswordHash::new(DECOY_HASH).is_ok());
    }

    #[test]
    fn the_cookie_is_http_only_and_same_site_strict() {
        assert_eq!(
            cookie_header("v", 60, true),
            "clientela_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure"
        );
    }
}

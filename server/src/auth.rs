//! Who is calling: an API token (`Authorization: Bearer …`) for programs, or the session cookie
//! for the browser.
//!
//! Requests signed in by cookie that change something must also carry the header
//! `X-Clientela-Csrf: 1`. Another site cannot add a custom header without a CORS preflight, which
//! this server never grants, so a forged cross-site request is refused even if the browser sent
//! the cookie.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use clientela_shared::ApiMessage;
use sqlx::Row;

use crate::accounts::{self, StoredUser, hash_secret};
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::state::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "clientela_session";

/// The header that cookie-authenticated changes must carry.
pub const CSRF_HEADER: &str = "x-clientela-csrf";

/// How the server recognises callers.
#[derive(Debug, Clone, Default)]
pub struct AuthConfig {
    /// SHA-256 of `CLIENTELA_ADMIN_TOKEN`, accepted as the first admin's API token.
    pub admin_token_hash: Option<String>,
    /// Whether the session cookie is marked `Secure` (sent over HTTPS only).
    pub secure_cookies: bool,
}

impl AuthConfig {
    /// Accepts `admin_token` (when set and not blank) as the first admin's token.
    pub fn new(admin_token: Option<&str>, secure_cookies: bool) -> AuthConfig {
        AuthConfig {
            admin_token_hash: admin_token
                .map(str::trim)
                .filter(|token| !token.is_empty())
                .map(hash_secret),
            secure_cookies,
        }
    }
}

/// The signed-in user of a request; handlers that take it refuse anonymous calls with 401.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub StoredUser);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let user = if let Some(token) = bearer_token(&parts.headers) {
            user_by_token(state, token).await?
        } else if let Some(cookie) = session_cookie(&parts.headers) {
            if !parts.method.is_safe() && !parts.headers.contains_key(CSRF_HEADER) {
                return Err(ApiError::Forbidden(ApiMessage::CsrfHeaderMissing {
                    header: CSRF_HEADER.to_owned(),
                }));
            }
            accounts::user_by_session(&state.db, cookie, now_millis()).await?
        } else {
            None
        };
        user.map(CurrentUser).ok_or(ApiError::Unauthorized)
    }
}

async fn user_by_token(state: &AppState, token: &str) -> Result<Option<StoredUser>, ApiError> {
    let is_admin_token = state
        .auth
        .admin_token_hash
        .as_deref()
        .is_some_and(|hash| hash == hash_secret(token));
    if is_admin_token {
        return Ok(first_admin(state).await?);
    }
    Ok(accounts::user_by_token(&state.db, token).await?)
}

async fn first_admin(state: &AppState) -> Result<Option<StoredUser>, sqlx::Error> {
    let email: Option<String> = sqlx::query(
        "select email from app_user where role = 'admin' and active = 1 order by id limit 1",
    )
    .fetch_optional(state.db.pool())
    .await?
    .map(|row| row.try_get("email"))
    .transpose()?;
    match email {
        Some(email) => accounts::find_user_by_email(&state.db, &email).await,
        None => Ok(None),
    }
}

/// The token of an `Authorization: Bearer <token>` header.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| !token.is_empty())
}

/// The value of the session cookie, if the request has one.
pub fn session_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use axum::http::header::{AUTHORIZATION, COOKIE};

    use super::*;

    #[test]
    fn the_bearer_token_is_read_in_any_case() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer  clt_abc "));
        assert_eq!(bearer_token(&headers), Some("clt_abc"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer_token(&headers), None);
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; clientela_session=xyz; b=2"),
        );
        assert_eq!(session_cookie(&headers), Some("xyz"));
        headers.insert(COOKIE, HeaderValue::from_static("clientela_session="));
        assert_eq!(session_cookie(&headers), None);
    }
}

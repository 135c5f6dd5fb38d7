//! The one error type of the API: user errors as JSON with detail, internal errors logged.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection, StringRejection};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use clientela_shared::RequestProblem;
use serde_json::json;

use crate::MAX_BODY_BYTES;

/// Everything a handler can answer instead of success.
#[derive(Debug)]
pub enum ApiError {
    /// The request is well-formed JSON but its content is not acceptable (422).
    Invalid(Vec<RequestProblem>),
    /// The body is not the JSON the endpoint expects (400, 415 or 422), or is larger than
    /// [`MAX_BODY_BYTES`] (413).
    BadJson(JsonRejection),
    /// A text body (a profile in TOML) is not UTF-8 (400), or is larger than
    /// [`MAX_BODY_BYTES`] (413).
    BadText(StringRejection),
    /// The query string is not what the endpoint expects (400).
    BadQuery(QueryRejection),
    /// A parameter in the path does not parse, such as a word where an id goes (400).
    BadPath(PathRejection),
    /// The path exists but not with this method (405).
    MethodNotAllowed,
    /// The caller is not signed in, or the token or session is unknown or expired (401).
    Unauthorized,
    /// The caller is signed in but may not do this (403); the message says why.
    Forbidden(String),
    /// The request clashes with what is stored (409); `code` tells the client what to do.
    Conflict {
        /// A stable code, such as `batch.changed`.
        code: &'static str,
        /// What happened, in words.
        message: String,
    },
    /// Nothing matches the path (404).
    NotFound,
    /// The caller sent more requests than the rate limit allows (429).
    TooManyRequests {
        /// How long to wait before the next request is accepted, for `Retry-After`.
        retry_after_seconds: u64,
    },
    /// Something failed on our side; the details go to the log, never to the client (500).
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    /// A 422 with one problem.
    pub fn invalid(field: &str, code: &str, message: impl Into<String>) -> ApiError {
        ApiError::Invalid(vec![RequestProblem {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }])
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        ApiError::Internal(Box::new(err))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::BadJson(rejection)
    }
}

impl From<StringRejection> for ApiError {
    fn from(rejection: StringRejection) -> Self {
        ApiError::BadText(rejection)
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadPath(rejection)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadQuery(rejection)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            ApiError::TooManyRequests {
                retry_after_seconds,
            } => Some([(header::RETRY_AFTER, retry_after_seconds.to_string())]),
            _ => None,
        };
        let (status, code, message, problems) = match self {
            ApiError::Invalid(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "request.invalid",
                "The request cannot be accepted.".to_owned(),
                problems,
            ),
            ApiError::BadJson(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                too_large()
            }
            ApiError::BadText(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                too_large()
            }
            ApiError::BadJson(rejection) => (
                rejection.status(),
                "request.bad_json",
                rejection.body_text(),
                Vec::new(),
            ),
            ApiError::BadText(rejection) => (
                rejection.status(),
                "request.bad_body",
                rejection.body_text(),
                Vec::new(),
            ),
            ApiError::BadQuery(rejection) => (
                rejection.status(),
                "request.bad_query",
                rejection.body_text(),
                Vec::new(),
            ),
            ApiError::BadPath(rejection) => (
                rejection.status(),
                "request.bad_path",
                rejection.body_text(),
                Vec::new(),
            ),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "request.method_not_allowed",
                "This path does not take this method.".to_owned(),
                Vec::new(),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "auth.unauthorized",
                "Sign in first, or send a valid API token.".to_owned(),
                Vec::new(),
            ),
            ApiError::Forbidden(message) => {
                (StatusCode::FORBIDDEN, "auth.forbidden", message, Vec::new())
            }
            ApiError::Conflict { code, message } => {
                (StatusCode::CONFLICT, code, message, Vec::new())
            }
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "Nothing here.".to_owned(),
                Vec::new(),
            ),
            ApiError::TooManyRequests {
                retry_after_seconds,
            } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate.limited",
                format!("Too many requests. Try again in {retry_after_seconds} s."),
                Vec::new(),
            ),
            ApiError::Internal(err) => {
                tracing::error!(error = %err, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Something went wrong on the server. Please try again.".to_owned(),
                    Vec::new(),
                )
            }
        };
        let body = json!({ "error": { "code": code, "message": message, "problems": problems } });
        (status, retry_after, axum::Json(body)).into_response()
    }
}

/// The answer to a body over [`MAX_BODY_BYTES`].
fn too_large() -> (StatusCode, &'static str, String, Vec<RequestProblem>) {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        "body.too_large",
        format!(
            "The request is larger than the {} MiB the server accepts; send fewer rows per \
             request.",
            MAX_BODY_BYTES / (1024 * 1024)
        ),
        Vec::new(),
    )
}

//! The one error type of the API: user errors as JSON with detail, internal errors logged.
//! Messages are written in the request's language (`Accept-Language`), English by default;
//! codes never change with it.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection, StringRejection};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use clientela_shared::{ApiMessage, FieldProblem, RequestProblem};
use serde_json::json;

use crate::MAX_BODY_BYTES;
use crate::request_language;

/// Everything a handler can answer instead of success.
#[derive(Debug)]
pub enum ApiError {
    /// The request is well-formed JSON but its content is not acceptable (422).
    Invalid(Vec<FieldProblem>),
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
    Forbidden(ApiMessage),
    /// The request clashes with what is stored (409); the message's code, such as
    /// `batch.changed`, tells the client what to do.
    Conflict(ApiMessage),
    /// Nothing matches the path (404).
    NotFound,
    /// The caller sent more requests than the rate limit allows (429).
    TooManyRequests {
        /// How long to wait before the next request is accepted, for `Retry-After`.
        retry_after_seconds: u64,
    },
    /// The request took longer than the server allows one (408).
    Timeout {
        /// The most a request may take, in seconds.
        seconds: u64,
    },
    /// Something failed on our side; the details go to the log, never to the client (500).
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    /// A 422 with one problem: `message` about `field`.
    pub fn invalid(field: &str, message: ApiMessage) -> ApiError {
        ApiError::Invalid(vec![FieldProblem::new(field, message)])
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
        let (status, message, problems) = match self {
            ApiError::Invalid(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiMessage::RequestInvalid,
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
                ApiMessage::BadJson {
                    detail: rejection.body_text(),
                },
                Vec::new(),
            ),
            ApiError::BadText(rejection) => (
                rejection.status(),
                ApiMessage::BadBody {
                    detail: rejection.body_text(),
                },
                Vec::new(),
            ),
            ApiError::BadQuery(rejection) => (
                rejection.status(),
                ApiMessage::BadQuery {
                    detail: rejection.body_text(),
                },
                Vec::new(),
            ),
            ApiError::BadPath(rejection) => (
                rejection.status(),
                ApiMessage::BadPath {
                    detail: rejection.body_text(),
                },
                Vec::new(),
            ),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                ApiMessage::MethodNotAllowed,
                Vec::new(),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                ApiMessage::Unauthorized,
                Vec::new(),
            ),
            ApiError::Forbidden(message) => (StatusCode::FORBIDDEN, message, Vec::new()),
            ApiError::Conflict(message) => (StatusCode::CONFLICT, message, Vec::new()),
            ApiError::NotFound => (StatusCode::NOT_FOUND, ApiMessage::NotFound, Vec::new()),
            ApiError::Timeout { seconds } => (
                StatusCode::REQUEST_TIMEOUT,
                ApiMessage::RequestTimeout { seconds },
                Vec::new(),
            ),
            ApiError::TooManyRequests {
                retry_after_seconds,
            } => (
                StatusCode::TOO_MANY_REQUESTS,
                ApiMessage::RateLimited {
                    retry_after_seconds,
                },
                Vec::new(),
            ),
            ApiError::Internal(err) => {
                tracing::error!(error = %err, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiMessage::Internal,
                    Vec::new(),
                )
            }
        };
        let language = request_language::current();
        let problems: Vec<RequestProblem> = problems
            .iter()
            .map(|problem| problem.to_request_problem(language))
            .collect();
        let body = json!({ "error": {
            "code": message.code(),
            "message": message.text(language),
            "problems": problems,
        } });
        (status, retry_after, axum::Json(body)).into_response()
    }
}

/// The answer to a body over [`MAX_BODY_BYTES`].
fn too_large() -> (StatusCode, ApiMessage, Vec<FieldProblem>) {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        ApiMessage::BodyTooLarge {
            max_mib: MAX_BODY_BYTES / (1024 * 1024),
        },
        Vec::new(),
    )
}

/// The answer to a request whose handler panicked: the 500 of any internal error. What the
/// panic said goes to the log only.
pub(crate) fn answer_panic(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let said = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a panic with no message");
    ApiError::Internal(format!("a handler panicked: {said}").into()).into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    use tower_http::catch_panic::CatchPanicLayer;

    use super::answer_panic;

    #[tokio::test]
    async fn a_panic_answers_the_json_500_and_keeps_its_message_to_the_log() {
        let router = Router::new()
            .route(
                "/boom",
                get(|| async {
                    panic!("secret table name");
                    #[allow(unreachable_code)]
                    ""
                }),
            )
            .layer(CatchPanicLayer::custom(answer_panic));
        let response = router
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "internal");
        assert!(!body.to_string().contains("secret"), "{body}");
    }
}

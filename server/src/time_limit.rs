//! The longest an API request may take. Past it the request is dropped (a batch's transaction
//! with it, so nothing of it is stored) and the answer is the API's JSON 408, in the caller's
//! language.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The middleware: answers `request`, or a 408 once `limit` has passed.
pub(crate) async fn limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout {
            seconds: limit.as_secs(),
        }
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::middleware;
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    use super::limit;

    #[tokio::test]
    async fn a_request_over_the_limit_gets_the_json_408() {
        let router = Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    "late"
                }),
            )
            .route("/quick", get(|| async { "on time" }))
            .layer(middleware::from_fn_with_state(
                Duration::from_millis(50),
                limit,
            ));
        let call = |uri: &'static str| {
            let router = router.clone();
            async move {
                let response = router
                    .oneshot(Request::get(uri).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let status = response.status();
                let body = response.into_body().collect().await.unwrap().to_bytes();
                (status, String::from_utf8(body.to_vec()).unwrap())
            }
        };
        assert_eq!(call("/quick").await, (StatusCode::OK, "on time".to_owned()));
        let (status, body) = call("/slow").await;
        assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
        let body: serde_json::Value = serde_json::from_slice(body.as_bytes()).unwrap();
        assert_eq!(body["error"]["code"], "request.timeout");
    }
}

//! Every request gets an id (`x-request-id`, kept when the caller sends one), which every log
//! line about it carries and the answer repeats, so a user's report can be found in the logs.

use axum::http::Request;
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;

/// The header that carries the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// Makes request ids from a random 64-bit number, in hex.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).ok()?;
        let id = format!("{:016x}", u64::from_le_bytes(bytes));
        Some(RequestId::new(id.parse().ok()?))
    }
}

/// The span a request is logged in: method, path and request id.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), id)
}

//! The Clientela server: the sync API over SQLite or PostgreSQL, and the built browser app.
//!
//! [`app`] builds the whole router, so tests drive it without opening a socket.
#![deny(missing_docs)]

pub mod accounts;
pub mod auth;
mod catalogues;
mod clock;
mod customer_export;
mod customer_lists;
mod customer_store;
mod db;
mod error;
mod imports;
mod json;
mod mail;
mod openapi;
mod path;
mod query;
mod rate_limit;
mod request_language;
mod request_log;
mod routes;
mod sqlite_checkpoints;
mod state;
mod time_limit;
mod ui;

use std::path::Path;

use axum::extract::DefaultBodyLimit;
use axum::{Router, middleware};
use std::time::Duration;

use axum::http::{HeaderName, StatusCode};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use clock::now_millis;
pub use db::Db;
pub use mail::Mailer;
pub use rate_limit::DEFAULT_RATE_LIMIT;
pub use state::AppState;

use error::ApiError;

/// How long one request may take before it is answered with 408 (a full batch takes well under
/// a second).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// Largest request body the API accepts: a full batch of rows with room to spare.
pub(crate) const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The whole server: `/api/…` and, for every other path, the UI built into `ui_dir`.
pub fn app(state: AppState, ui_dir: &Path) -> Router {
    let api = Router::new()
        .merge(routes::health::router())
        .merge(routes::customers::router())
        .merge(routes::session::router())
        .merge(routes::imports::router())
        .merge(routes::catalogues::router())
        .merge(routes::custom_fields::router())
        .merge(routes::groups::router())
        .merge(routes::lists::router())
        .merge(routes::openapi::router())
        .merge(routes::users::router())
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            rate_limit::limit,
        ))
        // A handler that panics answers the JSON 500 of any internal error.
        .layer(CatchPanicLayer::custom(error::answer_panic))
        .layer(middleware::from_fn_with_state(
            REQUEST_TIMEOUT,
            time_limit::limit,
        ))
        // Outermost, so every error of the API, a 429 included, is written in the caller's
        // language.
        .layer(middleware::from_fn(request_language::keep))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state);
    let header = HeaderName::from_static(request_log::REQUEST_ID);
    Router::new()
        .nest("/api", api)
        .merge(ui::router(ui_dir).layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        )))
        .layer(CompressionLayer::new())
        .layer(PropagateRequestIdLayer::new(header.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(request_log::request_span))
        .layer(SetRequestIdLayer::new(header, request_log::RandomRequestId))
}

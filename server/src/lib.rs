//! The Clientela server: the sync API over SQLite or PostgreSQL, and the built browser app.
//!
//! [`app`] builds the whole router, so tests drive it without opening a socket.
#![deny(missing_docs)]

pub mod accounts;
pub mod auth;
mod catalogues;
mod clock;
mod customer_store;
mod db;
mod error;
mod imports;
mod json;
mod routes;
mod state;
mod ui;

use std::path::Path;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use clock::now_millis;
pub use db::Db;
pub use state::AppState;

use error::ApiError;

/// Largest request body the API accepts: a full batch of rows with room to spare.
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The whole server: `/api/…` and, for every other path, the UI built into `ui_dir`.
pub fn app(state: AppState, ui_dir: &Path) -> Router {
    let api = Router::new()
        .merge(routes::health::router())
        .merge(routes::customers::router())
        .merge(routes::session::router())
        .merge(routes::imports::router())
        .merge(routes::catalogues::router())
        .fallback(|| async { ApiError::NotFound })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state);
    Router::new()
        .nest("/api", api)
        .merge(ui::router(ui_dir))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

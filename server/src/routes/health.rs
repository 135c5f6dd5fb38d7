//! `GET /api/health`: is the server up, and can it reach its database?

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use clientela_shared::Health;

use crate::customer_store;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;

/// The health routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    customer_store::ping(&state.db).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

//! `GET /api/openapi.json`: the API's description, for everyone (no sign-in needed).

use axum::Router;
use axum::routing::get;
use serde_json::Value;

use crate::json::Json;
use crate::openapi;
use crate::state::AppState;

/// The OpenAPI route.
pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(document))
}

async fn document() -> Json<Value> {
    Json(openapi::document())
}

//! `GET /api/lists`: the workspace's lists of customers, for everyone signed in.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use clientela_shared::CustomerListInfo;

use crate::auth::CurrentUser;
use crate::customer_lists;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;

/// The list routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/lists", get(lists))
}

async fn lists(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<CustomerListInfo>>, ApiError> {
    Ok(Json(
        customer_lists::lists(&state.db, user.workspace_id).await?,
    ))
}

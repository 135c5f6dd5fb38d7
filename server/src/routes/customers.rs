//! `POST /api/customers` stores rows read in the browser; `GET /api/customers` lists them. Both
//! need a signed-in user and only ever touch that user's workspace.

use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use clientela_shared::{CustomerList, ImportReceipt, ImportRequest, check_import_request};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::clock::now_millis;
use crate::customer_store::{self, NewCustomer};
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;

/// The customer routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/customers", get(list).post(import))
}

async fn import(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Json(request): Json<ImportRequest>,
) -> Result<Json<ImportReceipt>, ApiError> {
    // The browser already checked this; the server checks again with the same code.
    let problems = check_import_request(&request);
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let customers: Vec<NewCustomer> = request.records().collect();
    let stored = customer_store::insert_all(
        &state.db,
        user.workspace_id,
        &request.file_name,
        &customers,
        now_millis(),
    )
    .await?;
    tracing::info!(user = user.id, file = %request.file_name, stored, "customers imported");
    Ok(Json(ImportReceipt { stored }))
}

/// Paging of `GET /api/customers`.
#[derive(Debug, Deserialize)]
struct Page {
    #[serde(default)]
    offset: u64,
    #[serde(default = "default_limit")]
    limit: u32,
}

fn default_limit() -> u32 {
    100
}

async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(page): Query<Page>,
) -> Result<Json<CustomerList>, ApiError> {
    let limit = page.limit.clamp(1, 1000);
    let (customers, total) =
        customer_store::list(&state.db, user.workspace_id, limit, page.offset).await?;
    Ok(Json(CustomerList { customers, total }))
}

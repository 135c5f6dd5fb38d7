//! `POST /api/customers` stores rows read in the browser; `GET /api/customers` lists them. Both
//! need a signed-in user and only ever touch that user's workspace.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use clientela_shared::{CustomerList, ImportReceipt, ImportRequest, check_import_request};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::clock::now_millis;
use crate::customer_export;
use crate::customer_store::{self, CustomerQuery, NewCustomer};
use crate::error::ApiError;
use crate::json::Json;
use crate::query::Query;
use crate::state::AppState;

/// The customer routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/customers", get(list).post(import))
        .route("/customers/export.csv", get(export_csv))
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

/// The query of `GET /api/customers?q=&tag=&status=&agent=&list=&import=&page=` (or `offset=`),
/// `limit=` per page.
#[derive(Debug, Deserialize)]
struct ListQuery {
    q: Option<String>,
    tag: Option<String>,
    status: Option<String>,
    /// An agent's email.
    agent: Option<String>,
    /// A list's name.
    list: Option<String>,
    /// An import's id.
    import: Option<i64>,
    /// 1-based page number; wins over `offset`.
    page: Option<u64>,
    #[serde(default)]
    offset: u64,
    #[serde(default = "default_limit")]
    limit: u32,
}

impl ListQuery {
    /// The search and filters, with this page.
    fn into_customer_query(self, limit: u32, offset: u64) -> CustomerQuery {
        CustomerQuery {
            q: self.q,
            tag: self.tag,
            status: self.status,
            agent: self.agent,
            list: self.list,
            import: self.import,
            limit,
            offset,
        }
    }
}

fn default_limit() -> u32 {
    100
}

async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<ListQuery>,
) -> Result<Json<CustomerList>, ApiError> {
    let limit = query.limit.clamp(1, 1000);
    let offset = match query.page {
        Some(page) => page.saturating_sub(1).saturating_mul(u64::from(limit)),
        None => query.offset,
    };
    let query = query.into_customer_query(limit, offset);
    let (customers, total) = customer_store::list(&state.db, user.workspace_id, &query).await?;
    Ok(Json(CustomerList { customers, total }))
}

/// Every customer matching the same filters as the list (no paging), as a CSV download.
async fn export_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<ListQuery>,
) -> impl IntoResponse {
    let query = query.into_customer_query(0, 0);
    tracing::info!(user = user.id, ?query, "customers exported");
    let chunks = customer_export::export_csv(state.db.clone(), user.workspace_id, query);
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"customers.csv\"",
            ),
        ],
        Body::from_stream(chunks),
    )
}

//! The import protocol: `POST /api/imports` (open, idempotent by client id),
//! `PUT /api/imports/{id}/batches/{seq}` (records, idempotent by content),
//! `POST /api/imports/{id}/preview` (what a batch would do, writing nothing),
//! `POST /api/imports/{id}/commit`, `POST /api/imports/{id}/revert`,
//! `DELETE /api/imports/{id}` (an import that stored nothing yet),
//! `GET /api/imports/{id}/errors.csv` and `errors.xlsx` (the rejected rows),
//! `GET /api/imports` and `GET /api/imports/{id}`.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use clientela_shared::{
    ApiMessage, Batch, Code, FieldProblem, Finding, ImportDetail, ImportSummary, NewImport,
    OutcomeCounts, RevertSummary, Role,
};

use crate::accounts::StoredUser;
use crate::auth::CurrentUser;
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::imports::{self, BatchError, StoredImport};
use crate::json::{Json, JsonText};
use crate::path::Path;
use crate::query::Query;
use crate::request_language;
use crate::state::AppState;

/// The longest client id accepted.
const MAX_CLIENT_ID: usize = 200;

/// The longest list name accepted.
const MAX_LIST_NAME: usize = 100;

/// The import routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/imports", get(list).post(open))
        .route("/imports/{id}", get(show).delete(discard))
        .route("/imports/{id}/batches/{seq}", put(batch))
        .route("/imports/{id}/commit", post(commit))
        .route("/imports/{id}/preview", post(preview))
        .route("/imports/{id}/revert", post(revert))
        .route("/imports/{id}/errors.csv", get(errors_csv))
        .route("/imports/{id}/errors.xlsx", get(errors_xlsx))
}

async fn open(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Json(mut request): Json<NewImport>,
) -> Result<(StatusCode, Json<ImportSummary>), ApiError> {
    // Records are checked again with the workspace's rules, whatever the client sent.
    request.profile = imports::import_profile(&state.db, &user, request.profile).await?;
    let mut problems = check_new_import(&request);
    if let Err(refused) = imports::RecordDefaults::check(&request.profile, &request.options) {
        problems.extend(refused);
    }
    problems.extend(
        imports::check_assignment(&state.db, &user, request.options.assign_to.as_ref()).await?,
    );
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let (import, created) = imports::open(
        &state.db,
        user.workspace_id,
        user.id,
        &request,
        now_millis(),
    )
    .await?;
    if created {
        tracing::info!(user = user.id, import = import.id, file = %import.file_name, "import opened");
    }
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(imports::summary(&state.db, &import).await?)))
}

fn check_new_import(request: &NewImport) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let client_id = request.client_id.trim();
    if client_id.is_empty() || client_id.len() > MAX_CLIENT_ID {
        problems.push(FieldProblem::new(
            "client_id",
            ApiMessage::ClientIdInvalid {
                max: MAX_CLIENT_ID as u64,
            },
        ));
    }
    if request.file_name.trim().is_empty() {
        problems.push(FieldProblem::new("file_name", ApiMessage::FileNameBlank));
    }
    if let Err(err) = request.profile.check() {
        problems.push(FieldProblem::new(
            "profile",
            ApiMessage::ProfileInvalid(err),
        ));
    }
    if let Some(list) = &request.options.list
        && (list.trim().is_empty() || list.trim().chars().count() > MAX_LIST_NAME)
    {
        problems.push(FieldProblem::new(
            "options.list",
            ApiMessage::ListNameInvalid {
                max: MAX_LIST_NAME as u64,
            },
        ));
    }
    if let (Some(rows), Some(max)) = (request.rows, request.profile.max_rows)
        && rows > max
    {
        let too_many = Finding::error(Code::FileTooManyRows)
            .with("rows", rows.to_string())
            .with("max", max.to_string());
        problems.push(FieldProblem::new(
            "rows",
            ApiMessage::ValueRefused(too_many),
        ));
    }
    problems
}

async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<ImportSummary>>, ApiError> {
    Ok(Json(imports::list(&state.db, user.workspace_id).await?))
}

/// `?after_line=&limit=` of `GET /api/imports/{id}`: which page of the rows' outcomes.
#[derive(Debug, Default, serde::Deserialize)]
struct RowsPage {
    /// The page starts after this line (default: the first row).
    after_line: Option<u64>,
    /// Rows per page: 1,000 by default, brought into 1 to 5,000.
    limit: Option<usize>,
}

async fn show(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    Query(page): Query<RowsPage>,
) -> Result<Json<ImportDetail>, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    let summary = imports::summary(&state.db, &import).await?;
    let limit = page
        .limit
        .unwrap_or(imports::ROWS_PER_PAGE)
        .clamp(1, imports::MOST_ROWS_PER_PAGE);
    let after_line = page.after_line.unwrap_or(0);
    let (rows, next_after_line) =
        imports::row_outcomes(&state.db, import.id, after_line, limit).await?;
    Ok(Json(ImportDetail {
        summary,
        rows,
        next_after_line,
    }))
}

async fn batch(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((id, seq)): Path<(i64, u64)>,
    Json(batch): Json<Batch>,
) -> Result<JsonText, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    may_change(&user, &import)?;
    imports::apply_batch(&state.db, &import, seq, &Arc::new(batch), now_millis())
        .await
        .map(JsonText)
        .map_err(|err| batch_error(err, seq))
}

/// The API's answer to a batch that could not be applied.
fn batch_error(err: BatchError, seq: u64) -> ApiError {
    match err {
        BatchError::Closed => ApiError::Conflict(ApiMessage::ImportClosed),
        BatchError::LinesStored(lines) => {
            ApiError::Conflict(ApiMessage::ImportLinesStored { lines })
        }
        BatchError::ChangedContent => ApiError::Conflict(ApiMessage::BatchChanged { seq }),
        BatchError::Raced => ApiError::Conflict(ApiMessage::BatchRetry),
        BatchError::TooManyRows(rows) => ApiError::invalid(
            "rows",
            ApiMessage::BatchTooManyRows {
                rows: rows as u64,
                max: Batch::MAX_ROWS as u64,
            },
        ),
        BatchError::ImportTooManyRows { rows, max } => {
            ApiError::invalid("rows", ApiMessage::ImportTooManyRows { rows, max })
        }
        BatchError::Database(err) => err.into(),
    }
}

async fn preview(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    Json(batch): Json<Batch>,
) -> Result<Json<OutcomeCounts>, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    imports::preview_batch(&state.db, &import, &Arc::new(batch))
        .await
        .map(Json)
        .map_err(|err| batch_error(err, 0))
}

async fn revert(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<RevertSummary>, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    may_change(&user, &import)?;
    if import.status == "reverted" {
        return Err(ApiError::Conflict(ApiMessage::ImportReverted));
    }
    let summary = imports::revert(&state.db, &import, now_millis()).await?;
    tracing::info!(user = user.id, import = id, ?summary, "import reverted");
    Ok(Json(summary))
}

/// Deletes an import that stored nothing yet: one opened for a preview, or whose options the
/// user changed before sending. One with stored rows is reverted instead (409).
async fn discard(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    may_change(&user, &import)?;
    if !imports::discard(&state.db, &import).await? {
        return Err(ApiError::Conflict(ApiMessage::ImportNotEmpty));
    }
    tracing::info!(user = user.id, import = id, "empty import discarded");
    Ok(StatusCode::NO_CONTENT)
}

/// The media type of an Excel workbook.
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn errors_csv(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    let bytes = imports::error_file(&state.db, &import)
        .await?
        .to_csv()
        .map_err(|err| ApiError::Internal(Box::new(err)))?;
    Ok(attachment(&import, "csv", "text/csv; charset=utf-8", bytes))
}

async fn errors_xlsx(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    let file = imports::error_file(&state.db, &import).await?;
    let bytes = imports::error_workbook(&file).map_err(|err| ApiError::Internal(Box::new(err)))?;
    Ok(attachment(&import, "xlsx", XLSX_TYPE, bytes))
}

/// `bytes` as a download named after the import's file (`clientes-errors.csv`), with every
/// character a header could trip on replaced by `_`.
fn attachment(
    import: &StoredImport,
    extension: &str,
    content_type: &'static str,
    bytes: Vec<u8>,
) -> Response {
    let file_name: String = imports::error_file_name(&import.file_name, extension)
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn commit(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<ImportSummary>, ApiError> {
    let import = find(&state, user.workspace_id, id).await?;
    may_change(&user, &import)?;
    let summary = imports::commit(&state.db, &import, now_millis()).await?;
    tracing::info!(import = id, counts = ?summary.counts, "import committed");
    if let Some(mailer) = &state.mailer {
        // The import is committed whatever happens to the email; a failure is only logged.
        let language = request_language::current();
        if let Err(err) =
            imports::email_summary(&state.db, mailer, (&import, &user), &summary, language).await
        {
            tracing::warn!(import = id, error = %err, "the summary email was not sent");
        }
    }
    Ok(Json(summary))
}

/// Only the user who opened an import, a supervisor or an admin may send it rows, commit it or
/// revert it.
fn may_change(user: &StoredUser, import: &StoredImport) -> Result<(), ApiError> {
    if import.user_id == user.id || user.role >= Role::Supervisor {
        Ok(())
    } else {
        Err(ApiError::Forbidden(ApiMessage::ImportChangeNotAllowed))
    }
}

/// The workspace's import `id`; another workspace's import is as absent as a missing one.
async fn find(state: &AppState, workspace_id: i64, id: i64) -> Result<StoredImport, ApiError> {
    imports::find(&state.db, workspace_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

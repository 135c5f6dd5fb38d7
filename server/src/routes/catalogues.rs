//! `GET /api/schema` for everyone signed in; `PUT /api/tags`, `PUT /api/profiles/{name}` and
//! `DELETE /api/profiles/{name}` for admins only. A profile may come as JSON or as TOML, which
//! is kept as written.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, put};
use clientela_shared::{ApiMessage, FieldInfo, Role, WorkspaceSchema};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::catalogues;
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::json::Json;
use crate::path::Path;
use crate::routes::profile_body::ProfileBody;
use crate::state::AppState;

/// The catalogue routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schema", get(schema))
        .route("/tags", put(put_tags))
        .route("/profiles/{name}", put(put_profile).delete(delete_profile))
}

async fn schema(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<WorkspaceSchema>, ApiError> {
    let workspace = user.workspace_id;
    Ok(Json(WorkspaceSchema {
        fields: FieldInfo::all(),
        tags: catalogues::tags(&state.db, workspace).await?,
        agents: catalogues::agents(&state.db, workspace).await?,
        profiles: catalogues::profiles(&state.db, workspace).await?,
        groups: catalogues::groups(&state.db, workspace).await?,
        custom_fields: catalogues::custom_fields(&state.db, workspace).await?,
    }))
}

/// `PUT /api/tags` body and answer.
#[derive(Debug, Serialize, Deserialize)]
struct Tags {
    tags: Vec<String>,
}

async fn put_tags(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Json(body): Json<Tags>,
) -> Result<Json<Tags>, ApiError> {
    user.require(Role::Admin)?;
    let tags = catalogues::replace_tags(&state.db, user.workspace_id, &body.tags).await?;
    tracing::info!(user = user.id, tags = tags.len(), "tags replaced");
    Ok(Json(Tags { tags }))
}

async fn put_profile(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(name): Path<String>,
    body: ProfileBody,
) -> Result<StatusCode, ApiError> {
    user.require(Role::Admin)?;
    if name.trim().is_empty() || name.len() > 100 {
        return Err(ApiError::invalid(
            "name",
            ApiMessage::ProfileNameInvalid { max: 100 },
        ));
    }
    catalogues::put_profile(
        &state.db,
        user.workspace_id,
        name.trim(),
        (&body.profile, body.toml.as_deref()),
        now_millis(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_profile(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    user.require(Role::Admin)?;
    if catalogues::delete_profile(&state.db, user.workspace_id, &name).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

//! `PUT /api/groups/{name}` (create or replace its members) and `DELETE /api/groups/{name}`, for
//! admins. Everyone signed in sees the groups in `GET /api/schema`.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::put;
use clientela_shared::{ApiMessage, GroupInfo, Role};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::catalogues::{self, PutGroupError};
use crate::error::ApiError;
use crate::json::Json;
use crate::path::Path;
use crate::state::AppState;

/// The longest group name accepted.
const MAX_GROUP_NAME: usize = 100;

/// The group routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/groups/{name}", put(put_group).delete(delete_group))
}

/// `PUT /api/groups/{name}` body: the members' emails.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupMembers {
    members: Vec<String>,
}

async fn put_group(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(name): Path<String>,
    Json(body): Json<GroupMembers>,
) -> Result<Json<GroupInfo>, ApiError> {
    user.require(Role::Admin)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_GROUP_NAME {
        return Err(ApiError::invalid(
            "name",
            ApiMessage::GroupNameInvalid {
                max: MAX_GROUP_NAME as u64,
            },
        ));
    }
    match catalogues::put_group(&state.db, user.workspace_id, name, &body.members).await {
        Ok(group) => {
            tracing::info!(user = user.id, group = %group.name, members = group.members.len(), "group saved");
            Ok(Json(group))
        }
        Err(PutGroupError::UnknownMembers(emails)) => Err(ApiError::invalid(
            "members",
            ApiMessage::MembersUnknown { emails },
        )),
        Err(PutGroupError::Database(err)) => Err(err.into()),
    }
}

async fn delete_group(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    user.require(Role::Admin)?;
    if catalogues::delete_group(&state.db, user.workspace_id, name.trim()).await? {
        tracing::info!(user = user.id, group = %name.trim(), "group deleted");
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

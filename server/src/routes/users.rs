//! Users: `GET /api/users` (supervisors and admins; deactivated users too), `POST /api/users`
//! (admins), and `PATCH /api/users/{id}`: admins change anything (`"active": false` deactivates
//! a user), supervisors anyone's availability, and every user their own availability and
//! password.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use clientela_shared::{AgentInfo, ApiMessage, Role};
use serde::Deserialize;

use crate::accounts::{
    self, NewUser, StoredUser, UpdateError, UserChanges, UserError, find_user_in_workspace,
    update_user,
};
use crate::auth::CurrentUser;
use crate::catalogues;
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::json::Json;
use crate::path::Path;
use crate::state::AppState;

/// The shortest password accepted.
const MIN_PASSWORD: usize = 8;

/// The user routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/{id}", patch(change))
}

async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<AgentInfo>>, ApiError> {
    user.require(Role::Supervisor)?;
    Ok(Json(catalogues::users(&state.db, user.workspace_id).await?))
}

/// `POST /api/users` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUserBody {
    email: String,
    name: String,
    role: Role,
    /// Without one, the user signs in with API tokens only.
    password: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Json(body): Json<NewUserBody>,
) -> Result<(StatusCode, Json<AgentInfo>), ApiError> {
    user.require(Role::Admin)?;
    check_name(Some(&body.name))?;
    check_password(body.password.as_deref())?;
    let new = NewUser {
        workspace_id: user.workspace_id,
        email: &body.email,
        name: &body.name,
        role: body.role,
        password: body.password.as_deref(),
    };
    match accounts::add_user(&state.db, &new, now_millis()).await {
        Ok(created) => {
            tracing::info!(user = user.id, created = created.id, role = %created.role, "user added");
            Ok((StatusCode::CREATED, Json(info(&created))))
        }
        Err(UserError::InvalidEmail(email)) => Err(ApiError::invalid(
            "email",
            ApiMessage::EmailInvalid { email },
        )),
        Err(UserError::EmailTaken(email)) => {
            Err(ApiError::Conflict(ApiMessage::UserExists { email }))
        }
        Err(UserError::Database(err)) => Err(err.into()),
    }
}

/// `PATCH /api/users/{id}` body: what to change.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeBody {
    name: Option<String>,
    role: Option<Role>,
    available: Option<bool>,
    password: Option<String>,
    active: Option<bool>,
}

async fn change(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    Json(body): Json<ChangeBody>,
) -> Result<Json<AgentInfo>, ApiError> {
    let target = find_user_in_workspace(&state.db, user.workspace_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let is_self = target.id == user.id;
    let admin_only = body.name.is_some() || body.role.is_some() || body.active.is_some();
    if admin_only || (body.available.is_some() && !is_self) || (body.password.is_some() && !is_self)
    {
        let needed = if admin_only || body.password.is_some() {
            Role::Admin
        } else {
            Role::Supervisor
        };
        user.require(needed)?;
    }
    check_name(body.name.as_deref())?;
    check_password(body.password.as_deref())?;
    let changes = UserChanges {
        name: body.name,
        role: body.role,
        available: body.available,
        password: body.password,
        active: body.active,
    };
    match update_user(&state.db, &target, &changes).await {
        Ok(changed) => {
            tracing::info!(
                user = user.id,
                changed = changed.id,
                active = changed.active,
                "user changed"
            );
            Ok(Json(info(&changed)))
        }
        Err(UpdateError::LastAdmin) => Err(ApiError::Conflict(ApiMessage::LastAdmin)),
        Err(UpdateError::Database(err)) => Err(err.into()),
    }
}

fn check_name(name: Option<&str>) -> Result<(), ApiError> {
    match name {
        Some(name) if name.trim().is_empty() => {
            Err(ApiError::invalid("name", ApiMessage::NameBlank))
        }
        _ => Ok(()),
    }
}

fn check_password(password: Option<&str>) -> Result<(), ApiError> {
    match password {
        Some(password) if password.chars().count() < MIN_PASSWORD => Err(ApiError::invalid(
            "password",
            ApiMessage::PasswordShort {
                min: MIN_PASSWORD as u64,
            },
        )),
        _ => Ok(()),
    }
}

fn info(user: &StoredUser) -> AgentInfo {
    AgentInfo {
        id: user.id,
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role,
        available: user.available,
        active: user.active,
    }
}

//! Changing a user: name, role, availability, password, and deactivating or reactivating them.
//! Who may change what is decided by the route; this keeps the workspace with at least one
//! active admin.

use clientela_shared::Role;
use sqlx::Row;

use super::password::hash_password;
use super::store::StoredUser;
use crate::db::Db;

/// What to change; `None` leaves it as it is.
#[derive(Debug, Clone, Default)]
pub(crate) struct UserChanges {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub available: Option<bool>,
    pub password: Option<String>,
    /// `Some(false)` deactivates: the user's tokens and sessions end and they take no more
    /// customers. `Some(true)` lets them sign in again (with a new token, or their password).
    pub active: Option<bool>,
}

/// Why a change was refused.
#[derive(Debug)]
pub(crate) enum UpdateError {
    /// The change would leave the workspace without an active admin.
    LastAdmin,
    /// The database failed.
    Database(sqlx::Error),
}

impl From<sqlx::Error> for UpdateError {
    fn from(err: sqlx::Error) -> Self {
        UpdateError::Database(err)
    }
}

/// Applies `changes` to `user` in one transaction and returns the user as now stored.
pub(crate) async fn update_user(
    db: &Db,
    user: &StoredUser,
    changes: &UserChanges,
) -> Result<StoredUser, UpdateError> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    // Changes to one workspace's users take turns (on PostgreSQL too), so that two admins
    // demoting or deactivating each other at once cannot leave the workspace without one.
    sqlx::query("update workspace set name = name where id = $1")
        .bind(user.workspace_id)
        .execute(&mut *tx)
        .await?;
    // The user as stored now, not as read before the turn.
    let (role, active): (String, i64) =
        sqlx::query_as("select role, active from app_user where id = $1")
            .bind(user.id)
            .fetch_one(&mut *tx)
            .await?;
    let (is_admin, is_active) = (role == Role::Admin.as_str(), active != 0);
    let stops_being_admin =
        changes.role.is_some_and(|role| role != Role::Admin) || changes.active == Some(false);
    if is_admin && is_active && stops_being_admin {
        let admins: i64 = sqlx::query_scalar(
            "select count(*) from app_user \
             where workspace_id = $1 and role = 'admin' and active = 1",
        )
        .bind(user.workspace_id)
        .fetch_one(&mut *tx)
        .await?;
        if admins <= 1 {
            return Err(UpdateError::LastAdmin);
        }
    }
    let deactivates = is_active && changes.active == Some(false);
    // A deactivated user is away, whatever else the change says.
    let row = sqlx::query(
        "update app_user set name = coalesce($1, name), role = coalesce($2, role), \
         available = case when coalesce($5, active) = 0 then 0 else coalesce($3, available) end, \
         password_hash = coalesce($4, password_hash), active = coalesce($5, active) \
         where id = $6 returning name, role, available, password_hash, active",
    )
    .bind(changes.name.as_deref().map(str::trim).map(str::to_owned))
    .bind(changes.role.map(Role::as_str))
    .bind(changes.available.map(i64::from))
    .bind(changes.password.as_deref().map(hash_password))
    .bind(changes.active.map(i64::from))
    .bind(user.id)
    .fetch_one(&mut *tx)
    .await?;
    if deactivates {
        for sql in [
            "delete from api_token where user_id = $1",
            "delete from user_session where user_id = $1",
        ] {
            sqlx::query(sql).bind(user.id).execute(&mut *tx).await?;
        }
    }
    tx.commit().await?;
    let role: String = row.try_get("role")?;
    Ok(StoredUser {
        name: row.try_get("name")?,
        role: role
            .parse()
            .map_err(|err: String| sqlx::Error::Decode(err.into()))?,
        available: row.try_get::<i64, _>("available")? != 0,
        password_hash: row.try_get("password_hash")?,
        active: row.try_get::<i64, _>("active")? != 0,
        ..user.clone()
    })
}

/// The user `id` of the workspace, if there is one.
pub(crate) async fn find_user_in_workspace(
    db: &Db,
    workspace_id: i64,
    id: i64,
) -> Result<Option<StoredUser>, sqlx::Error> {
    let Some(email): Option<String> =
        sqlx::query_scalar("select email from app_user where id = $1 and workspace_id = $2")
            .bind(id)
            .bind(workspace_id)
            .fetch_optional(db.pool())
            .await?
    else {
        return Ok(None);
    };
    super::store::find_user_by_email(db, &email).await
}

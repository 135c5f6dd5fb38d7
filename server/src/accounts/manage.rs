//! Account management for the command line.

use std::fmt;

use clientela_shared::AgentInfo;

use super::secret::Secret;
use super::store::{self, NewUser, StoredUser, UserError};
use super::update::{UpdateError, UserChanges, update_user};
use crate::db::Db;

/// The workspace set up on the first start, if the server has started once.
pub async fn first_workspace(db: &Db) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("select id from workspace order by id limit 1")
        .fetch_optional(db.pool())
        .await
}

/// Adds a user; the email must be new.
pub async fn add_user(
    db: &Db,
    user: &NewUser<'_>,
    now_millis: i64,
) -> Result<StoredUser, UserError> {
    let mut connection = db.pool().acquire().await?;
    store::insert_user(&mut connection, user, now_millis).await
}

/// Creates an API token for the user with `email`; `None` when there is no such active user.
pub async fn create_token_for(
    db: &Db,
    email: &str,
    name: &str,
    now_millis: i64,
) -> Result<Option<Secret>, sqlx::Error> {
    match store::find_user_by_email(db, email).await? {
        Some(user) if user.active => Ok(Some(
            store::create_token(db, user.id, name, now_millis).await?,
        )),
        _ => Ok(None),
    }
}

/// The first workspace's users, deactivated ones included, by name; `None` before the first
/// start.
pub async fn workspace_users(db: &Db) -> Result<Option<Vec<AgentInfo>>, sqlx::Error> {
    match first_workspace(db).await? {
        Some(workspace_id) => Ok(Some(crate::catalogues::users(db, workspace_id).await?)),
        None => Ok(None),
    }
}

/// Why a user's access was not changed.
#[derive(Debug)]
pub enum AccessError {
    /// No user has this email.
    NoSuchUser(String),
    /// This user is the workspace's last active admin.
    LastAdmin(String),
    /// The database failed.
    Database(sqlx::Error),
}

impl fmt::Display for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessError::NoSuchUser(email) => write!(f, "no user has the email {email}"),
            AccessError::LastAdmin(email) => write!(
                f,
                "{email} is the workspace's last active admin: make another user an active \
                 admin first"
            ),
            AccessError::Database(err) => write!(f, "database error: {err}"),
        }
    }
}

impl std::error::Error for AccessError {}

impl From<sqlx::Error> for AccessError {
    fn from(err: sqlx::Error) -> Self {
        AccessError::Database(err)
    }
}

/// A user's access, as [`set_user_active`] changed it.
#[derive(Debug)]
pub struct AccessChange {
    /// The user as now stored.
    pub user: StoredUser,
    /// Whether they were active before.
    pub was_active: bool,
}

/// Lets the user with `email` sign in again (`active`), or deactivates them, under the same
/// rules as an admin's change through the API: a deactivated user's tokens and sessions end,
/// and the workspace keeps at least one active admin.
pub async fn set_user_active(
    db: &Db,
    email: &str,
    active: bool,
) -> Result<AccessChange, AccessError> {
    let Some(user) = store::find_user_by_email(db, email).await? else {
        return Err(AccessError::NoSuchUser(email.to_owned()));
    };
    let changes = UserChanges {
        active: Some(active),
        ..UserChanges::default()
    };
    let updated = update_user(db, &user, &changes)
        .await
        .map_err(|err| match err {
            UpdateError::LastAdmin => AccessError::LastAdmin(user.email.clone()),
            UpdateError::Database(err) => AccessError::Database(err),
        })?;
    Ok(AccessChange {
        user: updated,
        was_active: user.active,
    })
}

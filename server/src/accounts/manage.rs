//! Account management for the command line and, later, the admin API.

use super::secret::Secret;
use super::store::{self, NewUser, StoredUser, UserError};
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

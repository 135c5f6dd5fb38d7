//! The first start: a workspace and its first admin, created exactly once even when several
//! replicas start together.

use clientela_shared::Role;

use super::store::{NewUser, insert_user};
use crate::db::Db;

/// The admin created on the first start, to tell whoever started the server.
#[derive(Debug, Clone)]
pub struct FirstAdmin {
    /// The admin's email.
    pub email: String,
    /// The password when it was generated (not when it was given); shown once.
    pub generated_password: Option<String>,
}

/// Creates the first workspace and its admin unless the installation is already set up.
///
/// `password` of `None` generates one. Returns the admin when this call created it.
pub async fn ensure_first_workspace(
    db: &Db,
    email: &str,
    password: Option<&str>,
    now_millis: i64,
) -> anyhow::Result<Option<FirstAdmin>> {
    let mut tx = db.pool().begin().await?;
    // A racing replica blocks here until this transaction ends, then finds the key taken.
    let claimed = sqlx::query("insert into installation (key, value) values ('bootstrap', $1)")
        .bind(now_millis.to_string())
        .execute(&mut *tx)
        .await;
    match claimed {
        Ok(_) => {}
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => return Ok(None),
        Err(err) => return Err(err.into()),
    }
    let workspace_id: i64 = sqlx::query_scalar(
        "insert into workspace (name, created_at) values ('Workspace', $1) returning id",
    )
    .bind(now_millis)
    .fetch_one(&mut *tx)
    .await?;
    let generated_password = match password {
        Some(_) => None,
        None => Some(super::Secret::generate().expose()[4..28].to_owned()),
    };
    let admin = NewUser {
        workspace_id,
        email,
        name: "Admin",
        role: Role::Admin,
        password: password.or(generated_password.as_deref()),
    };
    let admin = insert_user(&mut tx, &admin, now_millis).await?;
    tx.commit().await?;
    Ok(Some(FirstAdmin {
        email: admin.email,
        generated_password,
    }))
}

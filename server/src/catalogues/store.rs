//! SQL for the catalogues. Every query names the workspace.

use clientela_shared::{AgentInfo, NamedProfile, Profile, Role};
use sqlx::Row;

use crate::db::Db;

/// The workspace's known tags, in alphabetical order.
pub(crate) async fn tags(db: &Db, workspace_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("select name from tag where workspace_id = $1 order by name")
        .bind(workspace_id)
        .fetch_all(db.pool())
        .await
}

/// Makes `names` (trimmed, blanks and repeats dropped) the workspace's known tags.
pub(crate) async fn replace_tags(
    db: &Db,
    workspace_id: i64,
    names: &[String],
) -> Result<Vec<String>, sqlx::Error> {
    // `VIP` and `vip` are one tag (files and filters match tags ignoring case): the first
    // spelling given is kept.
    let mut seen = std::collections::HashSet::new();
    let mut names: Vec<String> = names
        .iter()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty() && seen.insert(name.to_lowercase()))
        .collect();
    names.sort_by_key(|name| name.to_lowercase());
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    sqlx::query("delete from tag where workspace_id = $1")
        .bind(workspace_id)
        .execute(&mut *tx)
        .await?;
    for name in &names {
        sqlx::query("insert into tag (workspace_id, name) values ($1, $2)")
            .bind(workspace_id)
            .bind(name.clone())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(names)
}

/// The workspace's saved import profiles, by name.
pub(crate) async fn profiles(db: &Db, workspace_id: i64) -> Result<Vec<NamedProfile>, sqlx::Error> {
    let rows = sqlx::query(
        "select name, profile, toml from import_profile where workspace_id = $1 order by name",
    )
    .bind(workspace_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let profile: String = row.try_get("profile")?;
            Ok(NamedProfile {
                name: row.try_get("name")?,
                profile: serde_json::from_str(&profile)
                    .map_err(|err| sqlx::Error::Decode(Box::new(err)))?,
                toml: row.try_get("toml")?,
            })
        })
        .collect()
}

/// Saves `profile` under `name`, replacing one of the same name, with the `toml` the admin wrote
/// it in, if they did.
pub(crate) async fn put_profile(
    db: &Db,
    workspace_id: i64,
    name: &str,
    (profile, toml): (&Profile, Option<&str>),
    now_millis: i64,
) -> Result<(), sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    sqlx::query("delete from import_profile where workspace_id = $1 and name = $2")
        .bind(workspace_id)
        .bind(name.to_owned())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into import_profile (workspace_id, name, profile, toml, updated_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(workspace_id)
    .bind(name.to_owned())
    .bind(serde_json::to_string(profile).expect("profiles serialise"))
    .bind(toml.map(str::to_owned))
    .bind(now_millis)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Deletes the profile `name`; true when there was one.
pub(crate) async fn delete_profile(
    db: &Db,
    workspace_id: i64,
    name: &str,
) -> Result<bool, sqlx::Error> {
    let deleted = sqlx::query("delete from import_profile where workspace_id = $1 and name = $2")
        .bind(workspace_id)
        .bind(name.to_owned())
        .execute(db.pool())
        .await?;
    Ok(deleted.rows_affected() > 0)
}

/// The workspace's active users, who can all take customers, with their availability.
pub(crate) async fn agents(db: &Db, workspace_id: i64) -> Result<Vec<AgentInfo>, sqlx::Error> {
    users_where(db, workspace_id, "and active = 1").await
}

/// All the workspace's users, deactivated ones included.
pub(crate) async fn users(db: &Db, workspace_id: i64) -> Result<Vec<AgentInfo>, sqlx::Error> {
    users_where(db, workspace_id, "").await
}

async fn users_where(
    db: &Db,
    workspace_id: i64,
    condition: &str,
) -> Result<Vec<AgentInfo>, sqlx::Error> {
    let sql = format!(
        "select id, email, name, role, available, active from app_user \
         where workspace_id = $1 {condition} order by name"
    );
    let rows = sqlx::query(&sql)
        .bind(workspace_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| {
            let role: String = row.try_get("role")?;
            Ok(AgentInfo {
                id: row.try_get("id")?,
                email: row.try_get("email")?,
                name: row.try_get("name")?,
                role: role
                    .parse::<Role>()
                    .map_err(|err| sqlx::Error::Decode(err.into()))?,
                available: row.try_get::<i64, _>("available")? != 0,
                active: row.try_get::<i64, _>("active")? != 0,
            })
        })
        .collect()
}

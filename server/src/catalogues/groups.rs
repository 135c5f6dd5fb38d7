//! SQL for groups of agents. Every query names the workspace.

use std::collections::BTreeMap;

use clientela_shared::GroupInfo;
use sqlx::Row;

use crate::db::Db;

/// The workspace's groups with their active members' emails, by name. (A deactivated user
/// stays a member, unseen, until the group is saved again or they are reactivated.)
pub(crate) async fn groups(db: &Db, workspace_id: i64) -> Result<Vec<GroupInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "select g.name, u.email from agent_group g \
         left join agent_group_member m on m.group_id = g.id \
         left join app_user u on u.id = m.user_id and u.active = 1 \
         where g.workspace_id = $1 order by g.name, u.email",
    )
    .bind(workspace_id)
    .fetch_all(db.pool())
    .await?;
    let mut members: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in &rows {
        let name: String = row.try_get("name")?;
        let email: Option<String> = row.try_get("email")?;
        members.entry(name).or_default().extend(email);
    }
    Ok(members
        .into_iter()
        .map(|(name, members)| GroupInfo { name, members })
        .collect())
}

/// Why a group was not saved.
#[derive(Debug)]
pub(crate) enum PutGroupError {
    /// These member emails are not users of the workspace.
    UnknownMembers(Vec<String>),
    /// The database failed.
    Database(sqlx::Error),
}

impl From<sqlx::Error> for PutGroupError {
    fn from(err: sqlx::Error) -> Self {
        PutGroupError::Database(err)
    }
}

/// Creates the group `name`, or replaces its members, with the active users of these emails.
pub(crate) async fn put_group(
    db: &Db,
    workspace_id: i64,
    name: &str,
    member_emails: &[String],
) -> Result<GroupInfo, PutGroupError> {
    let mut emails: Vec<String> = member_emails
        .iter()
        .map(|email| email.trim().to_lowercase())
        .filter(|email| !email.is_empty())
        .collect();
    emails.sort();
    emails.dedup();
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    let mut member_ids = Vec::with_capacity(emails.len());
    let mut unknown = Vec::new();
    for email in &emails {
        let id: Option<i64> = sqlx::query_scalar(
            "select id from app_user where workspace_id = $1 and email = $2 and active = 1",
        )
        .bind(workspace_id)
        .bind(email.clone())
        .fetch_optional(&mut *tx)
        .await?;
        match id {
            Some(id) => member_ids.push(id),
            None => unknown.push(email.clone()),
        }
    }
    if !unknown.is_empty() {
        return Err(PutGroupError::UnknownMembers(unknown));
    }
    sqlx::query(
        "insert into agent_group (workspace_id, name) values ($1, $2) \
         on conflict (workspace_id, name) do nothing",
    )
    .bind(workspace_id)
    .bind(name.to_owned())
    .execute(&mut *tx)
    .await?;
    let group_id: i64 =
        sqlx::query_scalar("select id from agent_group where workspace_id = $1 and name = $2")
            .bind(workspace_id)
            .bind(name.to_owned())
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query("delete from agent_group_member where group_id = $1")
        .bind(group_id)
        .execute(&mut *tx)
        .await?;
    for user_id in member_ids {
        sqlx::query("insert into agent_group_member (group_id, user_id) values ($1, $2)")
            .bind(group_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(GroupInfo {
        name: name.to_owned(),
        members: emails,
    })
}

/// Deletes the group `name`; its customers keep their agents and are no longer assigned to the
/// group. True when there was one.
pub(crate) async fn delete_group(
    db: &Db,
    workspace_id: i64,
    name: &str,
) -> Result<bool, sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    // Deleting first waits for any import batch assigning to the group (it holds the group's
    // row until it commits), so clearing afterwards also finds that batch's new customers.
    // (PostgreSQL has no foreign key from the customers to their group: see migration 0012.)
    let deleted: Option<i64> = sqlx::query_scalar(
        "delete from agent_group where workspace_id = $1 and name = $2 returning id",
    )
    .bind(workspace_id)
    .bind(name.to_owned())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(group_id) = deleted {
        sqlx::query("update customer set assigned_group_id = null where assigned_group_id = $1")
            .bind(group_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(deleted.is_some())
}

/// The group `name` of the workspace, if there is one: its id and its members' ids.
pub(crate) async fn find_group(
    db: &Db,
    workspace_id: i64,
    name: &str,
) -> Result<Option<(i64, Vec<i64>)>, sqlx::Error> {
    let id: Option<i64> =
        sqlx::query_scalar("select id from agent_group where workspace_id = $1 and name = $2")
            .bind(workspace_id)
            .bind(name.trim().to_owned())
            .fetch_optional(db.pool())
            .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    let members = sqlx::query_scalar("select user_id from agent_group_member where group_id = $1")
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some((id, members)))
}

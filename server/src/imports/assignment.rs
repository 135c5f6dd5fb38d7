//! Who an import's new customers are assigned to: the importing user, a chosen agent, or — when
//! that agent is away and the import says so — a random available agent for each customer.

use clientela_shared::{Assignee, Role};
use sqlx::{AnyConnection, Row};

use super::store::StoredImport;
use crate::accounts::StoredUser;
use crate::error::ApiError;

/// Refuses an assignment the user may not make: agents assign only to themselves.
pub(crate) fn check_assignment(
    user: &StoredUser,
    assignee: Option<&Assignee>,
) -> Result<(), ApiError> {
    match assignee {
        Some(Assignee::Agent(email))
            if user.role == Role::Agent && !email.trim().eq_ignore_ascii_case(&user.email) =>
        {
            Err(ApiError::Forbidden(
                "Agents can assign customers only to themselves.".to_owned(),
            ))
        }
        _ => Ok(()),
    }
}

/// Picks the assignee of each of `count` new customers.
#[derive(Debug)]
pub(crate) struct Assigner {
    chosen: Option<i64>,
    /// Available agents to draw from when the chosen one is away (empty otherwise).
    stand_ins: Vec<i64>,
}

impl Assigner {
    /// Reads who the import assigns to and, if needed, the workspace's available users.
    pub(crate) async fn for_import(
        connection: &mut AnyConnection,
        import: &StoredImport,
    ) -> Result<Assigner, sqlx::Error> {
        let (chosen, available) = match &import.options.assign_to {
            None => (None, true),
            Some(Assignee::Me) => {
                let row = sqlx::query("select id, available from app_user where id = $1")
                    .bind(import.user_id)
                    .fetch_one(&mut *connection)
                    .await?;
                (
                    Some(row.try_get("id")?),
                    row.try_get::<i64, _>("available")? != 0,
                )
            }
            Some(Assignee::Agent(email)) => {
                let row = sqlx::query(
                    "select id, available from app_user where workspace_id = $1 and email = $2",
                )
                .bind(import.workspace_id)
                .bind(email.trim().to_lowercase())
                .fetch_optional(&mut *connection)
                .await?;
                match row {
                    Some(row) => (
                        Some(row.try_get("id")?),
                        row.try_get::<i64, _>("available")? != 0,
                    ),
                    None => (None, true),
                }
            }
        };
        let stand_ins = if chosen.is_some() && !available && import.options.reassign_if_unavailable
        {
            sqlx::query_scalar(
                "select id from app_user where workspace_id = $1 and available = 1 order by id",
            )
            .bind(import.workspace_id)
            .fetch_all(&mut *connection)
            .await?
        } else {
            Vec::new()
        };
        Ok(Assigner { chosen, stand_ins })
    }

    /// The user the next new customer goes to.
    pub(crate) fn next(&self) -> Option<i64> {
        if self.stand_ins.is_empty() {
            return self.chosen;
        }
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
        let pick = u64::from_le_bytes(bytes) % self.stand_ins.len() as u64;
        Some(self.stand_ins[pick as usize])
    }
}

//! Who an import's new customers are assigned to: the importing user, a chosen agent, or a
//! group (its available agents in turns). When the agent (or every agent of the group) is away
//! and the import says so, each customer goes to a random available agent instead.

use clientela_shared::{ApiMessage, Assignee, FieldProblem, Role};
use sqlx::AnyConnection;

use super::store::StoredImport;
use crate::accounts::{self, StoredUser};
use crate::catalogues;
use crate::db::Db;
use crate::error::ApiError;

/// Refuses an assignment the user may not make (403): agents assign only to themselves and to
/// their groups. An agent or group the workspace does not have is a problem with the request.
pub(crate) async fn check_assignment(
    db: &Db,
    user: &StoredUser,
    assignee: Option<&Assignee>,
) -> Result<Vec<FieldProblem>, ApiError> {
    let unknown = |message: ApiMessage| vec![FieldProblem::new("options.assign_to", message)];
    match assignee {
        None | Some(Assignee::Me) => Ok(Vec::new()),
        Some(Assignee::Agent { email }) => {
            let agent = accounts::find_user_by_email(db, email)
                .await?
                .filter(|agent| agent.workspace_id == user.workspace_id && agent.active);
            let Some(agent) = agent else {
                return Ok(unknown(ApiMessage::AssigneeAgentUnknown {
                    email: email.clone(),
                }));
            };
            if user.role == Role::Agent && agent.id != user.id {
                return Err(ApiError::Forbidden(ApiMessage::AgentAssignsOnlyOwn));
            }
            Ok(Vec::new())
        }
        Some(Assignee::Group { name }) => {
            let Some((_, members)) = catalogues::find_group(db, user.workspace_id, name).await?
            else {
                return Ok(unknown(ApiMessage::AssigneeGroupUnknown {
                    name: name.clone(),
                }));
            };
            if user.role == Role::Agent && !members.contains(&user.id) {
                return Err(ApiError::Forbidden(ApiMessage::AgentAssignsOnlyOwn));
            }
            Ok(Vec::new())
        }
    }
}

/// Where one new customer goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Assignment {
    /// The agent (a user id).
    pub user_id: Option<i64>,
    /// The group it was assigned through.
    pub group_id: Option<i64>,
}

/// Picks the assignee of each new customer of one batch.
#[derive(Debug, Clone)]
pub(crate) struct Assigner {
    /// The group, when the import assigns to one.
    group_id: Option<i64>,
    /// The agents who take customers in turns (one for an agent or "me"; a group's available
    /// members), or empty.
    turns: Vec<i64>,
    /// The group's turn counter when the batch began.
    first_turn: u64,
    /// New customers handed out so far in this batch.
    handed_out: u64,
    /// Available agents to draw from when nobody in `turns` is available (empty otherwise).
    stand_ins: Vec<i64>,
}

impl Assigner {
    /// Reads who the import assigns to, inside the batch's transaction. A group's row stays
    /// taken by this transaction until [`Assigner::finish`] moves its turn counter on, so
    /// concurrent batches (on any replica) never hand out the same turns.
    pub(crate) async fn for_batch(
        connection: &mut AnyConnection,
        import: &StoredImport,
    ) -> Result<Assigner, sqlx::Error> {
        let mut assigner = Assigner {
            group_id: None,
            turns: Vec::new(),
            first_turn: 0,
            handed_out: 0,
            stand_ins: Vec::new(),
        };
        let mut chosen_is_away = false;
        match &import.options.assign_to {
            None => return Ok(assigner),
            Some(Assignee::Me) => {
                let agent: Option<(i64, i64)> = sqlx::query_as(
                    "select id, available from app_user where id = $1 and active = 1",
                )
                .bind(import.user_id)
                .fetch_optional(&mut *connection)
                .await?;
                chosen_is_away = assigner.take_turns_of(agent);
            }
            Some(Assignee::Agent { email }) => {
                let agent: Option<(i64, i64)> = sqlx::query_as(
                    "select id, available from app_user \
                     where workspace_id = $1 and email = $2 and active = 1",
                )
                .bind(import.workspace_id)
                .bind(email.trim().to_lowercase())
                .fetch_optional(&mut *connection)
                .await?;
                chosen_is_away = assigner.take_turns_of(agent);
            }
            Some(Assignee::Group { name }) => {
                let group_id: Option<i64> = sqlx::query_scalar(
                    "select id from agent_group where workspace_id = $1 and name = $2",
                )
                .bind(import.workspace_id)
                .bind(name.trim().to_owned())
                .fetch_optional(&mut *connection)
                .await?;
                if let Some(group_id) = group_id {
                    assigner.group_id = Some(group_id);
                    assigner.turns = sqlx::query_scalar(
                        "select u.id from agent_group_member m join app_user u on u.id = m.user_id \
                         where m.group_id = $1 and u.available = 1 and u.active = 1 \
                         order by u.id",
                    )
                    .bind(group_id)
                    .fetch_all(&mut *connection)
                    .await?;
                    chosen_is_away = assigner.turns.is_empty();
                    // An update, not a select: it takes the group's row until the commit.
                    let first_turn: i64 = sqlx::query_scalar(
                        "update agent_group set next_turn = next_turn where id = $1 \
                         returning next_turn",
                    )
                    .bind(group_id)
                    .fetch_one(&mut *connection)
                    .await?;
                    assigner.first_turn = first_turn.unsigned_abs();
                }
            }
        }
        if chosen_is_away && import.options.reassign_if_unavailable {
            assigner.turns.clear();
            let available: Vec<(i64, String)> = sqlx::query_as(
                "select id, role from app_user \
                 where workspace_id = $1 and available = 1 and active = 1 order by id",
            )
            .bind(import.workspace_id)
            .fetch_all(&mut *connection)
            .await?;
            assigner.stand_ins = stand_ins(available);
        }
        Ok(assigner)
    }

    /// Gives every turn to the chosen `agent` (`(id, available)`, `None` when they were
    /// deactivated since the import opened); true when they are away.
    fn take_turns_of(&mut self, agent: Option<(i64, i64)>) -> bool {
        match agent {
            Some((id, available)) => {
                self.turns.push(id);
                available == 0
            }
            None => true,
        }
    }

    /// Where the next new customer goes.
    pub(crate) fn next(&mut self) -> Assignment {
        let turn = self.first_turn + self.handed_out;
        self.handed_out += 1;
        let user_id = if !self.stand_ins.is_empty() {
            let mut bytes = [0u8; 8];
            getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
            let pick = u64::from_le_bytes(bytes) % self.stand_ins.len() as u64;
            Some(self.stand_ins[pick as usize])
        } else if self.turns.is_empty() {
            None
        } else {
            Some(self.turns[(turn % self.turns.len() as u64) as usize])
        };
        Assignment {
            user_id,
            group_id: self.group_id,
        }
    }

    /// Moves the group's turn counter on by the customers this batch handed out.
    pub(crate) async fn finish(self, connection: &mut AnyConnection) -> Result<(), sqlx::Error> {
        let Some(group_id) = self.group_id else {
            return Ok(());
        };
        let next_turn = i64::try_from(self.first_turn + self.handed_out).unwrap_or(i64::MAX);
        sqlx::query("update agent_group set next_turn = $1 where id = $2")
            .bind(next_turn)
            .bind(group_id)
            .execute(&mut *connection)
            .await?;
        Ok(())
    }
}

/// Who may stand in for an away agent, from the available users `(id, role)`: the agents, or
/// when none is available, any supervisor or admin who is.
fn stand_ins(available: Vec<(i64, String)>) -> Vec<i64> {
    let agents: Vec<i64> = available
        .iter()
        .filter(|(_, role)| role == Role::Agent.as_str())
        .map(|(id, _)| *id)
        .collect();
    if agents.is_empty() {
        available.into_iter().map(|(id, _)| id).collect()
    } else {
        agents
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_hands_out_turns_in_order_from_where_it_stopped() {
        let mut assigner = Assigner {
            group_id: Some(7),
            turns: vec![10, 20, 30],
            first_turn: 4,
            handed_out: 0,
            stand_ins: Vec::new(),
        };
        let users: Vec<Option<i64>> = (0..4).map(|_| assigner.next().user_id).collect();
        assert_eq!(users, [Some(20), Some(30), Some(10), Some(20)]);
        assert_eq!(assigner.next().group_id, Some(7));
    }

    #[test]
    fn stand_ins_are_drawn_from_the_available_agents() {
        let mut assigner = Assigner {
            group_id: None,
            turns: Vec::new(),
            first_turn: 0,
            handed_out: 0,
            stand_ins: vec![3, 4],
        };
        for _ in 0..20 {
            let user = assigner.next().user_id.unwrap();
            assert!(user == 3 || user == 4);
        }
    }

    #[test]
    fn agents_stand_in_before_supervisors_and_admins() {
        let user = |id, role: Role| (id, role.as_str().to_owned());
        let available = vec![
            user(1, Role::Admin),
            user(2, Role::Agent),
            user(3, Role::Supervisor),
            user(4, Role::Agent),
        ];
        assert_eq!(stand_ins(available), [2, 4]);
        let no_agent = vec![user(1, Role::Admin), user(3, Role::Supervisor)];
        assert_eq!(stand_ins(no_agent), [1, 3]);
    }
}

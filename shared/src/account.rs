//! Who is signed in: roles, the sign-in request and the user the server answers with.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a user may do in a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Imports customers and assigns them to themself or their groups.
    Agent,
    /// Imports and assigns to anyone.
    Supervisor,
    /// Everything, including catalogues (tags, fields, agents, groups, profiles) and users.
    Admin,
}

impl Role {
    /// The name used in JSON, the database and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Role, String> {
        match text {
            "agent" => Ok(Role::Agent),
            "supervisor" => Ok(Role::Supervisor),
            "admin" => Ok(Role::Admin),
            other => Err(format!(
                "unknown role {other:?}: use agent, supervisor or admin"
            )),
        }
    }
}

/// `POST /api/session`: sign in with email and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    /// The user's email (any case).
    pub email: String,
    /// The user's password.
    pub password: String,
}

/// The signed-in user, as `GET /api/me` and `POST /api/session` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// The user's id.
    pub id: i64,
    /// The user's email, lower-cased.
    pub email: String,
    /// The user's name.
    pub name: String,
    /// What the user may do.
    pub role: Role,
    /// The workspace the user belongs to.
    pub workspace_id: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text_and_json() {
        for role in [Role::Agent, Role::Supervisor, Role::Admin] {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(serde_json::to_string(&role).unwrap(), format!("\"{role}\""));
        }
        assert!("root".parse::<Role>().unwrap_err().contains("agent"));
    }
}

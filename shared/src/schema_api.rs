//! `GET /api/schema`: everything the browser needs to map and validate a file for a workspace.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::schema::field::Field;
use crate::schema::profile::{CustomField, Profile};
use crate::validation::messages::Language;

/// The workspace's schema and catalogues.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceSchema {
    /// The built-in fields.
    pub fields: Vec<FieldInfo>,
    /// Known tags.
    pub tags: Vec<String>,
    /// The workspace's users who take customers.
    pub agents: Vec<AgentInfo>,
    /// The import profiles admins saved.
    pub profiles: Vec<NamedProfile>,
    /// The groups of agents customers can be assigned to.
    #[serde(default)]
    pub groups: Vec<GroupInfo>,
    /// The workspace's own fields, which every import profile gets besides its own (see
    /// [`Profile::add_workspace_fields`]).
    #[serde(default)]
    pub custom_fields: Vec<CustomField>,
}

/// A built-in field and its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldInfo {
    /// The stable key, such as `email`.
    pub key: String,
    /// Its label per language code (`en`, `es`, `pt`, `pl`).
    pub labels: BTreeMap<String, String>,
}

impl FieldInfo {
    /// Every built-in field with its labels in every language.
    pub fn all() -> Vec<FieldInfo> {
        Field::ALL
            .iter()
            .map(|field| FieldInfo {
                key: field.key().to_owned(),
                labels: Language::ALL
                    .iter()
                    .map(|language| {
                        (
                            language.code().to_owned(),
                            field.label(*language).to_owned(),
                        )
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A user customers can be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentInfo {
    /// The user's id.
    pub id: i64,
    /// Their email.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Role,
    /// Whether they take new customers now.
    pub available: bool,
    /// False once an admin deactivated them (only `GET /api/users` lists such users).
    #[serde(default = "active_by_default")]
    pub active: bool,
}

fn active_by_default() -> bool {
    true
}

/// A group of agents that takes customers in turns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInfo {
    /// Its name, unique in the workspace.
    pub name: String,
    /// Its members' emails, in alphabetical order.
    pub members: Vec<String>,
}

/// A named list of customers, as `GET /api/lists` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerListInfo {
    /// The server's identifier.
    pub id: i64,
    /// Its name, unique in the workspace.
    pub name: String,
    /// How many customers are on it.
    pub members: u64,
    /// The import that created it, if one did.
    pub import_id: Option<i64>,
    /// When it was created (milliseconds since the Unix epoch).
    pub created_at: i64,
}

/// An import profile saved under a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedProfile {
    /// Its name, unique in the workspace.
    pub name: String,
    /// The profile.
    pub profile: Profile,
    /// The TOML the admin wrote it in, comments and all, when it was saved as TOML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toml: Option<String>,
}

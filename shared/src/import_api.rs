//! The import protocol between the browser (or `clientela import`) and the server:
//! open an import once, send its records in numbered batches, each answered row by row.
//!
//! Every step can be repeated safely: the same `client_id` opens the same import, and the same
//! batch sent twice gets the same answer and changes nothing.

use serde::{Deserialize, Serialize};

use crate::mapping::plan::Mapping;
use crate::schema::profile::Profile;
use crate::validation::record::Record;

/// `POST /api/imports`: opens an import, or finds the one opened with the same `client_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewImport {
    /// Made by the client (a UUID, say), so that a retried request finds the same import.
    pub client_id: String,
    /// The file's name on the user's computer.
    pub file_name: String,
    /// The profile the records were validated with; the server validates them again with it.
    #[serde(default)]
    pub profile: Profile,
    /// The file's header names, so the error file can show rejected rows as they were.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The column mapping the user chose, kept with the import for the record.
    #[serde(default)]
    pub mapping: Option<Mapping>,
    /// What to do with the records.
    #[serde(default)]
    pub options: ImportOptions,
    /// How many data rows the file has, when the client says: a file with more than its
    /// profile's `max_rows` is refused before an import opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
}

/// How an import treats its records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportOptions {
    /// A record whose email or phone is already stored: skip it, or update the stored customer.
    pub duplicates: DuplicatePolicy,
    /// Who new customers are assigned to (default: nobody).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assign_to: Option<Assignee>,
    /// When the chosen agent is unavailable, give each new customer to a random available one.
    pub reassign_if_unavailable: bool,
    /// Put every customer of the file (created, updated or already stored) on the list of this
    /// name, created when the workspace has none by that name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// Tags every customer of the file gets, besides its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The status of every customer of the file whose row gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// Who an import's new customers go to, as JSON `{"kind": "me"}`,
/// `{"kind": "agent", "email": "…"}` or `{"kind": "group", "name": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Assignee {
    /// The user who imports.
    Me,
    /// The agent with this email. Agents may only choose themselves.
    Agent {
        /// The agent's email.
        email: String,
    },
    /// The group of this name: new customers go round-robin to its available agents. Agents
    /// may only choose groups they belong to.
    Group {
        /// The group's name.
        name: String,
    },
}

/// What to do with a record that matches a stored customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DuplicatePolicy {
    /// Leave the stored customer as it is.
    #[default]
    Skip,
    /// Overwrite the stored customer's fields with the record's.
    Update,
}

/// An import as the server reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The server's id.
    pub id: i64,
    /// The client's id.
    pub client_id: String,
    /// The file's name.
    pub file_name: String,
    /// `open` while batches may still come; `committed` once closed.
    pub status: String,
    /// The options it was opened with.
    pub options: ImportOptions,
    /// What happened to its rows so far.
    pub counts: OutcomeCounts,
    /// When it was opened, in milliseconds since 1970 (UTC).
    #[serde(default)]
    pub opened_at: i64,
    /// The email of the user who opened it.
    #[serde(default)]
    pub opened_by: String,
    /// When it was committed, if it was, in milliseconds since 1970 (UTC).
    #[serde(default)]
    pub committed_at: Option<i64>,
    /// When it was undone, if it was, in milliseconds since 1970 (UTC).
    #[serde(default)]
    pub reverted_at: Option<i64>,
}

/// `GET /api/imports/{id}`: the import's summary and a page of its rows' outcomes, in the
/// order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDetail {
    /// The summary, as in the history.
    #[serde(flatten)]
    pub summary: ImportSummary,
    /// The outcomes of the rows after the page's start (`?after_line=`), by line: each new
    /// customer, and the rows updated, skipped or rejected (rejected ones with their reasons).
    pub rows: Vec<RowOutcome>,
    /// Where the next page starts (`?after_line=`), when there are more rows.
    pub next_after_line: Option<u64>,
}

/// How many rows had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCounts {
    /// New customers.
    pub created: u64,
    /// Stored customers updated.
    pub updated: u64,
    /// Duplicates of stored customers, left alone.
    pub skipped: u64,
    /// Rows the server refused.
    pub rejected: u64,
}

/// `PUT /api/imports/{id}/batches/{seq}`: some of the import's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// The records, each with the line of the file it came from.
    pub rows: Vec<BatchRow>,
}

impl Batch {
    /// The most rows one batch may carry.
    pub const MAX_ROWS: usize = 5_000;
}

/// One record of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRow {
    /// The line of the file, as the user sees it.
    pub line: u64,
    /// The normalised record.
    pub record: Record,
    /// The row's cells as in the file, for the error file should the server reject the row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<String>,
}

/// The server's answer to a batch: one outcome per row, in the batch's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchAnswer {
    /// The batch's sequence number.
    pub seq: u64,
    /// What happened to each row.
    pub rows: Vec<RowOutcome>,
}

/// What happened to one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowOutcome {
    /// The line of the file.
    pub line: u64,
    /// The outcome.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The outcomes a row can have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// A new customer was stored.
    Created {
        /// Its id.
        customer_id: i64,
    },
    /// A stored customer with the same email or phone was updated.
    Updated {
        /// Its id.
        customer_id: i64,
    },
    /// A stored customer has the same email or phone; it was left alone.
    Skipped {
        /// The stored customer.
        customer_id: i64,
        /// `email` or `phone`: what matched.
        matched_on: String,
    },
    /// The record failed validation on the server.
    Rejected {
        /// Why, with stable codes and messages.
        reasons: Vec<Reason>,
    },
}

impl Outcome {
    /// The customer the row was stored as or matched, unless it was rejected.
    pub fn customer_id(&self) -> Option<i64> {
        match self {
            Outcome::Created { customer_id }
            | Outcome::Updated { customer_id }
            | Outcome::Skipped { customer_id, .. } => Some(*customer_id),
            Outcome::Rejected { .. } => None,
        }
    }
}

/// One reason a row was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// The stable code, such as `email.invalid`.
    pub code: String,
    /// The field at fault, when there is one.
    pub field: Option<String>,
    /// The message, in the language of the batch's `Accept-Language` (English without one).
    pub message: String,
}

/// `POST /api/imports/{id}/revert`: what undoing the import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevertSummary {
    /// Customers the import created, now removed.
    pub removed: u64,
    /// Customers the import updated, now back as they were.
    pub restored: u64,
    /// Customers a later import changed since; left as they are.
    pub kept: u64,
}

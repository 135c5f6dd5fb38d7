//! One column's place in a mapping.

use serde::{Deserialize, Serialize};

use crate::schema::field::Field;

/// Where a column's cells go.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "key", rename_all = "snake_case")]
pub enum Target {
    /// A built-in field.
    Field(Field),
    /// A custom field of the profile, by key.
    Custom(String),
    /// A `TAG-<name>` column: the tag is applied where the cell says yes.
    Tag(String),
    /// Kept as additional data, under the header.
    Extra,
    /// Dropped.
    Ignore,
}

/// Why a suggestion was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    /// The header is a field's key or a known synonym.
    Synonym,
    /// The header is a custom field's key or label.
    CustomField,
    /// The header is a `TAG-` column.
    TagColumn,
    /// The header is a slightly misspelt synonym.
    Fuzzy,
    /// The header contains a synonym among other words.
    Contains,
    /// The header says nothing, but the cells look like the field.
    Content,
    /// Nothing matched; a better column took the field; or a person chose.
    None,
    /// A person chose it.
    Chosen,
}

/// One column of a mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The header as written in the file.
    pub header: String,
    /// Where its cells go.
    pub target: Target,
    /// How sure the suggestion is, 0 to 100 (100 for a person's choice).
    pub confidence: u8,
    /// Why.
    pub reason: MatchReason,
}

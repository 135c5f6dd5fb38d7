//! The normalised record of a row: what would be stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text_map::TextMap;

/// A row's values after normalisation. Built-in fields sit at the top level under their keys
/// (emails lower-cased, phones in E.164, documents without separators, names tidied).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Built-in fields by key, such as `email` → `ana@example.com`. The keys are the fields' own
    /// static names (borrowed, so filling a record allocates only its values); a record read back
    /// from JSON owns them.
    #[serde(flatten)]
    pub fields: TextMap,
    /// Tags, from a `Tags` column and `TAG-` columns, without repeats.
    pub tags: Vec<String>,
    /// Custom fields by key: numbers as `1234.56`, dates as `2026-11-23`, booleans as
    /// `true`/`false`, selects as the option's own spelling.
    pub custom: BTreeMap<String, String>,
    /// Unmapped columns by header, when the profile keeps them.
    pub extra: BTreeMap<String, String>,
}

impl Record {
    /// The value of a built-in or custom field, if filled (`tags` counts when any tag is set).
    pub fn get(&self, key: &str) -> Option<&str> {
        if key == "tags" {
            return self.tags.first().map(String::as_str);
        }
        self.fields
            .get(key)
            .or_else(|| self.custom.get(key))
            .map(String::as_str)
    }

    /// Adds `tag` unless the record has it already.
    pub fn add_tag(&mut self, tag: String) {
        if !self.tags.contains(&tag) {
            self.tags.push(tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_flattened_in_json() {
        let mut record = Record::default();
        record
            .fields
            .insert("email".into(), "ana@example.com".into());
        record.add_tag("VIP".into());
        record.add_tag("VIP".into());
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["email"], "ana@example.com");
        assert_eq!(json["tags"], serde_json::json!(["VIP"]));
        assert_eq!(serde_json::from_value::<Record>(json).unwrap(), record);
    }
}

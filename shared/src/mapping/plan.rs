//! A mapping of every column of a file, keyed by a fingerprint of its headers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::column::{ColumnMapping, MatchReason, Target};
use crate::schema::field::Field;
use crate::schema::profile::Profile;
use crate::text::compact;
use crate::validation::code::Code;
use crate::validation::finding::Finding;

/// A column → field mapping for one file layout. Serialisable, so the UI can remember it under
/// its [`fingerprint`](Mapping::fingerprint) and offer it again for the next file like it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// [`Mapping::fingerprint_of`] the headers this mapping is for.
    pub fingerprint: String,
    /// One entry per column, in file order.
    pub columns: Vec<ColumnMapping>,
}

impl Mapping {
    /// A stable fingerprint of a header row (FNV-1a of the folded headers, in order): files
    /// whose headers differ only in case, accents or spacing share it.
    pub fn fingerprint_of(headers: &[String]) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for header in headers {
            for byte in compact(header).bytes().chain([0x1f]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }

    /// Sends column `index` to `target`, as a person chose.
    pub fn choose(&mut self, index: usize, target: Target) {
        if let Some(column) = self.columns.get_mut(index) {
            column.target = target;
            column.confidence = 100;
            column.reason = MatchReason::Chosen;
        }
    }

    /// The column indexes mapped to `target`.
    pub fn columns_for(&self, target: &Target) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, column)| &column.target == target)
            .map(|(index, _)| index)
            .collect()
    }

    /// Whether some column feeds the field `key` (a full name feeds first and last name, and
    /// `TAG-` columns feed `tags`).
    pub fn provides(&self, key: &str) -> bool {
        self.columns.iter().any(|column| match &column.target {
            Target::Field(field) => {
                field.key() == key
                    || (*field == Field::FullName && matches!(key, "first_name" | "last_name"))
            }
            Target::Custom(custom) => custom == key,
            Target::Tag(_) => key == "tags",
            Target::Extra | Target::Ignore => false,
        })
    }

    /// What is wrong with the mapping for `profile`, as file-level findings: two columns mapped
    /// to one field, and required fields (or whole `at_least_one_of` groups) with no column.
    pub fn problems(&self, profile: &Profile) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut claimed: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for column in &self.columns {
            let key = match &column.target {
                Target::Field(field) => field.key().to_owned(),
                Target::Custom(key) => key.clone(),
                Target::Tag(_) | Target::Extra | Target::Ignore => continue,
            };
            claimed.entry(key).or_default().push(&column.header);
        }
        for (key, headers) in claimed.iter().filter(|(_, headers)| headers.len() > 1) {
            findings.push(
                Finding::error(Code::MappingDuplicateField)
                    .with("field", key.clone())
                    .with("columns", headers.join(", ")),
            );
            findings.last_mut().expect("just pushed").field = Some(key.clone());
        }
        let required = profile.required.iter().chain(
            profile
                .custom_fields
                .iter()
                .filter(|custom| custom.required)
                .map(|custom| &custom.key),
        );
        for key in required {
            if !self.provides(key) {
                let mut finding =
                    Finding::error(Code::MappingRequiredMissing).with("field", key.clone());
                finding.field = Some(key.clone());
                findings.push(finding);
            }
        }
        for group in &profile.at_least_one_of {
            if !group.iter().any(|key| self.provides(key)) {
                findings.push(
                    Finding::error(Code::AtLeastOneOfMissing).with("fields", group.join(", ")),
                );
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(columns: &[(&str, Target)]) -> Mapping {
        Mapping {
            fingerprint: String::new(),
            columns: columns
                .iter()
                .map(|(header, target)| ColumnMapping {
                    header: (*header).to_owned(),
                    target: target.clone(),
                    confidence: 100,
                    reason: MatchReason::Chosen,
                })
                .collect(),
        }
    }

    #[test]
    fn fingerprint_ignores_case_and_accents_but_not_order() {
        let a = Mapping::fingerprint_of(&["Teléfono".into(), "Email".into()]);
        let b = Mapping::fingerprint_of(&["TELEFONO".into(), "e-mail".into()]);
        let c = Mapping::fingerprint_of(&["Email".into(), "Teléfono".into()]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn two_columns_for_one_field_and_missing_required_are_reported() {
        let profile = Profile {
            required: vec!["email".into(), "last_name".into()],
            ..Profile::default()
        };
        let mapping = mapping(&[
            ("Phone", Target::Field(Field::Phone)),
            ("Tel", Target::Field(Field::Phone)),
        ]);
        let codes: Vec<Code> = mapping.problems(&profile).iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            [
                Code::MappingDuplicateField,
                Code::MappingRequiredMissing,
                Code::MappingRequiredMissing
            ]
        );
    }

    #[test]
    fn a_full_name_column_provides_first_and_last_name() {
        let profile = Profile {
            required: vec!["first_name".into(), "last_name".into()],
            ..Profile::default()
        };
        let mapping = mapping(&[("Name", Target::Field(Field::FullName))]);
        assert!(mapping.problems(&profile).is_empty());
    }
}

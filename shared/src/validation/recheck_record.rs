//! Checking a normalised record again, as the server does with every record a browser sends: it
//! never trusts the browser, and it uses the same engine.

use std::collections::HashMap;

use crate::mapping::column::{ColumnMapping, MatchReason, Target};
use crate::mapping::plan::Mapping;
use crate::schema::field::Field;
use crate::schema::profile::Profile;
use crate::validation::record::Record;
use crate::validation::validator::{RowVerdict, Validator};

/// Validates `record` (from line `line` of its file) against `profile`, as if it were a file row
/// whose columns are the record's keys. A record the engine itself produced passes unchanged;
/// anything tampered with or malformed gets the same findings a file row would.
///
/// For many records, [`RecordChecker`] is faster: it reuses one validator per set of keys.
pub fn recheck_record(profile: &Profile, line: u64, record: &Record) -> RowVerdict {
    RecordChecker::new(profile).check(line, record)
}

/// Checks records again like [`recheck_record`], building one validator per set of keys the
/// records use (usually one per batch) instead of one per record.
#[derive(Debug)]
pub struct RecordChecker<'p> {
    profile: &'p Profile,
    validators: HashMap<Vec<String>, Validator>,
}

impl<'p> RecordChecker<'p> {
    /// A checker for records validated against `profile`.
    pub fn new(profile: &'p Profile) -> Self {
        RecordChecker {
            profile,
            validators: HashMap::new(),
        }
    }

    /// Validates one record; see [`recheck_record`].
    pub fn check(&mut self, line: u64, record: &Record) -> RowVerdict {
        let row = as_row(self.profile, record);
        let validator = self
            .validators
            .entry(row.headers.clone())
            .or_insert_with(|| Validator::new(self.profile, &row.mapping(), &row.headers));
        let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
        validator.check_row(line, &cells)
    }
}

/// A record laid out as a file row: headers (the keys), where each goes, and the cells.
struct RecordRow {
    headers: Vec<String>,
    targets: Vec<Target>,
    cells: Vec<String>,
}

impl RecordRow {
    fn mapping(&self) -> Mapping {
        Mapping {
            fingerprint: Mapping::fingerprint_of(&self.headers),
            columns: self
                .headers
                .iter()
                .zip(&self.targets)
                .map(|(header, target)| ColumnMapping {
                    header: header.clone(),
                    target: target.clone(),
                    confidence: 100,
                    reason: MatchReason::Chosen,
                })
                .collect(),
        }
    }
}

fn as_row(profile: &Profile, record: &Record) -> RecordRow {
    let mut headers: Vec<String> = Vec::new();
    let mut targets = Vec::new();
    let mut cells = Vec::new();
    // Additional data is kept only when the profile keeps columns that map to no field.
    let kept = |target: &Target| profile.keep_unmapped || *target != Target::Extra;
    for (key, value) in &record.fields {
        // An unknown key is additional data.
        let target = Field::from_key(key).map_or(Target::Extra, Target::Field);
        if !kept(&target) {
            continue;
        }
        headers.push(key.to_string());
        targets.push(target);
        cells.push(value.clone());
    }
    if !record.tags.is_empty() {
        headers.push(Field::Tags.key().to_owned());
        targets.push(Target::Field(Field::Tags));
        cells.push(record.tags.join(", "));
    }
    for (key, value) in &record.custom {
        // A field the profile does not define is no custom field, whatever the client says.
        let target = match profile.custom_field(key) {
            Some(_) => Target::Custom(key.clone()),
            None => Target::Extra,
        };
        if !kept(&target) {
            continue;
        }
        headers.push(key.clone());
        targets.push(target);
        cells.push(value.clone());
    }
    for (header, value) in record.extra.iter().filter(|_| profile.keep_unmapped) {
        headers.push(header.clone());
        targets.push(Target::Extra);
        cells.push(value.clone());
    }
    // A field the profile asks for but the record lacks is a blank cell, so the row-level rules
    // (required, at least one of) speak about it, as they would for a blank cell in a file.
    let required_custom = profile
        .custom_fields
        .iter()
        .filter(|custom| custom.required)
        .map(|custom| &custom.key);
    let asked = profile
        .required
        .iter()
        .chain(required_custom)
        .chain(profile.at_least_one_of.iter().flatten());
    for key in asked {
        if headers.contains(key) || (key == Field::Tags.key() && !record.tags.is_empty()) {
            continue;
        }
        let target = match Field::from_key(key) {
            Some(field) => Target::Field(field),
            None => Target::Custom(key.clone()),
        };
        headers.push(key.clone());
        targets.push(target);
        cells.push(String::new());
    }
    RecordRow {
        headers,
        targets,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::from_toml(
            "default_country = \"EC\"\nrequired = [\"first_name\"]\n\
             at_least_one_of = [[\"email\", \"phone\"]]\n",
        )
        .unwrap()
    }

    fn record(pairs: &[(&str, &str)]) -> Record {
        let mut record = Record::default();
        for (key, value) in pairs {
            record
                .fields
                .insert((*key).to_owned().into(), (*value).to_owned());
        }
        record
    }

    #[test]
    fn a_normalised_record_passes_unchanged() {
        let headers = [
            "Nombre".to_owned(),
            "Correo".to_owned(),
            "Teléfono".to_owned(),
        ];
        let sample: [[&str; 3]; 0] = [];
        let mapping = crate::suggest_mapping(&headers, &sample, &profile());
        let mut validator = Validator::new(&profile(), &mapping, &headers);
        let verdict = validator.check_row(2, &["  Ana ", "ANA@Example.com", "099 123 4567"]);
        assert!(verdict.is_valid(), "{:?}", verdict.findings);

        let again = recheck_record(&profile(), 2, &verdict.record);
        assert!(again.is_valid(), "{:?}", again.findings);
        assert_eq!(again.record, verdict.record);
    }

    #[test]
    fn a_checker_gives_the_same_verdicts_as_one_by_one() {
        let records = [
            record(&[("first_name", "Ana"), ("email", "ana@example.com")]),
            record(&[("first_name", "Eva"), ("email", "bad@")]),
            record(&[("first_name", "Luz"), ("phone", "+593991234567")]),
        ];
        let profile = profile();
        let mut checker = RecordChecker::new(&profile);
        for (line, record) in (2..).zip(&records) {
            assert_eq!(
                checker.check(line, record),
                recheck_record(&profile, line, record)
            );
        }
    }

    #[test]
    fn a_record_without_a_required_custom_field_is_refused() {
        let mut profile = profile();
        profile.custom_fields = Profile::from_toml(
            "[[custom_fields]]\nkey = \"plan\"\nlabel = \"Plan\"\ntype = \"text\"\nrequired = true\n",
        )
        .unwrap()
        .custom_fields;
        let mut with_plan = record(&[("first_name", "Ana"), ("email", "ana@example.com")]);
        with_plan.custom.insert("plan".to_owned(), "pro".to_owned());
        let without = record(&[("first_name", "Eva"), ("email", "eva@example.com")]);
        assert!(recheck_record(&profile, 2, &with_plan).is_valid());
        assert!(!recheck_record(&profile, 3, &without).is_valid());
    }

    #[test]
    fn a_tampered_record_is_refused_with_the_engines_codes() {
        let verdict = recheck_record(
            &profile(),
            7,
            &record(&[("first_name", "Ana"), ("email", "not-an-email")]),
        );
        assert!(!verdict.is_valid());
        assert!(
            verdict
                .findings
                .iter()
                .any(|finding| finding.code.as_str() == "email.invalid"),
            "{:?}",
            verdict.findings
        );
        let missing = recheck_record(&profile(), 8, &record(&[("email", "a@example.com")]));
        assert!(!missing.is_valid(), "first_name is required");
    }

    #[test]
    fn only_fields_the_profile_defines_are_custom_and_extras_only_where_it_keeps_them() {
        let mut sent = record(&[("first_name", "Ana"), ("email", "ana@example.com")]);
        sent.custom.insert("made_up".to_owned(), "x".to_owned());
        sent.extra.insert("Notas".to_owned(), "llamar".to_owned());

        let dropping = Profile {
            keep_unmapped: false,
            ..profile()
        };
        let dropped = recheck_record(&dropping, 2, &sent);
        assert!(dropped.is_valid(), "{:?}", dropped.findings);
        assert!(dropped.record.custom.is_empty(), "{:?}", dropped.record);
        assert!(dropped.record.extra.is_empty(), "{:?}", dropped.record);

        let kept = recheck_record(&profile(), 2, &sent);
        assert!(kept.record.custom.is_empty(), "{:?}", kept.record);
        assert_eq!(
            kept.record.extra.get("made_up").map(String::as_str),
            Some("x")
        );
        assert_eq!(
            kept.record.extra.get("Notas").map(String::as_str),
            Some("llamar")
        );
    }
}

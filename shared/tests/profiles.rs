//! The example profiles under `shared/profiles/`: each parses, and validates a small sample file
//! under `tests/data/profiles/` the way its comments promise.

use std::path::PathBuf;

use clientela_shared::{
    Language, Profile, Report, RowStatus, Target, Validator, read_table, suggest_mapping_for_table,
};

fn manifest_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Reads `profiles/<profile>.toml` and validates `tests/data/profiles/<sample>` with it.
fn validate(profile: &str, sample: &str) -> (Profile, Vec<Target>, Report) {
    let text = std::fs::read_to_string(manifest_path(&format!("profiles/{profile}.toml")))
        .expect("profile file");
    let profile = Profile::from_toml(&text).unwrap_or_else(|error| panic!("{profile}: {error}"));
    let bytes = std::fs::read(manifest_path(&format!("tests/data/profiles/{sample}")))
        .expect("sample file");
    let table = read_table(&bytes).expect("sample reads");
    let mapping = suggest_mapping_for_table(&table, &profile);
    let targets = mapping.columns.iter().map(|c| c.target.clone()).collect();
    let mut validator = Validator::new(&profile, &mapping, table.columns());
    let report = validator.validate_table(&table);
    (profile, targets, report)
}

/// The finding codes of the row on `line`.
fn codes(report: &Report, line: u64) -> Vec<&'static str> {
    let row = report
        .rows
        .iter()
        .find(|row| row.line == line)
        .expect("row");
    row.issues.iter().map(|f| f.code.as_str()).collect()
}

fn status(report: &Report, line: u64) -> RowStatus {
    report
        .rows
        .iter()
        .find(|row| row.line == line)
        .expect("row")
        .status
}

#[test]
fn every_profile_round_trips_through_toml_and_json() {
    let folder = manifest_path("profiles");
    let mut count = 0;
    for entry in std::fs::read_dir(folder).expect("profiles folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("profile");
        let profile =
            Profile::from_toml(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(
            Profile::from_toml(&profile.to_toml()).expect("re-read"),
            profile
        );
        let json = serde_json::to_string(&profile).expect("json");
        assert_eq!(
            serde_json::from_str::<Profile>(&json).expect("from json"),
            profile
        );
        count += 1;
    }
    assert_eq!(count, 4, "the four example profiles of issue 4");
}

#[test]
fn contacts_need_a_name_and_a_way_to_reach_them() {
    let (_, _, report) = validate("contacts-name-and-email-or-phone", "contacts.csv");
    assert_eq!(report.summary.rows, 5);
    let record = report.rows[1].record.as_ref().expect("line 3 is valid");
    assert_eq!(record.fields["mobile"], "+593997654321");
    assert_eq!(record.fields["city"], "Guayaquil");
    assert_eq!(codes(&report, 4), ["required.missing"]);
    // Line 2 and 5 share an email, whatever its case: both are flagged, each naming the other.
    assert_eq!(codes(&report, 2), ["unique.duplicate"]);
    assert_eq!(report.rows[3].issues[0].params["lines"], "2");
    assert_eq!(report.rows[0].issues[0].params["lines"], "5");
    assert_eq!(codes(&report, 6), ["at_least_one_of.missing"]);
    assert_eq!((report.summary.valid, report.summary.invalid), (1, 4));
}

#[test]
fn leads_use_tag_columns_agents_and_typed_fields() {
    let (_, targets, report) = validate("leads-name-phone-tags", "leads.csv");
    assert_eq!(targets[2], Target::Tag("VIP".into()));
    assert_eq!(targets[6], Target::Custom("birthday".into()));
    let camila = report.rows[0].record.as_ref().expect("line 2 is valid");
    assert_eq!(camila.fields["phone"], "+573001234567");
    assert_eq!(camila.tags, ["VIP", "Newsletter"]);
    assert_eq!(camila.custom["birthday"], "1990-03-24");
    assert_eq!(camila.custom["credit_limit"], "1500000.5");
    assert_eq!(camila.custom["plan"], "Pro");
    assert_eq!(camila.custom["accepts_whatsapp"], "true");
    // Luis takes no new customers: a warning, not an error.
    assert_eq!(codes(&report, 3), ["agent.unavailable"]);
    assert_eq!(
        report.rows[1].record.as_ref().expect("valid").tags,
        ["Feria 2026"]
    );
    let sofia = codes(&report, 4);
    for code in [
        "tag.unknown",
        "date.invalid",
        "currency.invalid",
        "select.invalid",
        "boolean.invalid",
    ] {
        assert!(sofia.contains(&code), "{code} missing from {sofia:?}");
    }
    let newslater = &report.rows[2]
        .issues
        .iter()
        .find(|f| f.code.as_str() == "tag.unknown")
        .expect("tag");
    assert_eq!(newslater.suggestion.as_deref(), Some("Newsletter"));
    let andres = codes(&report, 5);
    for code in ["tag.flag_invalid", "agent.unknown", "required.missing"] {
        assert!(andres.contains(&code), "{code} missing from {andres:?}");
    }
    assert_eq!(report.summary.warnings, 1);
}

#[test]
fn newsletter_creates_unknown_tags_and_catches_typos() {
    let (_, targets, report) = validate("newsletter-name-and-email", "newsletter.csv");
    assert_eq!(
        targets[4],
        Target::Ignore,
        "keep_unmapped = false drops Źródło"
    );
    let anna = report.rows[0].record.as_ref().expect("valid");
    assert!(anna.extra.is_empty());
    let piotr = &report.rows[1];
    assert_eq!(piotr.status, RowStatus::Valid);
    let typo = piotr
        .issues
        .iter()
        .find(|f| f.code.as_str() == "email.typo")
        .expect("typo");
    assert_eq!(typo.suggestion.as_deref(), Some("piotr@gmail.com"));
    assert!(typo.message(Language::Pl).contains("piotr@gmail.com"));
    assert!(
        piotr
            .issues
            .iter()
            .any(|f| f.code.as_str() == "tag.created")
    );
    // The email is there but wrong: one finding, not a pile of them.
    assert_eq!(codes(&report, 4), ["email.invalid"]);
}

#[test]
fn accounts_check_documents_and_their_check_digits() {
    let (_, _, report) = validate("accounts-with-documents", "accounts.csv");
    let ana = report.rows[0].record.as_ref().expect("line 2 is valid");
    assert_eq!(ana.fields["last_name"], "Pérez");
    assert_eq!(ana.fields["second_last_name"], "Gómez");
    assert_eq!(ana.fields["id_type"], "cedula");
    assert_eq!(ana.fields["customer_type"], "person");
    assert_eq!(ana.custom["segment"], "Retail");
    assert_eq!(codes(&report, 4), ["id.check_digit"]);
    assert_eq!(status(&report, 5), RowStatus::Valid);
    assert_eq!(codes(&report, 3), ["unique.duplicate"]);
    assert_eq!(codes(&report, 6), ["unique.duplicate"]);
    let message = report.rows[2].issues[0].message(Language::Es);
    assert!(message.contains("dígito verificador"), "{message}");
}

//! `clientela validate`, run as the built binary on the example profiles and sample files.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// A file of the shared crate (profiles and their sample files live there).
fn shared(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative)
}

/// Runs `clientela validate` with `args`; returns (exit status, stdout, stderr).
fn validate(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_clientela"))
        .arg("validate")
        .args(args)
        .output()
        .expect("the clientela binary runs");
    (
        output.status.code().expect("exit status"),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

fn contacts() -> [String; 3] {
    [
        shared("tests/data/profiles/contacts.csv")
            .display()
            .to_string(),
        "--profile".to_owned(),
        shared("profiles/contacts-name-and-email-or-phone.toml")
            .display()
            .to_string(),
    ]
}

#[test]
fn table_output_shows_mapping_findings_and_summary() {
    let args = contacts();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, stdout, _) = validate(&args);
    assert_eq!(status, 1, "{stdout}");
    assert!(stdout.contains("\"Apellido\""), "{stdout}");
    assert!(stdout.contains("-> last_name"), "{stdout}");
    assert!(
        stdout.contains("line 4, column \"Apellido\": Last name is required."),
        "{stdout}"
    );
    assert!(stdout.contains("is repeated on line(s) 5"), "{stdout}");
    assert!(
        stdout.contains("5 rows: 1 valid, 0 with warnings, 4 with errors"),
        "{stdout}"
    );
}

#[test]
fn json_output_has_the_summary_rows_and_records() {
    let mut args = contacts().to_vec();
    args.push("--json".to_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, stdout, _) = validate(&args);
    assert_eq!(status, 1);
    let json: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["summary"]["rows"], 5);
    assert_eq!(json["summary"]["valid"], 1);
    assert_eq!(json["summary"]["invalid"], 4);
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows[1]["status"], "valid");
    assert_eq!(rows[1]["record"]["mobile"], "+593997654321");
    assert_eq!(rows[2]["issues"][0]["code"], "required.missing");
    assert_eq!(rows[2]["issues"][0]["column"], "Apellido");
    assert!(rows[2].get("record").is_none_or(Value::is_null));
    assert_eq!(json["mapping"]["columns"][2]["target"]["key"], "email");
}

#[test]
fn messages_come_in_the_chosen_language() {
    let mut args = contacts().to_vec();
    args.extend([
        "--lang".to_owned(),
        "es".to_owned(),
        "--errors-only".to_owned(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, stdout, _) = validate(&args);
    assert!(stdout.contains("Apellido es obligatorio."), "{stdout}");
    assert!(stdout.contains("Complete al menos uno de"), "{stdout}");
}

#[test]
fn a_valid_file_exits_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("ok.csv");
    std::fs::write(&file, "Email;Teléfono\nana@example.com;+593 99 123 4567\n").expect("write");
    let (status, stdout, _) = validate(&[file.to_str().expect("path"), "--format", "csv"]);
    assert_eq!(status, 0, "{stdout}");
    assert_eq!(stdout, "line,column,field,severity,code,message\n");
}

#[test]
fn the_country_option_reads_national_phones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("phones.csv");
    std::fs::write(&file, "Name,Phone\nAna,0991234567\n").expect("write");
    let path = file.to_str().expect("path");
    let (status, stdout, _) = validate(&[path, "--json"]);
    assert_eq!(status, 1, "no country: the phone cannot be read");
    assert!(stdout.contains("phone.no_country"), "{stdout}");
    let (status, stdout, _) = validate(&[path, "--json", "--country", "ec"]);
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.contains("+593991234567"), "{stdout}");
}

#[test]
fn an_unreadable_file_or_profile_exits_two() {
    let (status, _, stderr) = validate(&["/nonexistent/customers.csv"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("cannot read"), "{stderr}");
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("bad.toml");
    std::fs::write(&profile, "required = [\"fist_name\"]\n").expect("write");
    let sample = shared("tests/data/profiles/contacts.csv");
    let (status, _, stderr) = validate(&[
        sample.to_str().expect("path"),
        "--profile",
        profile.to_str().expect("path"),
    ]);
    assert_eq!(status, 2);
    assert!(stderr.contains("fist_name"), "{stderr}");
}

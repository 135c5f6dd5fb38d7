//! `clientela inspect`, run as the built binary on files made here and from other projects.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn inspect(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientela"))
        .arg("inspect")
        .args(args)
        .output()
        .expect("the clientela binary runs")
}

fn inspect_json(args: &[&str]) -> Value {
    let output = inspect(&[args, &["--json"]].concat());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on standard output")
}

/// A file of other projects' test data (`CLIENTELA_PEER_DATA`, by default `../shared/peer-data`
/// beside the workspace); the test fails, saying so, when it is missing.
fn peer_file(relative: &str) -> PathBuf {
    let folder = std::env::var_os("CLIENTELA_PEER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-data"));
    let path = folder.join(relative);
    assert!(
        path.is_file(),
        "no {}: set CLIENTELA_PEER_DATA to the folder of other projects' test files",
        path.display()
    );
    path
}

/// A semicolon-separated Windows-1252 file, as Excel saves CSV in Spanish.
fn spanish_excel_csv(dir: &Path) -> PathBuf {
    let path = dir.join("clientes.csv");
    let bytes = b"Nombre;Correo;Ciudad\r\nJos\xe9 Mu\xf1oz;jose@example.com;Bogot\xe1\r\n\
                  Jo\xe3o;joao@example.com;S\xe3o Paulo;extra\r\n";
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn inspect_json_describes_a_windows_1252_semicolon_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = spanish_excel_csv(dir.path());
    let json = inspect_json(&[path.to_str().unwrap()]);
    assert_eq!(json["format"], "csv");
    assert_eq!(json["encoding"], "windows-1252");
    assert_eq!(json["delimiter"], ";");
    assert_eq!(json["header_line"], 1);
    assert_eq!(json["sheet"], Value::Null);
    assert_eq!(json["sheets"], serde_json::json!([]));
    assert_eq!(
        json["columns"],
        serde_json::json!(["Nombre", "Correo", "Ciudad", "Column 4"])
    );
    assert_eq!(json["rows"][0]["line"], 2);
    assert_eq!(
        json["rows"][0]["cells"],
        serde_json::json!(["José Muñoz", "jose@example.com", "Bogotá"])
    );
    assert_eq!(json["rows"][1]["cells"][3], "extra");
    let problems = json["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["kind"]["kind"] == "long_row" && p["line"] == 3),
        "{problems:?}"
    );
}

#[test]
fn inspect_prints_the_detection_and_a_table_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let path = spanish_excel_csv(dir.path());
    let output = inspect(&[path.to_str().unwrap()]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Encoding:   windows-1252 (not UTF-8"),
        "{text}"
    );
    assert!(text.contains("Delimiter:  \";\""), "{text}");
    assert!(text.contains("line 3: the row has 4 cells"), "{text}");
    assert!(text.contains("2    | José Muñoz"), "{text}");
}

#[test]
fn overrides_are_passed_to_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = spanish_excel_csv(dir.path());
    let json = inspect_json(&[
        path.to_str().unwrap(),
        "--encoding",
        "utf-8",
        "--delimiter",
        ",",
        "--header-line",
        "2",
    ]);
    assert_eq!(json["delimiter"], ",");
    assert_eq!(json["header_line"], 2);
    assert_eq!(json["detection"]["encoding"]["basis"]["kind"], "chosen");
}

#[test]
fn inspect_lists_the_sheets_of_a_workbook() {
    let path = peer_file("spreadsheets/calamine/any_sheets.xlsx");
    let json = inspect_json(&[path.to_str().unwrap()]);
    assert_eq!(json["format"], "xlsx");
    assert_eq!(json["encoding"], Value::Null);
    assert_eq!(json["delimiter"], Value::Null);
    assert_eq!(json["sheet"], "Visible");
    assert_eq!(
        json["sheets"][1],
        serde_json::json!({"name": "Hidden", "hidden": true})
    );

    let path = peer_file("spreadsheets/calamine/date.xlsx");
    let json = inspect_json(&[path.to_str().unwrap()]);
    assert_eq!(json["rows"][0]["cells"][0], "2021-01-02");
}

#[test]
fn a_file_that_cannot_be_read_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 this is not really a workbook").unwrap();
    for path in [broken, dir.path().join("missing.csv")] {
        let output = inspect(&[path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("cannot read"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

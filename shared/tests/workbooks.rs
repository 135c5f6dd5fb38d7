//! Workbooks from calamine's test suite.

use clientela_shared::{
    ErrorKind, Format, ProblemKind, ReadOptions, SheetInfo, Table, read_table, read_table_with,
};

use crate::peer_data;

fn sample(name: &str) -> Vec<u8> {
    peer_data::read(&format!("spreadsheets/calamine/{name}"))
}

fn cells(table: &Table) -> Vec<Vec<&str>> {
    table.rows().map(|row| row.cells().collect()).collect()
}

#[test]
fn dates_are_iso_in_the_1900_and_1904_systems() {
    for name in ["date.xlsx", "date_1904.xlsx", "date.xls", "date.xlsb"] {
        let bytes = sample(name);
        let table = read_table(&bytes).unwrap();
        assert_eq!(table.columns(), ["2021-01-01", "15"], "{name}");
        assert_eq!(cells(&table)[0], ["2021-01-02", "16"], "{name}");
    }
}

#[test]
fn every_workbook_format_shows_the_same_cells() {
    for (name, format) in [
        ("issues.xlsx", Format::Xlsx),
        ("issues.xls", Format::Xls),
        ("issues.xlsb", Format::Xlsb),
        ("issues.ods", Format::Ods),
    ] {
        let bytes = sample(name);
        let table = read_table(&bytes).unwrap();
        assert_eq!(table.detection().format.value, format);
        assert_eq!(table.detection().encoding, None);
        let first_column: Vec<&str> = table.rows().map(|row| row.cell(0)).take(5).collect();
        assert_eq!(
            first_column,
            ["1.5", "ab", "FALSE", "test", "2016-10-20"],
            "{name}"
        );
    }
}

#[test]
fn hidden_sheets_are_listed_and_can_be_chosen() {
    let bytes = sample("any_sheets.xlsx");
    let table = read_table(&bytes).unwrap();
    let sheets = &table.detection().sheets;
    assert_eq!(
        sheets[..2],
        [
            SheetInfo {
                name: "Visible".into(),
                hidden: false
            },
            SheetInfo {
                name: "Hidden".into(),
                hidden: true
            },
        ]
    );
    assert_eq!(table.detection().sheet.as_ref().unwrap().value, "Visible");

    let options = ReadOptions {
        sheet: Some("Nope".into()),
        ..ReadOptions::default()
    };
    let err = read_table_with(&bytes, &options).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NoSuchSheet { .. }));
}

#[test]
fn error_cells_are_kept_and_reported() {
    let bytes = sample("errors.xlsx");
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.row(5).unwrap().cell(0), "#N/A");
    let errors = table
        .problems()
        .iter()
        .filter(|problem| matches!(problem.kind, ProblemKind::ErrorCell { .. }))
        .count();
    assert_eq!(errors, 7);
}

#[test]
fn merged_cells_repeat_their_value() {
    let bytes = sample("merged_range.xls");
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.row(0).unwrap().cell(0), "A1");
    assert!(table.problems().iter().any(|problem| matches!(
        problem.kind,
        ProblemKind::MergedCells {
            rows: 2,
            columns: 2
        }
    )));
}

#[test]
fn encrypted_workbook_is_an_error() {
    let bytes = sample("pass_protected.xlsx");
    assert_eq!(
        read_table(&bytes).unwrap_err().kind(),
        &ErrorKind::Encrypted
    );
}

#[test]
fn truncated_workbook_is_an_error_not_a_panic() {
    let bytes = sample("issues.xlsx");
    for cut in [100, bytes.len() / 2, bytes.len() - 10] {
        assert!(read_table(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

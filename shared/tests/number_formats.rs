//! Numbers under Excel number formats, in workbooks written here: a postal code or customer
//! number kept with its leading zeros reads as Excel shows it; other formats read as before.

use clientela_shared::{ProblemKind, Table, read_table};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A workbook with one column per `(format, number)`: a header row, then the number.
fn workbook(cases: &[(&str, f64)]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, (code, number)) in cases.iter().enumerate() {
        let column = u16::try_from(column).unwrap();
        sheet
            .write_string(0, column, format!("column {column}"))
            .unwrap();
        let format = Format::new().set_num_format(*code);
        sheet
            .write_number_with_format(1, column, *number, &format)
            .unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

fn first_row(table: &Table) -> Vec<&str> {
    table.rows().next().unwrap().cells().collect()
}

#[test]
fn zero_padded_numbers_read_as_excel_shows_them() {
    let cases = [
        ("00000", 1234.0, "01234"),
        ("0000", 7.0, "0007"),
        ("000000000", 12345678.0, "012345678"),
        ("00000-000", 1310100.0, "01310-100"),
        ("00-000", 2495.0, "02-495"),
        ("\"ID\"00000", 42.0, "ID00042"),
        ("000 000 000", 12345678.0, "012 345 678"),
        ("00000;-00000", -42.0, "-00042"),
        ("00000", 1234.5, "01235"),
        ("000.00", 1.5, "001.50"),
        (
            "[<=9999999]###-####;(###) ###-####",
            5551234567.0,
            "(555) 123-4567",
        ),
        ("000-00-0000", 12345678.0, "012-34-5678"),
    ];
    let bytes = workbook(&cases.map(|(code, number, _)| (code, number)));
    let table = read_table(&bytes).unwrap();
    assert_eq!(first_row(&table), cases.map(|(_, _, shown)| shown));
}

#[test]
fn other_number_formats_read_as_before() {
    let cases = [
        ("General", 1234.5, "1234.5"),
        ("0", 1.5, "1.5"),
        ("0.00", 12.5, "12.5"),
        ("#,##0", 1234567.0, "1234567"),
        ("#,##0.00", 1234.5, "1234.5"),
        ("0%", 0.25, "0.25"),
        ("$#,##0.00", 12.5, "12.5"),
        ("\"ID\"0", 42.0, "42"),
        ("#####", 1234.0, "1234"),
        ("yyyy-mm-dd", 45352.0, "2024-03-01"),
        ("0.00E+00", 1234.0, "1234"),
    ];
    let bytes = workbook(&cases.map(|(code, number, _)| (code, number)));
    let table = read_table(&bytes).unwrap();
    assert_eq!(first_row(&table), cases.map(|(_, _, shown)| shown));
}

#[test]
fn text_cells_under_a_zero_padded_format_are_unchanged() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let padded = Format::new().set_num_format("00000");
    sheet.write_string(0, 0, "postal code").unwrap();
    sheet
        .write_string_with_format(1, 0, "1234", &padded)
        .unwrap();
    let date = ExcelDateTime::from_ymd(2024, 3, 1).unwrap();
    sheet
        .write_datetime_with_format(2, 0, &date, &Format::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let table = read_table(&bytes).unwrap();
    let column: Vec<&str> = table.rows().map(|row| row.cell(0)).collect();
    assert_eq!(column, ["1234", "2024-03-01"]);
}

#[test]
fn a_padded_number_past_fifteen_digits_is_reported() {
    let bytes = workbook(&[("0000000000000000", 1234567890123456.0)]);
    let table = read_table(&bytes).unwrap();
    assert_eq!(first_row(&table), ["1234567890123460"]);
    assert!(
        table
            .problems()
            .iter()
            .any(|problem| matches!(problem.kind, ProblemKind::DamagedNumber { .. }))
    );
}

/// `tests/data/number-formats.xls`, written with xlwt 1.3.0 (BIFF8): one column per number
/// format, a header row, then the number.
#[test]
fn zero_padded_numbers_in_an_xls_workbook_read_as_excel_shows_them() {
    let bytes = include_bytes!("data/number-formats.xls");
    let table = read_table(bytes).unwrap();
    assert_eq!(
        first_row(&table),
        [
            "01234",
            "0007",
            "012345678",
            "01310-100",
            "02-495",
            "ID00042",
            "012 345 678",
            "-00042",
            "01235",
            "001.50",
            "(555) 123-4567",
            "1234.5",
            "12.5",
            "1234567",
            "0.25",
            "70000",
        ]
    );
}

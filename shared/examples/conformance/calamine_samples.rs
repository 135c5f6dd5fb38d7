//! calamine's sample workbooks (XLSX, XLS, XLSB, ODS): each must be read as the format its
//! name says, without a panic, and a damaged or encrypted one must be refused with a clear error.
//! Files whose content calamine's own tests assert are checked cell by cell.

use std::path::Path;

use clientela_shared::{ErrorKind, Table, read_table};

use crate::report::Suite;

/// What a file must give: its cells (first rows, header included), or an error.
enum Expect {
    /// The header row and the first data rows, as the user sees them.
    Rows(&'static [&'static [&'static str]]),
    /// The sheets, in tab order, with whether each is hidden.
    Sheets(&'static [(&'static str, bool)]),
    /// An error of this kind.
    Error(fn(&ErrorKind) -> bool, &'static str),
    /// A deliberate difference, with its reason.
    Differs(&'static str),
}

const LONE_HEADER_OR_EMPTY: &str = "one row or no data at all: refused on purpose with an error naming the header line (nothing to import)";

/// calamine's assertions on its samples (tests/test.rs), in Clientela's terms.
const EXPECTED: &[(&str, Expect)] = &[
    (
        "date.xlsx",
        Expect::Rows(&[&["2021-01-01", "15"], &["2021-01-02", "16"]]),
    ),
    (
        "date.xls",
        Expect::Rows(&[&["2021-01-01", "15"], &["2021-01-02", "16"]]),
    ),
    (
        "date.xlsb",
        Expect::Rows(&[&["2021-01-01", "15"], &["2021-01-02", "16"]]),
    ),
    (
        "date_1904.xlsx",
        Expect::Rows(&[&["2021-01-01", "15"], &["2021-01-02", "16"]]),
    ),
    (
        "pass_protected.xlsx",
        Expect::Error(|kind| matches!(kind, ErrorKind::Encrypted), "encrypted"),
    ),
    // A damaged file: any clear error will do (calamine finds one row in it).
    ("too_small.xls", Expect::Error(|_| true, "an error")),
    ("empty_sheet.xlsx", Expect::Differs(LONE_HEADER_OR_EMPTY)),
    (
        "empty_shared_string.xlsx",
        Expect::Differs(LONE_HEADER_OR_EMPTY),
    ),
    (
        "encoded_entities.xlsx",
        Expect::Differs(LONE_HEADER_OR_EMPTY),
    ),
    ("has_x000D_.xlsx", Expect::Differs(LONE_HEADER_OR_EMPTY)),
    (
        "any_sheets.xlsx",
        Expect::Sheets(&[
            ("Visible", false),
            ("Hidden", true),
            ("VeryHidden", true),
            ("Chart", false),
        ]),
    ),
];

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("calamine samples (workbooks)");
    let folder = peer_data.join("spreadsheets/calamine");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        suite.check("spreadsheets/calamine/", Err("folder missing".into()));
        return suite;
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"]
                .iter()
                .any(|ext| name.ends_with(ext))
        })
        .collect();
    names.sort();
    for name in names {
        let bytes = match std::fs::read(folder.join(&name)) {
            Ok(bytes) => bytes,
            Err(err) => {
                suite.check(name, Err(err.to_string()));
                continue;
            }
        };
        let got = read_table(&bytes);
        let expect = EXPECTED
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, expect)| expect);
        match (expect, got) {
            (Some(Expect::Differs(reason)), Err(err)) => {
                suite.differ(name, format!("{reason}: {err}"))
            }
            (Some(Expect::Differs(_)), Ok(_)) => {
                suite.check(name, Err("expected an error, read it".into()))
            }
            (Some(Expect::Error(kind, what)), Err(err)) => {
                let outcome = if kind(err.kind()) {
                    Ok(())
                } else {
                    Err(format!("expected {what}, got: {err}"))
                };
                suite.check(name, outcome);
            }
            (Some(Expect::Error(_, what)), Ok(_)) => {
                suite.check(name, Err(format!("expected {what}, read it")))
            }
            (_, Err(err)) => suite.check(name, Err(err.to_string())),
            (expect, Ok(table)) => {
                let outcome = format_matches(&name, &table).and_then(|()| match expect {
                    Some(Expect::Rows(rows)) => rows_match(&table, rows),
                    Some(Expect::Sheets(sheets)) => sheets_match(&table, sheets),
                    _ => Ok(()),
                });
                suite.check(name, outcome);
            }
        }
    }
    suite
}

fn format_matches(name: &str, table: &Table) -> Result<(), String> {
    let format = table.detection().format.value.name();
    if name.ends_with(&format!(".{format}")) {
        Ok(())
    } else {
        Err(format!("read as {format}"))
    }
}

fn rows_match(table: &Table, rows: &[&[&str]]) -> Result<(), String> {
    let got: Vec<Vec<&str>> = std::iter::once(table.header())
        .chain(table.rows())
        .take(rows.len())
        .map(|row| row.cells().collect())
        .collect();
    if got == rows {
        Ok(())
    } else {
        Err(format!("expected {rows:?}, got {got:?}"))
    }
}

fn sheets_match(table: &Table, sheets: &[(&str, bool)]) -> Result<(), String> {
    let got: Vec<(&str, bool)> = table
        .detection()
        .sheets
        .iter()
        .map(|sheet| (sheet.name.as_str(), sheet.hidden))
        .collect();
    if got == sheets {
        Ok(())
    } else {
        Err(format!("expected sheets {sheets:?}, got {got:?}"))
    }
}

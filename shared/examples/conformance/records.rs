//! Cases as plain records (header row first, then data rows), the shape most CSV suites expect,
//! and the verdict on one case.

use clientela_shared::{Error, ErrorKind, ReadOptions, Table, read_table_with};

use crate::report::Suite;

/// Rows of fields, the header row first.
pub type Records = Vec<Vec<String>>;

/// The header row as it stands in the file, then every data row.
pub fn records(table: &Table) -> Records {
    std::iter::once(table.header())
        .chain(table.rows())
        .map(|row| row.cells().map(str::to_owned).collect())
        .collect()
}

/// How rust-csv reads `bytes` with `delimiter` (any row length, otherwise its defaults): the
/// reference reading of RFC 4180 for suites that give no expected rows of their own.
pub fn reference_records(bytes: &[u8], delimiter: u8) -> Result<Records, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    reader
        .records()
        .map(|record| {
            record
                .map(|record| record.iter().map(str::to_owned).collect())
                .map_err(|err| format!("rust-csv cannot read it: {err}"))
        })
        .collect()
}

/// What one case gave.
#[derive(Debug)]
pub enum Verdict {
    /// As the peer expects.
    Pass,
    /// Different on purpose, for this reason.
    Differ(String),
    /// Wrong, for this reason.
    Fail(String),
}

impl Verdict {
    /// Writes the verdict into `suite`.
    pub fn record(self, suite: &mut Suite, id: impl Into<String>) {
        match self {
            Verdict::Pass => suite.check(id, Ok(())),
            Verdict::Differ(reason) => suite.differ(id, reason),
            Verdict::Fail(reason) => suite.check(id, Err(reason)),
        }
    }

    /// For a case that needs a setting Clientela does not offer (`setting`, read with the
    /// defaults instead): a failure becomes a difference naming the setting.
    pub fn without_setting(self, setting: &str) -> Verdict {
        match self {
            Verdict::Fail(reason) => Verdict::Differ(format!(
                "needs {setting}, which Clientela does not offer ({reason})"
            )),
            other => other,
        }
    }
}

/// The verdict on a case whose peer expects `expected` records from `input`, read with `options`.
///
/// Three differences are Clientela's on purpose and listed as such, never counted as passes:
/// blank rows are not customers, so they are dropped; a file of blank rows is refused as empty;
/// and a file with a header but no rows under it is refused with an error naming the header line.
/// In that last case the header's fields are still checked, by reading the input with a row
/// added under it: a wrong field is a failure.
pub fn judge(expected: &[Vec<String>], input: &[u8], options: &ReadOptions) -> Verdict {
    let without_blank: Records = expected
        .iter()
        .filter(|row| !is_blank(row))
        .cloned()
        .collect();
    match read_table_with(input, options) {
        Ok(table) => {
            let got = records(&table);
            if got == expected {
                Verdict::Pass
            } else if got == without_blank {
                Verdict::Differ("blank rows are dropped on purpose (they are not customers)".into())
            } else {
                Verdict::Fail(first_difference(expected, &got))
            }
        }
        Err(err) => match err.kind() {
            ErrorKind::Empty if expected.is_empty() => Verdict::Pass,
            ErrorKind::Empty if without_blank.is_empty() => Verdict::Differ(
                "a file of blank rows is refused as empty on purpose (nothing to import)".into(),
            ),
            ErrorKind::NoDataRows { .. } if without_blank.len() == 1 => {
                lone_header(&without_blank[0], input, options, &err)
            }
            _ => Verdict::Fail(format!(
                "expected {} records, got the error: {err}",
                expected.len()
            )),
        },
    }
}

/// A file that is one row only: refused on purpose, but its fields must read as expected.
fn lone_header(expected: &[String], input: &[u8], options: &ReadOptions, err: &Error) -> Verdict {
    let mut probe = input.to_vec();
    probe.extend_from_slice(b"\nx");
    match read_table_with(&probe, options) {
        Ok(table) => {
            let header: Vec<&str> = table.header().cells().collect();
            if header == expected {
                Verdict::Differ(format!(
                    "a lone header row is refused on purpose ({err}); its fields are as expected"
                ))
            } else {
                Verdict::Fail(format!(
                    "the one row reads as {header:?}, expected {expected:?}"
                ))
            }
        }
        Err(probe_err) => Verdict::Fail(format!(
            "a lone header row is refused ({err}), and with a row added: {probe_err}"
        )),
    }
}

/// True when every field of `row` is blank.
pub fn is_blank(row: &[String]) -> bool {
    row.iter().all(|field| field.trim().is_empty())
}

/// A sentence naming the first record that differs.
pub fn first_difference(expected: &[Vec<String>], got: &[Vec<String>]) -> String {
    for (index, (want, have)) in expected.iter().zip(got).enumerate() {
        if want != have {
            return format!("record {}: expected {want:?}, got {have:?}", index + 1);
        }
    }
    format!(
        "expected {} records, got {}: {:?}",
        expected.len(),
        got.len(),
        got.iter().take(4).collect::<Vec<_>>()
    )
}

/// Converts a JSON array of arrays of strings into records.
pub fn from_json(value: &serde_json::Value) -> Option<Records> {
    value
        .as_array()?
        .iter()
        .map(|row| {
            row.as_array()?
                .iter()
                .map(|field| field.as_str().map(str::to_owned))
                .collect()
        })
        .collect()
}

//! The report of a whole file: every row's verdict, the file-wide rules (unique values, the
//! profile's `max_rows`) and the summary counts.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::code::Code;
use super::finding::Finding;
use super::record::Record;
use super::validator::{RowVerdict, UniqueKey, Validator};
use crate::table::Table;

/// Whether a row can be imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// No errors (there may be warnings).
    Valid,
    /// At least one error.
    Invalid,
}

/// How many rows are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Data rows (blank lines are not rows).
    pub rows: u64,
    /// Rows with no errors, with or without warnings.
    pub valid: u64,
    /// Rows with at least one error.
    pub invalid: u64,
    /// Valid rows that have at least one warning.
    pub warnings: u64,
}

/// One row of a [`Report`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReport {
    /// The 1-based line of the file.
    pub line: u64,
    /// Whether it can be imported.
    pub status: RowStatus,
    /// What is wrong or doubtful.
    pub issues: Vec<Finding>,
    /// The normalised record, for a row without errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
}

/// The verdict on a whole file.
///
/// ```
/// use clientela_shared::{Profile, Validator, read_table, suggest_mapping_for_table};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let table = read_table(b"Email\nana@example.com\nANA@example.com\nluis@\n")?;
/// let profile = Profile::from_toml("unique = [\"email\"]")?;
/// let mapping = suggest_mapping_for_table(&table, &profile);
/// let mut validator = Validator::new(&profile, &mapping, table.columns());
/// let report = validator.validate_table(&table);
/// assert_eq!(report.summary.rows, 3);
/// assert_eq!(report.summary.invalid, 3);
/// assert_eq!(report.rows[0].issues[0].params["lines"], "3");
/// # Ok(())
/// # }
/// ```
/// It serialises (for the browser and the command line) but is not read back: rechecking a row
/// needs what only the validator that built it knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Counts of rows per state.
    pub summary: Summary,
    /// Findings about the file as a whole: the mapping, `max_rows`.
    pub file_issues: Vec<Finding>,
    /// Every data row, in file order.
    pub rows: Vec<RowReport>,
    /// The values that must be unique, per row (same order as `rows`).
    #[serde(skip)]
    unique_keys: Vec<Vec<UniqueKey>>,
    /// The records of invalid rows (same order as `rows`), parked so that a row that becomes
    /// valid again (its duplicate was fixed) gets its record back. A valid row's record is in its
    /// [`RowReport`]: each record is kept once, never copied.
    #[serde(skip)]
    parked_records: Vec<Option<Record>>,
    /// Rows by unique value: (field, comparison key) → row indexes.
    #[serde(skip)]
    unique_index: HashMap<(String, String), Vec<usize>>,
}

impl Report {
    /// Whether nothing stops the import: no file-level error and no invalid row.
    pub fn is_clean(&self) -> bool {
        self.summary.invalid == 0 && !self.file_issues.iter().any(Finding::is_error)
    }

    /// Whether any file-level finding or row is an error.
    pub fn has_errors(&self) -> bool {
        !self.is_clean()
    }

    /// Checks one edited row again (by its `line`) and the rows that shared a unique value with
    /// it, before or after the edit, without checking the rest of the file. Returns `false` when
    /// no row has that line.
    pub fn recheck_row(&mut self, validator: &mut Validator, line: u64, cells: &[&str]) -> bool {
        let Some(index) = self.rows.iter().position(|row| row.line == line) else {
            return false;
        };
        let mut verdict = validator.check_row(line, cells);
        let mut touched = vec![index];
        for key in std::mem::take(&mut self.unique_keys[index]) {
            let slot = (key.field, key.key);
            if let Some(members) = self.unique_index.get_mut(&slot) {
                members.retain(|&member| member != index);
                touched.extend(members.iter().copied());
            }
        }
        for key in &verdict.unique_keys {
            let members = self
                .unique_index
                .entry((key.field.clone(), key.key.clone()))
                .or_default();
            touched.extend(members.iter().copied());
            members.push(index);
            members.sort_unstable();
        }
        self.unique_keys[index] = std::mem::take(&mut verdict.unique_keys);
        let (row, parked) = row_report(verdict);
        self.rows[index] = row;
        self.parked_records[index] = parked;
        touched.sort_unstable();
        touched.dedup();
        for &row in &touched {
            self.rows[row]
                .issues
                .retain(|finding| finding.code != Code::UniqueDuplicate);
        }
        for &row in &touched {
            self.flag_duplicates(row);
        }
        self.summary = summarise(&self.rows);
        true
    }

    /// Adds the duplicate findings of row `index` from the index, and its status.
    fn flag_duplicates(&mut self, index: usize) {
        let mut findings = Vec::new();
        for key in &self.unique_keys[index] {
            let members = &self.unique_index[&(key.field.clone(), key.key.clone())];
            if members.len() < 2 {
                continue;
            }
            let others: Vec<String> = members
                .iter()
                .filter(|&&member| member != index)
                .map(|&member| self.rows[member].line.to_string())
                .collect();
            let mut finding = Finding::error(Code::UniqueDuplicate)
                .with("field", key.field.clone())
                .with("value", key.shown.clone())
                .with("lines", others.join(", "));
            finding.line = Some(self.rows[index].line);
            finding.column = key.column.clone();
            finding.field = Some(key.field.clone());
            findings.push(finding);
        }
        let row = &mut self.rows[index];
        row.issues.extend(findings);
        settle(row, &mut self.parked_records[index]);
    }
}

impl Validator {
    /// Checks every `(line, cells)` row and the file-wide rules. Rows whose cells are all blank
    /// are not rows and are skipped.
    pub fn validate_rows<'c, R>(&mut self, rows: impl IntoIterator<Item = (u64, R)>) -> Report
    where
        R: AsRef<[&'c str]>,
    {
        let mut verdicts = Vec::new();
        for (line, cells) in rows {
            let cells = cells.as_ref();
            if cells.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            verdicts.push(self.check_row(line, cells));
        }
        self.finish(verdicts)
    }

    /// Checks every data row of `table` and the file-wide rules.
    pub fn validate_table(&mut self, table: &Table) -> Report {
        let mut cells: Vec<&str> = Vec::new();
        let mut verdicts = Vec::with_capacity(table.row_count());
        for row in table.rows() {
            cells.clear();
            cells.extend(row.cells());
            if cells.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            verdicts.push(self.check_row(row.line(), &cells));
        }
        self.finish(verdicts)
    }

    /// The report of these verdicts: duplicates flagged, `max_rows` enforced, rows counted.
    fn finish(&self, verdicts: Vec<RowVerdict>) -> Report {
        let file_issues = self.whole_file_findings(verdicts.len() as u64);
        let mut unique_index: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut unique_keys = Vec::with_capacity(verdicts.len());
        let mut rows = Vec::with_capacity(verdicts.len());
        let mut parked_records = Vec::with_capacity(verdicts.len());
        for (index, mut verdict) in verdicts.into_iter().enumerate() {
            for key in &verdict.unique_keys {
                unique_index
                    .entry((key.field.clone(), key.key.clone()))
                    .or_default()
                    .push(index);
            }
            unique_keys.push(std::mem::take(&mut verdict.unique_keys));
            let (row, parked) = row_report(verdict);
            rows.push(row);
            parked_records.push(parked);
        }
        let mut report = Report {
            summary: Summary::default(),
            file_issues,
            rows,
            unique_keys,
            parked_records,
            unique_index,
        };
        let duplicated: Vec<usize> = {
            let mut rows: Vec<usize> = report
                .unique_index
                .values()
                .filter(|members| members.len() > 1)
                .flatten()
                .copied()
                .collect();
            rows.sort_unstable();
            rows.dedup();
            rows
        };
        for index in duplicated {
            report.flag_duplicates(index);
        }
        report.summary = summarise(&report.rows);
        report
    }
}

/// The row's report, and its record when it is parked (the row is invalid).
fn row_report(verdict: RowVerdict) -> (RowReport, Option<Record>) {
    let mut row = RowReport {
        line: verdict.line,
        status: RowStatus::Valid,
        issues: verdict.findings,
        record: Some(verdict.record),
    };
    let mut parked = None;
    settle(&mut row, &mut parked);
    (row, parked)
}

/// Sets the status from the findings. Only a row without errors shows its record; an invalid
/// row's record moves to `parked`, and back when the row is valid again.
fn settle(row: &mut RowReport, parked: &mut Option<Record>) {
    if row.issues.iter().any(Finding::is_error) {
        row.status = RowStatus::Invalid;
        if let Some(record) = row.record.take() {
            *parked = Some(record);
        }
    } else {
        row.status = RowStatus::Valid;
        if let Some(record) = parked.take() {
            row.record = Some(record);
        }
    }
}

fn summarise(rows: &[RowReport]) -> Summary {
    let mut summary = Summary {
        rows: rows.len() as u64,
        ..Summary::default()
    };
    for row in rows {
        match row.status {
            RowStatus::Valid => {
                summary.valid += 1;
                if !row.issues.is_empty() {
                    summary.warnings += 1;
                }
            }
            RowStatus::Invalid => summary.invalid += 1,
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::validator::validator_for as validator;

    #[test]
    fn every_row_of_a_duplicate_group_names_the_others() {
        let mut validator = validator("unique = [\"email\"]", &["Email"]);
        let report = validator.validate_rows([
            (2, vec!["a@example.com"]),
            (3, vec!["b@example.com"]),
            (4, vec!["A@example.com"]),
            (7, vec!["a@EXAMPLE.com"]),
        ]);
        let lines: Vec<&str> = [0, 2, 3]
            .iter()
            .map(|&i| report.rows[i].issues[0].params["lines"].as_str())
            .collect();
        assert_eq!(lines, ["4, 7", "2, 7", "2, 4"]);
        assert_eq!(report.rows[1].status, RowStatus::Valid);
    }

    #[test]
    fn rechecking_an_edited_row_updates_its_duplicate_partners() {
        let mut validator = validator("unique = [\"email\"]", &["Email"]);
        let mut report = validator.validate_rows([
            (2, vec!["a@example.com"]),
            (3, vec!["a@example.com"]),
            (4, vec!["c@example.com"]),
        ]);
        assert_eq!(report.summary.invalid, 2);
        assert!(report.recheck_row(&mut validator, 3, &["b@example.com"]));
        assert_eq!(report.summary.invalid, 0);
        assert_eq!(
            report.rows[0].record.as_ref().expect("valid again").fields["email"],
            "a@example.com"
        );
        assert!(report.recheck_row(&mut validator, 2, &["c@example.com"]));
        assert_eq!(report.rows[2].issues[0].params["lines"], "2");
        assert_eq!(report.summary.invalid, 2);
        assert!(!report.recheck_row(&mut validator, 99, &["x@example.com"]));
    }

    #[test]
    fn max_rows_is_a_file_error_and_blank_rows_do_not_count() {
        let mut validator = validator("max_rows = 2", &["Email"]);
        let report = validator.validate_rows([
            (2, vec!["a@example.com"]),
            (3, vec![" "]),
            (4, vec!["b@example.com"]),
        ]);
        assert!(report.file_issues.is_empty());
        assert_eq!(report.summary.rows, 2);
        let report = validator.validate_rows([
            (2, vec!["a@example.com"]),
            (3, vec!["c@example.com"]),
            (4, vec!["b@example.com"]),
        ]);
        assert_eq!(report.file_issues[0].code, Code::FileTooManyRows);
        assert!(report.has_errors());
    }
}

//! The review of a mapped file: every row's verdict, kept up to date as the user edits cells,
//! leaves rows out or applies a fix to all of them.

use std::collections::{BTreeSet, HashMap};

use clientela_shared::{
    BatchRow, Code, Language, Mapping, Profile, Report, RowStatus, Table, Validator,
};

use super::csv_out::problems_csv;
use crate::protocol::{
    BatchSlice, BulkFix, CellIssue, GridRow, RecordDefaults, Request, Response, ReviewCounts,
    RowFilter, RowWindow,
};
use crate::text::{Text, text};

/// The most rows one window may hold, so a request cannot ask for the whole file at once.
const MAX_WINDOW: usize = 500;

/// Every row's verdict under one mapping and profile.
#[derive(Debug)]
pub struct Review {
    profile: Profile,
    mapping: Mapping,
    validator: Validator,
    report: Report,
    language: Language,
    headers: Vec<String>,
    /// For each row of the report, its index in the table (blank rows are not in the report).
    table_rows: Vec<usize>,
    /// Whether each row of the report is left out.
    excluded: Vec<bool>,
}

impl Review {
    /// Checks every non-blank row of `table`, with the user's edits.
    pub fn new(
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        excluded: &BTreeSet<usize>,
        profile: &Profile,
        mapping: &Mapping,
        language: Language,
    ) -> Review {
        let mut validator = Validator::new(profile, mapping, table.columns());
        let mut table_rows = Vec::with_capacity(table.row_count());
        let rows = table.rows().enumerate().filter_map(|(index, row)| {
            let cells: Vec<&str> = match edits.get(&index) {
                Some(edited) => edited.iter().map(String::as_str).collect(),
                None => row.cells().collect(),
            };
            if cells.iter().all(|cell| cell.trim().is_empty()) {
                return None;
            }
            table_rows.push(index);
            Some((row.line(), cells))
        });
        let report = validator.validate_rows(rows);
        let excluded = table_rows
            .iter()
            .map(|index| excluded.contains(index))
            .collect();
        Review {
            profile: profile.clone(),
            mapping: mapping.clone(),
            validator,
            report,
            language,
            headers: table.columns().to_vec(),
            table_rows,
            excluded,
        }
    }

    /// Answers a request about the rows.
    pub fn handle(
        &mut self,
        request: Request,
        table: &Table,
        edits: &mut HashMap<usize, Vec<String>>,
        excluded: &mut BTreeSet<usize>,
    ) -> Response {
        match request {
            Request::Rows {
                filter,
                start,
                count,
            } => Response::Rows(self.window(table, edits, filter, start, count)),
            Request::NextProblem { filter, after } => {
                Response::Position(self.next_problem(filter, after))
            }
            Request::Edit { row, column, value } => {
                let Some(&table_row) = self.table_rows.get(row) else {
                    return Response::Failed(format!("There is no row {row}."));
                };
                let mut cells = cells_of(table, edits, table_row);
                if column >= cells.len().max(self.headers.len()) {
                    return Response::Failed(format!("There is no column {column}."));
                }
                cells.resize(cells.len().max(column + 1), String::new());
                cells[column] = value;
                let line = self.report.rows[row].line;
                let cell_refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                self.report
                    .recheck_row(&mut self.validator, line, &cell_refs);
                edits.insert(table_row, cells);
                Response::Changed {
                    counts: self.counts(),
                    touched: 1,
                }
            }
            Request::Exclude { row, excluded: out } => {
                let Some(&table_row) = self.table_rows.get(row) else {
                    return Response::Failed(format!("There is no row {row}."));
                };
                self.excluded[row] = out;
                if out {
                    excluded.insert(table_row);
                } else {
                    excluded.remove(&table_row);
                }
                Response::Changed {
                    counts: self.counts(),
                    touched: 1,
                }
            }
            Request::BulkFix { fix } => {
                let touched = self.bulk_fix(&fix, table, edits);
                if touched > 0 {
                    *self = Review::new(
                        table,
                        edits,
                        excluded,
                        &self.profile,
                        &self.mapping,
                        self.language,
                    );
                }
                Response::Changed {
                    counts: self.counts(),
                    touched,
                }
            }
            Request::Batch {
                start,
                max,
                defaults,
            } => Response::Batch(self.batch(table, edits, start, max, &defaults)),
            Request::SetLanguage { language } => {
                self.language = language;
                Response::Changed {
                    counts: self.counts(),
                    touched: 0,
                }
            }
            Request::ProblemsCsv => {
                let rows = (0..self.report.rows.len())
                    .filter(|&row| self.excluded[row] || self.has_errors(row))
                    .map(|row| {
                        let reasons: Vec<String> = self.issues(row).map(|i| i.message).collect();
                        let reason = if self.excluded[row] && reasons.is_empty() {
                            text(Text::LeftOutByUser, self.language).to_owned()
                        } else {
                            reasons.join(" ")
                        };
                        let cells = cells_of(table, edits, self.table_rows[row]);
                        (self.report.rows[row].line, cells, reason)
                    });
                Response::Csv(problems_csv(&self.headers, self.language, rows))
            }
            Request::Open { .. }
            | Request::Reread { .. }
            | Request::Validate { .. }
            | Request::Corrections { .. }
            | Request::XlsxTemplate { .. }
            | Request::ProfileFromToml { .. }
            | Request::ProfileToToml { .. } => Response::Failed(
                "This request is answered by the session or the worker.".to_owned(),
            ),
        }
    }

    /// The live counts.
    pub fn counts(&self) -> ReviewCounts {
        let mut counts = ReviewCounts {
            rows: self.report.rows.len(),
            ..ReviewCounts::default()
        };
        // Each row is counted once: left out, with errors, or ready (some of those with
        // warnings), as the filters show them.
        for (row, report) in self.report.rows.iter().enumerate() {
            if self.excluded[row] {
                counts.excluded += 1;
            } else if report.status == RowStatus::Invalid {
                counts.errors += 1;
            } else {
                if !report.issues.is_empty() {
                    counts.warnings += 1;
                }
                counts.ready += 1;
            }
            counts.suggestions += report
                .issues
                .iter()
                .filter(|finding| is_applicable(finding))
                .count();
        }
        counts
    }

    fn has_errors(&self, row: usize) -> bool {
        self.report.rows[row].status == RowStatus::Invalid
    }

    fn passes(&self, row: usize, filter: RowFilter) -> bool {
        match filter {
            RowFilter::All => true,
            RowFilter::Errors => !self.excluded[row] && self.has_errors(row),
            RowFilter::Warnings => {
                !self.excluded[row]
                    && !self.has_errors(row)
                    && !self.report.rows[row].issues.is_empty()
            }
            RowFilter::Excluded => self.excluded[row],
        }
    }

    /// The rows (indexes into the report) that pass `filter`.
    fn positions(&self, filter: RowFilter) -> Vec<usize> {
        (0..self.report.rows.len())
            .filter(|&row| self.passes(row, filter))
            .collect()
    }

    fn window(
        &self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        filter: RowFilter,
        start: usize,
        count: usize,
    ) -> RowWindow {
        let count = count.min(MAX_WINDOW);
        let (total, rows): (usize, Vec<usize>) = if filter == RowFilter::All {
            let total = self.report.rows.len();
            (
                total,
                (start.min(total)..(start + count).min(total)).collect(),
            )
        } else {
            let positions = self.positions(filter);
            let total = positions.len();
            (
                total,
                positions.into_iter().skip(start).take(count).collect(),
            )
        };
        RowWindow {
            total,
            start,
            rows: rows
                .into_iter()
                .map(|row| GridRow {
                    index: row,
                    line: self.report.rows[row].line,
                    cells: cells_of(table, edits, self.table_rows[row]),
                    excluded: self.excluded[row],
                    issues: self.issues(row).collect(),
                })
                .collect(),
        }
    }

    /// The problems of a row, in the user's language.
    fn issues(&self, row: usize) -> impl Iterator<Item = CellIssue> + '_ {
        self.report.rows[row]
            .issues
            .iter()
            .map(|finding| CellIssue {
                column: finding
                    .column
                    .as_ref()
                    .and_then(|name| self.headers.iter().position(|header| header == name)),
                severity: finding.severity,
                code: finding.code.as_str().to_owned(),
                message: finding.message(self.language),
            })
    }

    fn next_problem(&self, filter: RowFilter, after: Option<usize>) -> Option<usize> {
        let positions: Vec<usize> = self.positions(filter);
        let has_problem = |row: usize| !self.report.rows[row].issues.is_empty();
        let from = after.map_or(0, |position| position + 1);
        (from..positions.len())
            .chain(0..from.min(positions.len()))
            .find(|&position| has_problem(positions[position]))
    }

    /// Applies `fix` to the edits; returns how many cells changed.
    fn bulk_fix(
        &self,
        fix: &BulkFix,
        table: &Table,
        edits: &mut HashMap<usize, Vec<String>>,
    ) -> usize {
        let mut touched = 0;
        for (row, report) in self.report.rows.iter().enumerate() {
            let table_row = self.table_rows[row];
            let mut cells = cells_of(table, edits, table_row);
            let mut changed = false;
            match fix {
                BulkFix::ApplySuggestions => {
                    for finding in report.issues.iter().filter(|f| is_applicable(f)) {
                        let column = finding
                            .column
                            .as_ref()
                            .and_then(|name| self.headers.iter().position(|h| h == name));
                        if let (Some(column), Some(fixed)) = (column, &finding.suggestion)
                            && let Some(cell) = cells.get_mut(column)
                            && cell != fixed
                        {
                            cell.clone_from(fixed);
                            changed = true;
                            touched += 1;
                        }
                    }
                }
                BulkFix::Trim => {
                    for cell in &mut cells {
                        let trimmed = cell.trim();
                        if trimmed.len() != cell.len() {
                            *cell = trimmed.to_owned();
                            changed = true;
                            touched += 1;
                        }
                    }
                }
            }
            if changed {
                edits.insert(table_row, cells);
            }
        }
        touched
    }

    fn batch(
        &self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        start: usize,
        max: usize,
        defaults: &RecordDefaults,
    ) -> BatchSlice {
        let mut rows = Vec::new();
        let mut row = start;
        while row < self.report.rows.len() && rows.len() < max {
            let report = &self.report.rows[row];
            if let (false, Some(record)) = (self.excluded[row], &report.record)
                && report.status == RowStatus::Valid
            {
                let mut record = record.clone();
                for tag in &defaults.tags {
                    record.add_tag(tag.clone());
                }
                if let Some(status) = &defaults.status
                    && record.get("status").is_none()
                {
                    record.fields.insert("status".into(), status.clone());
                }
                rows.push(BatchRow {
                    line: report.line,
                    record,
                    source: cells_of(table, edits, self.table_rows[row]),
                });
            }
            row += 1;
        }
        BatchSlice {
            rows,
            next: (row < self.report.rows.len()).then_some(row),
        }
    }
}

/// Whether a suggestion replaces the whole cell, so applying it to every row is safe. A tag
/// suggestion names one tag of a cell that may hold several, so it is left to the user.
fn is_applicable(finding: &clientela_shared::Finding) -> bool {
    finding.suggestion.is_some() && finding.column.is_some() && finding.code != Code::TagUnknown
}

/// A row's cells as they are now: edited, or as read.
fn cells_of(table: &Table, edits: &HashMap<usize, Vec<String>>, table_row: usize) -> Vec<String> {
    match edits.get(&table_row) {
        Some(cells) => cells.clone(),
        None => table
            .row(table_row)
            .map(|row| row.cells().map(str::to_owned).collect())
            .unwrap_or_default(),
    }
}

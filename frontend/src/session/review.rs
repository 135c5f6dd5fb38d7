//! The review of a mapped file: every row's verdict, kept up to date as the user edits cells,
//! leaves rows out or applies a fix to all of them. It keeps a few bytes per row
//! ([`CompactReport`]); the findings and records of the rows shown or sent are built again from
//! their cells, which is cheap for a window or a batch.

use std::collections::{BTreeSet, HashMap};

use clientela_shared::{
    BatchRow, CompactReport, CompactShard, Language, Mapping, Profile, RowReport, RowStatus, Table,
    Validator,
};

use super::csv_out::{problems_csv, separator_for};
use super::filled_rows::for_each_filled_row;
use crate::protocol::{
    BatchSlice, BulkFix, CellIssue, Change, GridRow, RecordDefaults, Request, Response,
    ReviewCounts, RowFilter, RowWindow,
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
    report: CompactReport,
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
        let choices = (profile, mapping, language);
        Review::new_before(table, edits, excluded, choices, usize::MAX)
    }

    /// Checks the non-blank rows of `table` before row `end`; the others come with
    /// [`Review::append_checked`] or [`Review::check_rows`].
    pub fn new_before(
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        excluded: &BTreeSet<usize>,
        (profile, mapping, language): (&Profile, &Mapping, Language),
        end: usize,
    ) -> Review {
        let mut validator = Validator::new(profile, mapping, table.columns());
        let mut table_rows = Vec::with_capacity(table.row_count());
        let mut report = CompactReport::default();
        for_each_filled_row(table, edits, 0..end, |index, line, cells| {
            table_rows.push(index);
            if excluded.contains(&index) {
                report.push_left_out(&mut validator, line, cells);
            } else {
                report.push(&mut validator, line, cells);
            }
        });
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

    /// Adds the verdicts a helper worker gave on the table's `rows` (non-blank, after those
    /// checked here).
    pub fn append_checked(
        &mut self,
        table: &Table,
        (edits, excluded): (&HashMap<usize, Vec<String>>, &BTreeSet<usize>),
        rows: Vec<usize>,
        shard: CompactShard,
    ) {
        let first = self.report.len();
        let lines = rows.iter().map(|&row| line_of(table, row));
        self.report.append(shard, lines);
        for (row, table_row) in (first..).zip(&rows) {
            let left_out = excluded.contains(table_row);
            self.excluded.push(left_out);
            if left_out {
                self.set_left_out(table, edits, (row, *table_row), true);
            }
        }
        self.table_rows.extend(rows);
    }

    /// Leaves report row `row` (table row `table_row`) out of the in-file duplicates, or takes
    /// it back in: a row left out duplicates nothing.
    fn set_left_out(
        &mut self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        (row, table_row): (usize, usize),
        left_out: bool,
    ) {
        let cells = cells_of(table, edits, table_row);
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        self.report
            .set_left_out(&mut self.validator, row, &cells, left_out);
    }

    /// Checks the table's `rows` (non-blank, after those checked already) here: what a helper
    /// that failed was to do.
    pub fn check_rows(
        &mut self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        excluded: &BTreeSet<usize>,
        rows: Vec<usize>,
    ) {
        for &table_row in &rows {
            let cells = cells_of(table, edits, table_row);
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let line = line_of(table, table_row);
            let left_out = excluded.contains(&table_row);
            if left_out {
                self.report.push_left_out(&mut self.validator, line, &cells);
            } else {
                self.report.push(&mut self.validator, line, &cells);
            }
            self.excluded.push(left_out);
        }
        self.table_rows.extend(rows);
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
                let cell_refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                self.report
                    .recheck_row(&mut self.validator, row, &cell_refs);
                edits.insert(table_row, cells);
                Response::Changed(Change {
                    counts: self.counts(),
                    touched: 1,
                })
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
                self.set_left_out(table, edits, (row, table_row), out);
                Response::Changed(Change {
                    counts: self.counts(),
                    touched: 1,
                })
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
                Response::Changed(Change {
                    counts: self.counts(),
                    touched,
                })
            }
            Request::Batch {
                start,
                max,
                defaults,
            } => Response::Batch(self.batch(table, edits, start, max, &defaults)),
            Request::SetLanguage { language } => {
                self.language = language;
                Response::Changed(Change {
                    counts: self.counts(),
                    touched: 0,
                })
            }
            Request::ProblemsCsv => {
                // Borrowed field by field: the rows are checked again (the validator changes)
                // while the text is written, one row at a time.
                let Review {
                    validator,
                    report,
                    language,
                    headers,
                    table_rows,
                    excluded,
                    ..
                } = self;
                let language = *language;
                let report = &*report;
                let rows = (0..report.len())
                    .filter(|&row| excluded[row] || report.status(row) == RowStatus::Invalid)
                    .map(|row| {
                        let cells = cells_of(table, edits, table_rows[row]);
                        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                        let full = report.row(validator, row, &refs);
                        let reasons: Vec<String> = full
                            .issues
                            .iter()
                            .map(|finding| finding.message(language))
                            .collect();
                        let reason = if excluded[row] && reasons.is_empty() {
                            text(Text::LeftOutByUser, language).to_owned()
                        } else {
                            reasons.join(" ")
                        };
                        (full.line, cells, reason)
                    });
                let file_delimiter = table.detection().delimiter.as_ref().map(|d| d.value);
                let separator = separator_for(file_delimiter, language);
                Response::Csv(problems_csv(headers, (language, separator), rows))
            }
            Request::Open { .. }
            | Request::CheckRows { .. }
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
            rows: self.report.len(),
            file_errors: self.file_errors(),
            ..ReviewCounts::default()
        };
        // Each row is counted once: left out, with errors, or ready (some of those with
        // warnings), as the filters show them.
        for row in 0..self.report.len() {
            if self.excluded[row] {
                counts.excluded += 1;
            } else if self.has_errors(row) {
                counts.errors += 1;
            } else {
                if self.report.has_findings(row) {
                    counts.warnings += 1;
                }
                counts.ready += 1;
            }
            counts.suggestions += self.report.whole_cell_suggestions(row);
        }
        counts
    }

    /// The file's errors as a whole, in the user's language.
    fn file_errors(&self) -> Vec<String> {
        self.validator
            .whole_file_findings(self.report.len() as u64)
            .iter()
            .filter(|finding| finding.is_error())
            .map(|finding| finding.message(self.language))
            .collect()
    }

    fn has_errors(&self, row: usize) -> bool {
        self.report.status(row) == RowStatus::Invalid
    }

    fn passes(&self, row: usize, filter: RowFilter) -> bool {
        match filter {
            RowFilter::All => true,
            RowFilter::Errors => !self.excluded[row] && self.has_errors(row),
            RowFilter::Warnings => {
                !self.excluded[row] && !self.has_errors(row) && self.report.has_findings(row)
            }
            RowFilter::Excluded => self.excluded[row],
        }
    }

    /// The rows (indexes into the report) that pass `filter`.
    fn positions(&self, filter: RowFilter) -> Vec<usize> {
        (0..self.report.len())
            .filter(|&row| self.passes(row, filter))
            .collect()
    }

    fn window(
        &mut self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        filter: RowFilter,
        start: usize,
        count: usize,
    ) -> RowWindow {
        let count = count.min(MAX_WINDOW);
        let (total, rows): (usize, Vec<usize>) = if filter == RowFilter::All {
            let total = self.report.len();
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
                .map(|row| {
                    let cells = cells_of(table, edits, self.table_rows[row]);
                    let full = self.full_row(row, &cells);
                    GridRow {
                        index: row,
                        line: full.line,
                        issues: self.issues(&full).collect(),
                        cells,
                        excluded: self.excluded[row],
                    }
                })
                .collect(),
        }
    }

    /// Row `row` with its findings and record, built again from its `cells`.
    fn full_row(&mut self, row: usize, cells: &[String]) -> RowReport {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        self.report.row(&mut self.validator, row, &cells)
    }

    /// The problems of a row, in the user's language.
    fn issues<'r>(&'r self, full: &'r RowReport) -> impl Iterator<Item = CellIssue> + 'r {
        full.issues.iter().map(|finding| CellIssue {
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
        let has_problem = |row: usize| self.report.has_findings(row);
        let from = after.map_or(0, |position| position + 1);
        (from..positions.len())
            .chain(0..from.min(positions.len()))
            .find(|&position| has_problem(positions[position]))
    }

    /// Applies `fix` to the edits; returns how many cells changed.
    fn bulk_fix(
        &mut self,
        fix: &BulkFix,
        table: &Table,
        edits: &mut HashMap<usize, Vec<String>>,
    ) -> usize {
        let mut touched = 0;
        for row in 0..self.report.len() {
            if *fix == BulkFix::ApplySuggestions && self.report.whole_cell_suggestions(row) == 0 {
                continue;
            }
            let table_row = self.table_rows[row];
            let mut cells = cells_of(table, edits, table_row);
            let mut changed = false;
            match fix {
                BulkFix::ApplySuggestions => {
                    let full = self.full_row(row, &cells);
                    for finding in full.issues.iter().filter(|f| f.fixes_whole_cell()) {
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
        &mut self,
        table: &Table,
        edits: &HashMap<usize, Vec<String>>,
        start: usize,
        max: usize,
        defaults: &RecordDefaults,
    ) -> BatchSlice {
        let mut rows = Vec::new();
        let mut row = start;
        while row < self.report.len() && rows.len() < max {
            if !self.excluded[row] && !self.has_errors(row) {
                let source = cells_of(table, edits, self.table_rows[row]);
                let full = self.full_row(row, &source);
                let Some(mut record) = full.record else {
                    row += 1;
                    continue;
                };
                for tag in &defaults.tags {
                    record.add_tag(tag.clone());
                }
                if let Some(status) = &defaults.status
                    && record.get("status").is_none()
                {
                    record.fields.insert("status".into(), status.clone());
                }
                rows.push(BatchRow {
                    line: full.line,
                    record,
                    source,
                });
            }
            row += 1;
        }
        BatchSlice {
            rows,
            next: (row < self.report.len()).then_some(row),
        }
    }
}

/// The file's line of table row `row`.
fn line_of(table: &Table, row: usize) -> u64 {
    table.row(row).map_or(0, |row| row.line())
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

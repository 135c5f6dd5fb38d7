//! A whole file's verdict in a few bytes per row: what the review's counts, filters and
//! "next problem" need. A row's findings and record are built again from its cells when asked
//! (for the rows shown or sent), which costs one row's check; keeping them for a million rows
//! cost a gigabyte and most of the check's time (allocating and freeing them).

use std::collections::{BTreeSet, HashMap};

use super::code::Code;
use super::compact_shard::CompactShard;
use super::finding::Finding;
use super::report::{RowReport, RowStatus, Summary};
use super::validator::{RowVerdict, Validator};

/// Every row's status and the file's in-file duplicates, without the rows' findings and
/// records. [`CompactReport::row`] gives a row exactly as [`Report`](crate::Report) has it.
///
/// ```
/// use clientela_shared::{CompactReport, Profile, RowStatus, Validator, suggest_mapping};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let profile = Profile::from_toml("unique = [\"email\"]")?;
/// let headers = ["Email".to_owned()];
/// let mapping = suggest_mapping::<Vec<&str>, &str>(&headers, &[], &profile);
/// let mut validator = Validator::new(&profile, &mapping, &headers);
/// let mut report = CompactReport::default();
/// report.push(&mut validator, 2, &["ana@example.com"]);
/// report.push(&mut validator, 3, &["ANA@example.com"]);
/// assert_eq!(report.status(0), RowStatus::Invalid);
///
/// report.recheck_row(&mut validator, 1, &["luis@example.com"]);
/// assert_eq!(report.status(0), RowStatus::Valid);
/// let row = report.row(&mut validator, 1, &["luis@example.com"]);
/// assert_eq!(row.record.expect("a valid row").fields["email"], "luis@example.com");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Default)]
pub struct CompactReport {
    marks: Vec<Mark>,
    lines: Vec<u64>,
    /// Values that must be unique: (field, comparison key) → its group in `groups`.
    group_of: HashMap<(String, String), u32>,
    /// The rows holding each unique value, in row order.
    groups: Vec<Vec<u32>>,
    /// Each row's groups. Empty (no room per row) while the profile has no unique fields.
    row_groups: Vec<Vec<u32>>,
    /// The rows the user left out of the import: they are in no group, so they duplicate
    /// nothing and nothing duplicates them.
    left_out: BTreeSet<usize>,
}

/// What is kept of one row's own verdict, and how many of its values another row shares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Mark {
    errors: bool,
    findings: u16,
    whole_cell_suggestions: u16,
    /// Known only to the report that holds every row: a shard leaves it at 0.
    shared_values: u16,
}

impl Mark {
    /// The row's own verdict as one number (what a shard sends): the error flag, then the
    /// counts of findings and of whole-cell suggestions.
    pub(super) fn to_number(self) -> u64 {
        u64::from(self.errors)
            | u64::from(self.findings) << 1
            | u64::from(self.whole_cell_suggestions) << 17
    }

    /// The mark [`Mark::to_number`] gave `number` for.
    pub(super) fn from_number(number: u64) -> Mark {
        Mark {
            errors: number & 1 == 1,
            findings: (number >> 1) as u16,
            whole_cell_suggestions: (number >> 17) as u16,
            shared_values: 0,
        }
    }

    pub(super) fn of(verdict: &RowVerdict) -> Mark {
        Mark {
            errors: !verdict.is_valid(),
            findings: count(verdict.findings.len()),
            whole_cell_suggestions: count(
                verdict
                    .findings
                    .iter()
                    .filter(|finding| finding.fixes_whole_cell())
                    .count(),
            ),
            shared_values: 0,
        }
    }
}

fn count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl CompactReport {
    /// Checks the next row (skipping none: the caller leaves blank rows out) and keeps its mark.
    pub fn push(&mut self, validator: &mut Validator, line: u64, cells: &[&str]) {
        self.push_row(validator, line, cells, false);
    }

    /// [`CompactReport::push`] for a row the user left out of the import: it joins no group of
    /// duplicates (see [`CompactReport::set_left_out`]).
    pub fn push_left_out(&mut self, validator: &mut Validator, line: u64, cells: &[&str]) {
        self.push_row(validator, line, cells, true);
    }

    fn push_row(&mut self, validator: &mut Validator, line: u64, cells: &[&str], left_out: bool) {
        let verdict = validator.check_row_verdict(line, cells);
        let row = self.marks.len();
        self.marks.push(Mark::of(&verdict));
        self.lines.push(line);
        if left_out {
            self.left_out.insert(row);
            return;
        }
        if verdict.unique_keys.is_empty() && self.row_groups.is_empty() {
            return;
        }
        self.row_groups.resize(row, Vec::new());
        let keys = verdict
            .unique_keys
            .into_iter()
            .map(|key| (key.field, key.key));
        let groups = self.join_groups(row, keys);
        self.row_groups.push(groups);
        self.marks[row].shared_values = self.shared_values(row);
    }

    /// Appends rows checked elsewhere (by another worker), whose `lines` are these; their
    /// duplicates with the rows already here (and with each other) are found as if they had been
    /// pushed one by one.
    pub fn append(&mut self, shard: CompactShard, lines: impl IntoIterator<Item = u64>) {
        let first = self.len();
        let (marks, unique_values) = shard.into_parts();
        self.marks.extend(marks);
        self.lines.extend(lines);
        assert_eq!(self.lines.len(), self.marks.len(), "a line for every row");
        let mut values = unique_values.into_iter().peekable();
        while let Some((row, field, key)) = values.next() {
            let mut keys = vec![(field, key)];
            while let Some((_, field, key)) = values.next_if(|next| next.0 == row) {
                keys.push((field, key));
            }
            let row = first + row as usize;
            self.row_groups.resize(row, Vec::new());
            let groups = self.join_groups(row, keys);
            self.row_groups.push(groups);
            self.marks[row].shared_values = self.shared_values(row);
        }
    }

    /// How many rows were checked.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Whether no row was checked.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The file's line of row `row`.
    pub fn line(&self, row: usize) -> u64 {
        self.lines[row]
    }

    /// Whether row `row` can be imported (its own findings and its duplicates).
    pub fn status(&self, row: usize) -> RowStatus {
        let mark = self.marks[row];
        if mark.errors || mark.shared_values > 0 {
            RowStatus::Invalid
        } else {
            RowStatus::Valid
        }
    }

    /// Whether row `row` has any finding, duplicates included.
    pub fn has_findings(&self, row: usize) -> bool {
        let mark = self.marks[row];
        mark.findings > 0 || mark.shared_values > 0
    }

    /// How many of row `row`'s findings suggest a value for a whole cell
    /// ([`Finding::fixes_whole_cell`]).
    pub fn whole_cell_suggestions(&self, row: usize) -> usize {
        usize::from(self.marks[row].whole_cell_suggestions)
    }

    /// How many rows are in each state.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            rows: self.len() as u64,
            ..Summary::default()
        };
        for row in 0..self.len() {
            match self.status(row) {
                RowStatus::Valid => {
                    summary.valid += 1;
                    summary.warnings += u64::from(self.has_findings(row));
                }
                RowStatus::Invalid => summary.invalid += 1,
            }
        }
        summary
    }

    /// Row `row` in full, as [`Report`](crate::Report) has it: its findings (duplicates last)
    /// and, when it is valid, its record. `cells` must be the cells it was last checked with.
    pub fn row(&self, validator: &mut Validator, row: usize, cells: &[&str]) -> RowReport {
        let mut verdict = validator.check_row(self.lines[row], cells);
        let unique_keys = if self.left_out.contains(&row) {
            &[][..]
        } else {
            &verdict.unique_keys[..]
        };
        for key in unique_keys {
            // Always there when `cells` are the ones last checked; otherwise the row is not
            // called a duplicate rather than the worker stopping.
            let Some(&group) = self.group_of.get(&(key.field.clone(), key.key.clone())) else {
                continue;
            };
            let members = &self.groups[group as usize];
            if members.len() < 2 {
                continue;
            }
            let others: Vec<String> = members
                .iter()
                .filter(|&&member| member as usize != row)
                .map(|&member| self.lines[member as usize].to_string())
                .collect();
            let mut finding = Finding::error(Code::UniqueDuplicate)
                .with("field", key.field.clone())
                .with("value", key.shown.clone())
                .with("lines", others.join(", "));
            finding.line = Some(verdict.line);
            finding.column = key.column.clone();
            finding.field = Some(key.field.clone());
            verdict.findings.push(finding);
        }
        let status = if verdict.is_valid() {
            RowStatus::Valid
        } else {
            RowStatus::Invalid
        };
        RowReport {
            line: verdict.line,
            status,
            issues: verdict.findings,
            record: (status == RowStatus::Valid).then_some(verdict.record),
        }
    }

    /// Checks row `row` again with its edited `cells`, and updates the rows that shared a unique
    /// value with it before or after the edit.
    pub fn recheck_row(&mut self, validator: &mut Validator, row: usize, cells: &[&str]) {
        let verdict = validator.check_row_verdict(self.lines[row], cells);
        self.marks[row] = Mark::of(&verdict);
        if verdict.unique_keys.is_empty() && self.row_groups.is_empty() {
            return;
        }
        let mut touched = self.leave_groups(row);
        if !self.left_out.contains(&row) {
            let keys = verdict
                .unique_keys
                .into_iter()
                .map(|key| (key.field, key.key));
            touched.extend(self.rejoin_groups(row, keys));
        }
        touched.push(row);
        for touched in touched {
            self.marks[touched].shared_values = self.shared_values(touched);
        }
    }

    /// Leaves row `row` out of the import (`left_out`), or takes it back in: a row left out
    /// shares its values with no other, so its duplicates are no longer called duplicates of
    /// it. `cells` are the row's cells, to find its values again when it is taken back.
    pub fn set_left_out(
        &mut self,
        validator: &mut Validator,
        row: usize,
        cells: &[&str],
        left_out: bool,
    ) {
        let changed = if left_out {
            self.left_out.insert(row)
        } else {
            self.left_out.remove(&row)
        };
        if changed {
            self.recheck_row(validator, row, cells);
        }
    }

    /// Takes row `row` out of all its groups; returns the rows left in them.
    fn leave_groups(&mut self, row: usize) -> Vec<usize> {
        self.row_groups.resize(self.len(), Vec::new());
        let mut touched = Vec::new();
        for group in std::mem::take(&mut self.row_groups[row]) {
            let members = &mut self.groups[group as usize];
            members.retain(|&member| member as usize != row);
            touched.extend(members.iter().map(|&member| member as usize));
        }
        touched
    }

    /// Puts row `row` back into the groups of its unique values, in row order; returns the
    /// groups' members.
    fn rejoin_groups(
        &mut self,
        row: usize,
        keys: impl IntoIterator<Item = (String, String)>,
    ) -> Vec<usize> {
        let groups = self.join_groups(row, keys);
        let mut touched = Vec::new();
        for &group in &groups {
            let members = &mut self.groups[group as usize];
            touched.extend(members.iter().map(|&member| member as usize));
            members.sort_unstable();
        }
        self.row_groups[row] = groups;
        touched
    }

    /// Adds row `row` to the group of each of its unique values; returns its groups.
    fn join_groups(
        &mut self,
        row: usize,
        keys: impl IntoIterator<Item = (String, String)>,
    ) -> Vec<u32> {
        let member = u32::try_from(row).expect("fewer than 4 billion rows");
        let mut joined = Vec::new();
        for key in keys {
            let next = u32::try_from(self.groups.len()).expect("fewer than 4 billion values");
            let group = *self.group_of.entry(key).or_insert(next);
            if group == next {
                self.groups.push(Vec::new());
            }
            let members = &mut self.groups[group as usize];
            members.push(member);
            joined.push(group);
            // The first member learns it is shared when the second arrives; later ones add
            // nothing to the others.
            if members.len() == 2 {
                let first = members[0] as usize;
                self.marks[first].shared_values += 1;
            }
        }
        joined
    }

    fn shared_values(&self, row: usize) -> u16 {
        let groups = self.row_groups.get(row).map_or(&[][..], Vec::as_slice);
        count(
            groups
                .iter()
                .filter(|&&group| self.groups[group as usize].len() > 1)
                .count(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::validator::validator_for;

    const PROFILE: &str = "default_country = \"EC\"\nunique = [\"email\", \"mobile\"]\n\
                           required = [\"first_name\"]\ntags = [\"VIP\", \"Newsletter\"]";
    /// The last column is kept as additional data: it is in the records the report rebuilds.
    const HEADERS: [&str; 6] = [
        "Nombre",
        "Email",
        "Celular",
        "Estado",
        "Etiquetas",
        "Color favorito",
    ];

    /// A small deterministic generator, so a failure can be replayed.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    /// A row with a fair chance of each mistake: duplicate emails and phones (a small pool of
    /// each, some written in capitals), email typos, invalid emails and phones, unknown
    /// statuses and tags, blank names.
    fn row(random: &mut Random) -> Vec<String> {
        let name = if random.below(10) == 0 { "" } else { "Ana" }.to_owned();
        let email = match random.below(10) {
            0 => format!("c{}@gmial.com", random.below(3000)),
            1 => format!("c{}@", random.below(3000)),
            2 => format!("C{}@EXAMPLE.com", random.below(3000)),
            3 => String::new(),
            _ => format!("c{}@example.com", random.below(3000)),
        };
        let mobile = match random.below(10) {
            0 => "12".to_owned(),
            1 => String::new(),
            _ => format!("0991{:06}", random.below(3000)),
        };
        // Never blank, so that no row is blank: the caller leaves those out.
        let status = match random.below(10) {
            0 => "Suspendido",
            1 => "Potencial",
            _ => "Activo",
        }
        .to_owned();
        let tags = match random.below(10) {
            0 => "vip, Newsleter",
            1 => "VIP",
            _ => "",
        }
        .to_owned();
        let color = ["azul", ""][random.below(2) as usize].to_owned();
        vec![name, email, mobile, status, tags, color]
    }

    fn refs(cells: &[String]) -> Vec<&str> {
        cells.iter().map(String::as_str).collect()
    }

    /// Every row of `compact` is the same as the full report's, and so are the counts.
    fn assert_same(
        compact: &CompactReport,
        report: &crate::Report,
        validator: &mut Validator,
        rows: &[Vec<String>],
    ) {
        assert_eq!(compact.len(), report.rows.len());
        for (index, full) in report.rows.iter().enumerate() {
            let rebuilt = compact.row(validator, index, &refs(&rows[index]));
            assert_eq!(&rebuilt, full, "row {index}");
            assert_eq!(compact.status(index), full.status, "row {index}");
            assert_eq!(compact.has_findings(index), !full.issues.is_empty());
            let suggestions = full.issues.iter().filter(|f| f.fixes_whole_cell()).count();
            assert_eq!(compact.whole_cell_suggestions(index), suggestions);
        }
        assert_eq!(compact.summary(), report.summary);
    }

    #[test]
    fn rows_and_counts_are_the_full_reports_before_and_after_edits() {
        let mut random = Random(7);
        let mut rows: Vec<Vec<String>> = (0..400).map(|_| row(&mut random)).collect();
        let mut validator = validator_for(PROFILE, &HEADERS);
        let lines = |index: usize| index as u64 * 2 + 2;
        let mut report = validator.validate_rows(
            rows.iter()
                .enumerate()
                .map(|(index, cells)| (lines(index), refs(cells))),
        );
        let mut compact = CompactReport::default();
        for (index, cells) in rows.iter().enumerate() {
            compact.push(&mut validator, lines(index), &refs(cells));
        }
        let duplicated = |report: &crate::Report| {
            report
                .rows
                .iter()
                .filter(|row| row.issues.iter().any(|f| f.code == Code::UniqueDuplicate))
                .count()
        };
        assert!(report.summary.invalid > 50 && report.summary.warnings > 10);
        assert!(duplicated(&report) > 10);
        assert!(report.rows.iter().any(|row| {
            row.record
                .as_ref()
                .is_some_and(|record| record.extra.contains_key("Color favorito"))
        }));
        assert_same(&compact, &report, &mut validator, &rows);

        for _ in 0..30 {
            for _ in 0..10 {
                let index = random.below(rows.len() as u64) as usize;
                let column = random.below(HEADERS.len() as u64) as usize;
                // Often another row's value, so that duplicates come and go.
                rows[index][column] = if random.below(2) == 0 {
                    rows[random.below(rows.len() as u64) as usize][column].clone()
                } else {
                    row(&mut random)[column].clone()
                };
                let cells = refs(&rows[index]);
                assert!(report.recheck_row(&mut validator, lines(index), &cells));
                compact.recheck_row(&mut validator, index, &cells);
            }
            assert_same(&compact, &report, &mut validator, &rows);
        }
        assert!(duplicated(&report) > 30, "edits made duplicates");
    }

    /// A file checked in three parts, the last two as shards (as helper workers check them), is
    /// the same as the whole report: duplicates across parts included, and after edits.
    #[test]
    fn rows_checked_in_shards_and_appended_are_the_full_reports() {
        let mut random = Random(11);
        let mut rows: Vec<Vec<String>> = (0..600).map(|_| row(&mut random)).collect();
        let mut validator = validator_for(PROFILE, &HEADERS);
        let lines = |index: usize| index as u64 + 2;
        let mut report = validator.validate_rows(
            rows.iter()
                .enumerate()
                .map(|(index, cells)| (lines(index), refs(cells))),
        );
        let mut compact = CompactReport::default();
        for (index, cells) in rows[..200].iter().enumerate() {
            compact.push(&mut validator, lines(index), &refs(cells));
        }
        for part in [200..450, 450..600] {
            // Another worker has its own validator, and the shard crosses as JSON.
            let mut helper = validator_for(PROFILE, &HEADERS);
            let mut shard = CompactShard::default();
            for cells in &rows[part.clone()] {
                shard.push(&mut helper, &refs(cells));
            }
            let json = serde_json::to_string(&shard).expect("a shard serialises");
            let shard: CompactShard = serde_json::from_str(&json).expect("and reads back");
            compact.append(shard, part.map(lines));
        }
        assert_same(&compact, &report, &mut validator, &rows);

        for _ in 0..100 {
            let index = random.below(rows.len() as u64) as usize;
            let column = random.below(3) as usize;
            rows[index][column] = rows[random.below(rows.len() as u64) as usize][column].clone();
            let cells = refs(&rows[index]);
            assert!(report.recheck_row(&mut validator, lines(index), &cells));
            compact.recheck_row(&mut validator, index, &cells);
        }
        assert_same(&compact, &report, &mut validator, &rows);
    }

    #[test]
    fn a_profile_without_unique_fields_keeps_no_groups() {
        let mut validator = validator_for("required = [\"email\"]", &["Email"]);
        let mut compact = CompactReport::default();
        compact.push(&mut validator, 2, &["a@example.com"]);
        compact.push(&mut validator, 3, &["a@example.com"]);
        compact.recheck_row(&mut validator, 0, &[""]);
        assert!(compact.row_groups.is_empty() && compact.groups.is_empty());
        assert_eq!(compact.status(0), RowStatus::Invalid);
        assert_eq!(compact.status(1), RowStatus::Valid);
    }
}

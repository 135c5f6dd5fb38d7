//! The messages between the page and the import worker. The worker holds the file, the table
//! and every row's verdict; the page asks for what it shows (a window of rows, the counts) and
//! for the records it sends to the server.
//!
//! Every message is JSON text: cheap to copy between threads, and the same on both sides.

use clientela_shared::{BatchRow, CompactShard, Language, Mapping, Profile, Severity, SheetInfo};
use serde::{Deserialize, Serialize};

/// What the page asks the worker. A request is answered by exactly one [`Response`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Read the file sent along with this request (its bytes travel beside the JSON).
    Open {
        /// The file's name.
        name: String,
        /// The profile suggestions and checks follow.
        profile: Profile,
    },
    /// Read the same file again with the user's overrides.
    Reread {
        /// What the user changed; `None` keeps what was detected.
        overrides: Overrides,
        /// The profile suggestions follow.
        profile: Profile,
    },
    /// Check every row with this mapping and profile.
    Validate {
        /// The workspace's rules.
        profile: Profile,
        /// The user's column mapping.
        mapping: Mapping,
        /// The language of the messages.
        language: Language,
    },
    /// A window of the rows that pass `filter`.
    Rows {
        /// Which rows.
        filter: RowFilter,
        /// The first row of the window, counted among the rows that pass the filter.
        start: usize,
        /// How many rows at most.
        count: usize,
    },
    /// The position (among the rows that pass `filter`) of the next row with a problem after
    /// `after`, wrapping around.
    NextProblem {
        /// Which rows.
        filter: RowFilter,
        /// The current position; `None` starts from the top.
        after: Option<usize>,
    },
    /// Change one cell and check its row (and the rows sharing a unique value) again.
    Edit {
        /// The row's index among all rows.
        row: usize,
        /// The column's index.
        column: usize,
        /// The new text.
        value: String,
    },
    /// Leave a row out of the import, or take it back.
    Exclude {
        /// The row's index among all rows.
        row: usize,
        /// Whether it is left out.
        excluded: bool,
    },
    /// Fix many cells at once.
    BulkFix {
        /// Which fix.
        fix: BulkFix,
    },
    /// The next records to send, from row `start` on.
    Batch {
        /// The first row (among all rows) to look at.
        start: usize,
        /// The most records to return.
        max: usize,
        /// What every record gets on top of its own values.
        #[serde(default)]
        defaults: RecordDefaults,
    },
    /// The rows that will not be sent (errors or left out), as CSV with the reasons.
    ProblemsCsv,
    /// Read the corrected error file sent along with this request, keeping the open file: its
    /// fixed rows become records for the same import.
    Corrections {
        /// The import's rules.
        profile: Profile,
        /// The import's column mapping; the error file's columns are found in it by header.
        mapping: Mapping,
        /// What every record gets on top of its own values.
        defaults: RecordDefaults,
        /// The language of the messages.
        language: Language,
    },
    /// The Excel template of `profile`'s fields, headed in `language`; answered whether a
    /// file is open or not.
    XlsxTemplate {
        /// The workspace's fields and tags.
        profile: Profile,
        /// The headers' language.
        language: Language,
    },
    /// Read an import profile written as TOML (the administration page's editor). The worker
    /// does it so the page's code leaves the TOML reader and writer out.
    ProfileFromToml {
        /// The profile as the admin wrote it.
        toml: String,
    },
    /// Write an import profile as TOML, for the administration page's editor.
    ProfileToToml {
        /// The stored profile.
        profile: Profile,
    },
    /// Give the rows' messages and the problems file in `language` from now on.
    SetLanguage {
        /// The user's language.
        language: Language,
    },
    /// Check the rows packed beside this request (see `session::packed_rows`): what the import
    /// worker asks its helper, which checks part of a big file on another core.
    CheckRows {
        /// The workspace's rules.
        profile: Profile,
        /// The user's column mapping.
        mapping: Mapping,
        /// The file's headers.
        headers: Vec<String>,
    },
}

/// A file's reading overrides: the user's one-click corrections of what was detected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides {
    /// The workbook sheet to read.
    pub sheet: Option<String>,
    /// The text encoding (WHATWG label).
    pub encoding: Option<String>,
    /// The delimiter.
    pub delimiter: Option<char>,
    /// The 1-based line of the header.
    pub header_line: Option<u64>,
}

/// What the user chose to give every record of the import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDefaults {
    /// Tags added to every record.
    pub tags: Vec<String>,
    /// The status of records whose row names none (`active`, `potential`).
    pub status: Option<String>,
}

/// Which rows the grid shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowFilter {
    /// Every row.
    #[default]
    All,
    /// Rows with at least one error, not left out.
    Errors,
    /// Rows with warnings and no error, not left out.
    Warnings,
    /// Rows left out of the import.
    Excluded,
}

/// A fix applied to every row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "fix", rename_all = "snake_case")]
pub enum BulkFix {
    /// Take every suggested correction (`gmial.com` → `gmail.com`, say).
    ApplySuggestions,
    /// Remove spaces at the start and end of every cell.
    Trim,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The file was read.
    Opened(Box<FileOverview>),
    /// Every row was checked.
    Validated(ReviewCounts),
    /// A window of rows.
    Rows(RowWindow),
    /// Where the next problem is; `None` when there is none.
    Position(Option<usize>),
    /// A change was made; the counts after it.
    Changed(Change),
    /// Records to send.
    Batch(BatchSlice),
    /// A CSV file's text.
    Csv(String),
    /// A corrected error file was read.
    Corrected(Corrections),
    /// An Excel workbook's bytes.
    Workbook(Vec<u8>),
    /// An import profile read from TOML.
    Profile(Box<Profile>),
    /// An import profile written as TOML.
    Toml(String),
    /// The verdicts of the rows a helper was asked to check.
    RowsChecked(CompactShard),
    /// The request failed; the message says why, for the user.
    Failed(String),
    /// The worker stopped before it answered. Made by the page's side of the connection; the
    /// worker never sends it.
    Stopped(WorkerStopped),
}

/// A change made to the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The counts now.
    pub counts: ReviewCounts,
    /// How many cells or rows the change touched.
    pub touched: usize,
}

/// What a corrected error file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    /// The rows that now pass, as records for their original lines.
    pub rows: Vec<BatchRow>,
    /// The rows that still do not, and why.
    pub still_wrong: Vec<StillWrong>,
}

/// A corrected row that still has errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StillWrong {
    /// Its line in the imported file.
    pub line: u64,
    /// What is still wrong.
    pub message: String,
}

/// Why the worker stopped before it answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerStopped {
    /// It died (too little memory, or a bug), or could not start.
    Died,
    /// It was replaced by a fresh worker for another file.
    Replaced,
}

/// What was read from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileOverview {
    /// The file's name.
    pub name: String,
    /// `CSV`, `XLSX`…
    pub format: String,
    /// The encoding, for text files.
    pub encoding: Option<String>,
    /// The delimiter, for text files.
    pub delimiter: Option<char>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// Every sheet of a workbook.
    pub sheets: Vec<SheetInfo>,
    /// The 1-based line of the header.
    pub header_line: u64,
    /// The header's names.
    pub columns: Vec<String>,
    /// How many data rows (blank rows included).
    pub rows: usize,
    /// The first rows, for the preview.
    pub preview: Vec<Vec<String>>,
    /// Up to three non-blank values per column, for the mapping step.
    pub samples: Vec<Vec<String>>,
    /// The suggested mapping.
    pub mapping: Mapping,
    /// Problems met while reading, in words (a ragged row, a cell cut short).
    pub problems: Vec<String>,
}

/// The review's live counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCounts {
    /// Rows with data.
    pub rows: usize,
    /// Rows with at least one error, not left out.
    pub errors: usize,
    /// Rows with warnings and no error, not left out.
    pub warnings: usize,
    /// Rows left out by the user.
    pub excluded: usize,
    /// Rows that will be sent: no error, not left out.
    pub ready: usize,
    /// Corrections the validator suggests (for the "apply suggestions" fix).
    pub suggestions: usize,
    /// Why the file cannot be sent at all, in the user's words: a required field no column
    /// gives, more rows than the profile takes in one import. `clientela import` refuses such
    /// a file too.
    pub file_errors: Vec<String>,
}

/// Rows for the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowWindow {
    /// How many rows pass the filter.
    pub total: usize,
    /// The position of the first row of `rows` among them.
    pub start: usize,
    /// The rows.
    pub rows: Vec<GridRow>,
}

/// One row of the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridRow {
    /// The row's index among all rows (what edits and exclusions name).
    pub index: usize,
    /// The line of the file.
    pub line: u64,
    /// Its cells, edits included.
    pub cells: Vec<String>,
    /// Left out of the import.
    pub excluded: bool,
    /// Its problems.
    pub issues: Vec<CellIssue>,
}

/// A problem of one cell (or of the row, when `column` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellIssue {
    /// The column's index.
    pub column: Option<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: String,
    /// The message, in the user's language.
    pub message: String,
}

/// Records for one batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchSlice {
    /// The records.
    pub rows: Vec<BatchRow>,
    /// Where the next batch starts; `None` when every row was looked at.
    pub next: Option<usize>,
}

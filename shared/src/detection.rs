//! What was detected about a file, and what each guess was based on, so the UI can show and
//! override it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kind of file that was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text.
    Csv,
    /// Excel 2007+ workbook.
    Xlsx,
    /// Excel 2007+ workbook with macros.
    Xlsm,
    /// Excel 97-2003 workbook.
    Xls,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet (LibreOffice, Google Sheets export).
    Ods,
}

impl Format {
    /// The usual file extension, which is also the name used in JSON: `csv`, `xlsx`, …
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xls => "xls",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A detected value and what it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detected<T> {
    /// What was found (or chosen).
    pub value: T,
    /// Why.
    pub basis: Basis,
}

impl<T> Detected<T> {
    pub(crate) fn new(value: T, basis: Basis) -> Self {
        Detected { value, basis }
    }
}

/// What a detection was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// The caller chose it (a [`ReadOptions`](crate::ReadOptions) override).
    Chosen,
    /// The file's first bytes (a zip archive with workbook parts, an OLE compound file, …).
    FileSignature,
    /// No workbook signature: the file is read as delimited text.
    NoWorkbookSignature,
    /// A byte order mark at the start of the file.
    ByteOrderMark,
    /// Every byte is valid UTF-8.
    ValidUtf8,
    /// Zero bytes at every other position, as UTF-16 text without a byte order mark has.
    ZeroBytePattern,
    /// Not UTF-8; the letters read best in this single-byte encoding.
    NotUtf8,
    /// The file starts with an Excel `sep=` line.
    SepLine,
    /// The separator occurs the same number of times on most of the first lines.
    ConsistentCount {
        /// How many of the inspected lines agree.
        lines: u64,
        /// How many separators each of them holds.
        per_line: u64,
    },
    /// No candidate separator was found: the file has a single column.
    SingleColumn,
    /// The first row with data.
    FirstRowWithData,
    /// Rows above it were skipped as titles: they fill fewer cells than the rows below.
    TitleRowsAbove {
        /// How many rows with text were skipped.
        skipped: u64,
    },
    /// The first visible sheet that holds data.
    FirstVisibleSheetWithData,
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::Chosen => write!(f, "chosen by you"),
            Basis::FileSignature => write!(f, "the file's contents"),
            Basis::NoWorkbookSignature => write!(f, "not a workbook, so read as text"),
            Basis::ByteOrderMark => write!(f, "byte order mark"),
            Basis::ValidUtf8 => write!(f, "all bytes are valid UTF-8"),
            Basis::ZeroBytePattern => write!(f, "zero bytes between the letters (UTF-16)"),
            Basis::NotUtf8 => write!(f, "not UTF-8; accented letters read best this way"),
            Basis::SepLine => write!(f, "the sep= line at the top"),
            Basis::ConsistentCount { lines, per_line } => {
                write!(f, "{per_line} per line on {lines} of the first lines")
            }
            Basis::SingleColumn => write!(f, "no separator found: one column"),
            Basis::FirstRowWithData => write!(f, "the first row with data"),
            Basis::TitleRowsAbove { skipped } => write!(
                f,
                "{skipped} title row(s) above skipped: they fill fewer cells than the rows below"
            ),
            Basis::FirstVisibleSheetWithData => write!(f, "the first visible sheet with data"),
        }
    }
}

/// One sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetInfo {
    /// Its name, as on the tab.
    pub name: String,
    /// True when the sheet is hidden (or "very hidden") in the spreadsheet program.
    pub hidden: bool,
}

/// Everything that was detected about a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detection {
    /// CSV or which kind of workbook.
    pub format: Detected<Format>,
    /// The text encoding of a CSV file (such as `utf-8`, `utf-16le`, `windows-1252`); `None` for
    /// workbooks.
    pub encoding: Option<Detected<String>>,
    /// The field separator of a CSV file; `None` for workbooks.
    pub delimiter: Option<Detected<char>>,
    /// The line (sheet row) that holds the header, 1-based.
    pub header_line: Detected<u64>,
    /// The sheet that was read; `None` for CSV.
    pub sheet: Option<Detected<String>>,
    /// Every sheet of a workbook, in tab order; empty for CSV.
    pub sheets: Vec<SheetInfo>,
}

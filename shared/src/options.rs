//! What the caller may decide instead of the detection, and how much a file may cost.

/// Choices that override what would be detected, and the limits that keep a hostile file cheap.
///
/// `ReadOptions::default()` detects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The sheet to read from a workbook, by name (default: the first visible sheet with data).
    pub sheet: Option<String>,
    /// The text encoding of a CSV file, such as `utf-8`, `utf-16le` or `windows-1252`.
    pub encoding: Option<String>,
    /// The field separator of a CSV file.
    pub delimiter: Option<char>,
    /// The line (or sheet row) that holds the header, 1-based.
    pub header_line: Option<u64>,
    /// How much a file may cost to read.
    pub limits: Limits,
}

/// How much one file may cost to read; anything larger is an [`Error`](crate::Error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file, in bytes (default 512 MiB).
    pub max_file_bytes: u64,
    /// What the parts of a workbook (a zip archive) may expand to, in bytes (default 1 GiB).
    pub max_uncompressed_bytes: u64,
    /// The most cells in the table (default 50 million).
    pub max_cells: u64,
    /// The most columns in one row (default 2,000).
    pub max_columns: u64,
    /// The most text in one cell, in bytes (default 128 KiB; Excel itself stops at 32,767 characters).
    pub max_cell_bytes: u64,
    /// The most problems listed one by one; the rest are only counted (default 10,000).
    pub max_problems: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 << 20,
            max_uncompressed_bytes: 1 << 30,
            max_cells: 50_000_000,
            max_columns: 2_000,
            max_cell_bytes: 128 << 10,
            max_problems: 10_000,
        }
    }
}

//! Things worth telling the user about a file that could still be read.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Something odd about a file that was read anyway: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The line (sheet row) as the user sees it, 1-based.
    pub line: u64,
    /// The column, 1-based, when the problem is in one cell.
    pub column: Option<u64>,
    /// What it is.
    pub kind: ProblemKind,
}

/// The kinds of [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// A header cell is blank; the column was given a name.
    BlankHeader {
        /// The name it was given, such as `Column 3`.
        renamed_to: String,
    },
    /// A header name is used by an earlier column too; this one was renamed.
    DuplicateHeader {
        /// The name in the file.
        name: String,
        /// The name it was given, such as `Email (2)`.
        renamed_to: String,
    },
    /// A row has fewer cells than the header; the missing ones read as empty.
    ShortRow {
        /// How many cells the row has.
        found: u64,
        /// How many the header has.
        expected: u64,
    },
    /// A row has text in cells past the last header column; they are kept.
    LongRow {
        /// How many cells the row has.
        found: u64,
        /// How many the header has.
        expected: u64,
    },
    /// A spreadsheet error value such as `#N/A` or `#DIV/0!` stands in the cell.
    ErrorCell {
        /// The error as the spreadsheet shows it.
        value: String,
    },
    /// A number that the spreadsheet program has already damaged: scientific notation such as
    /// `5.93991E+11`, or more than 15 digits, of which Excel keeps only 15. The text is kept as
    /// the user sees it.
    DamagedNumber {
        /// The cell's text.
        text: String,
    },
    /// Merged cells: the value of the first cell was copied into the others.
    MergedCells {
        /// How many rows the merged area covers.
        rows: u64,
        /// How many columns it covers.
        columns: u64,
    },
    /// More problems were found than [`Limits::max_problems`](crate::Limits::max_problems); only
    /// this many more are counted.
    More {
        /// How many were left out.
        count: u64,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        f.write_str(": ")?;
        match &self.kind {
            ProblemKind::BlankHeader { renamed_to } => {
                write!(
                    f,
                    "the header is blank; the column is called \"{renamed_to}\""
                )
            }
            ProblemKind::DuplicateHeader { name, renamed_to } => write!(
                f,
                "the header \"{name}\" is used twice; this column is called \"{renamed_to}\""
            ),
            ProblemKind::ShortRow { found, expected } => {
                write!(f, "the row has {found} cells but the header has {expected}")
            }
            ProblemKind::LongRow { found, expected } => write!(
                f,
                "the row has {found} cells but the header has {expected}; the extra ones are kept"
            ),
            ProblemKind::ErrorCell { value } => write!(f, "the cell holds the error {value}"),
            ProblemKind::DamagedNumber { text } => write!(
                f,
                "the number {text} has lost digits in the spreadsheet program; type it as text"
            ),
            ProblemKind::MergedCells { rows, columns } => write!(
                f,
                "merged cells ({rows} × {columns}); the value was copied into each of them"
            ),
            ProblemKind::More { count } => write!(f, "{count} more problems not listed"),
        }
    }
}

/// The problems of one file, listed up to a limit and counted past it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Problems {
    listed: Vec<Problem>,
    limit: u64,
    more: u64,
}

impl Problems {
    pub(crate) fn new(limit: u64) -> Self {
        Problems {
            listed: Vec::new(),
            limit,
            more: 0,
        }
    }

    pub(crate) fn push(&mut self, line: u64, column: Option<u64>, kind: ProblemKind) {
        self.push_with(line, column, || kind);
    }

    /// Like [`Problems::push`], building the problem only when it is listed: a file may have
    /// hundreds of thousands of problems past the limit.
    pub(crate) fn push_with(
        &mut self,
        line: u64,
        column: Option<u64>,
        kind: impl FnOnce() -> ProblemKind,
    ) {
        if (self.listed.len() as u64) < self.limit {
            self.listed.push(Problem {
                line,
                column,
                kind: kind(),
            });
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn finish(mut self, last_line: u64) -> Vec<Problem> {
        if self.more > 0 {
            self.listed.push(Problem {
                line: last_line,
                column: None,
                kind: ProblemKind::More { count: self.more },
            });
        }
        self.listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_past_the_limit_are_counted() {
        let mut problems = Problems::new(1);
        for line in 1..=3 {
            problems.push(
                line,
                None,
                ProblemKind::ShortRow {
                    found: 1,
                    expected: 2,
                },
            );
        }
        let listed = problems.finish(3);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[1].kind, ProblemKind::More { count: 2 });
    }

    #[test]
    fn display_names_line_and_column() {
        let problem = Problem {
            line: 4,
            column: Some(2),
            kind: ProblemKind::ErrorCell {
                value: "#N/A".into(),
            },
        };
        assert_eq!(
            problem.to_string(),
            "line 4, column 2: the cell holds the error #N/A"
        );
    }
}

use std::fmt;

/// Why a file could not be read at all.
///
/// A problem with one customer's data is not an `Error`: it is reported next to that row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorKind>);

/// The kinds of [`Error`], each with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file holds no bytes, or only blank lines.
    Empty,
    /// The file holds binary data (such as an image or a program), not text.
    Binary {
        /// Offset of the first byte that gave it away.
        byte: u64,
    },
    /// The file has a header line but no customer rows under it.
    NoDataRows {
        /// The line that holds the header.
        header_line: u64,
    },
    /// The CSV structure is broken, for example a quote that never closes.
    Malformed {
        /// The line where the problem was found.
        line: u64,
        /// What is wrong, in words.
        reason: String,
    },
}

impl Error {
    /// What went wrong, with its location.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            ErrorKind::Empty => write!(f, "The file is empty: there is nothing to import."),
            ErrorKind::Binary { byte } => write!(
                f,
                "This is not a text or spreadsheet file (binary data at byte {byte}). \
                 Save it as CSV and try again."
            ),
            ErrorKind::NoDataRows { header_line } => write!(
                f,
                "The file has a header on line {header_line} but no customer rows under it."
            ),
            ErrorKind::Malformed { line, reason } => {
                write!(f, "The file is not valid CSV at line {line}: {reason}.")
            }
        }
    }
}

impl std::error::Error for Error {}

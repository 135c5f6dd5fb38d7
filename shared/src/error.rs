use std::fmt;

/// Why a file could not be read at all.
///
/// A problem with one customer's data is not an `Error`: it is a [`Problem`](crate::Problem)
/// reported next to the table.
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
    /// The file is larger than [`Limits::max_file_bytes`](crate::Limits::max_file_bytes).
    FileTooLarge {
        /// The size of the file, in bytes.
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// A workbook would expand to more than
    /// [`Limits::max_uncompressed_bytes`](crate::Limits::max_uncompressed_bytes) (a "zip bomb").
    UncompressedTooLarge {
        /// What the workbook's parts expand to, in bytes (as the archive declares it).
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// A row has more columns than [`Limits::max_columns`](crate::Limits::max_columns).
    TooManyColumns {
        /// The line of the row.
        line: u64,
        /// The largest number of columns accepted.
        limit: u64,
    },
    /// The file has more cells than [`Limits::max_cells`](crate::Limits::max_cells).
    TooManyCells {
        /// The line where the limit was reached.
        line: u64,
        /// The largest number of cells accepted.
        limit: u64,
    },
    /// One cell holds more text than [`Limits::max_cell_bytes`](crate::Limits::max_cell_bytes).
    CellTooLarge {
        /// The line of the cell.
        line: u64,
        /// The column of the cell (1-based).
        column: u64,
        /// The largest cell accepted, in bytes.
        limit: u64,
    },
    /// The workbook is protected with a password.
    Encrypted,
    /// The workbook is damaged or truncated.
    CorruptWorkbook {
        /// What the workbook claims to be, such as `xlsx`.
        format: String,
        /// What the spreadsheet reader found wrong.
        reason: String,
    },
    /// The requested sheet is not in the workbook.
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets there are.
        available: Vec<String>,
    },
    /// No sheet of the workbook holds any data.
    NoSheetWithData,
    /// A read option cannot be used, such as an unknown encoding name or a header line past the end.
    InvalidOption {
        /// What is wrong with it, in words.
        reason: String,
    },
}

impl Error {
    /// What went wrong, with its location.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn invalid_option(reason: impl Into<String>) -> Self {
        ErrorKind::InvalidOption {
            reason: reason.into(),
        }
        .into()
    }

    pub(crate) fn malformed(line: u64, reason: impl Into<String>) -> Self {
        ErrorKind::Malformed {
            line,
            reason: reason.into(),
        }
        .into()
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
                 Save it as CSV or Excel and try again."
            ),
            ErrorKind::NoDataRows { header_line } => write!(
                f,
                "The file has a header on line {header_line} but no customer rows under it."
            ),
            ErrorKind::Malformed { line, reason } => {
                write!(f, "The file is not valid CSV at line {line}: {reason}.")
            }
            ErrorKind::FileTooLarge { size, limit } => write!(
                f,
                "The file is too large ({size} bytes; at most {limit} bytes can be read)."
            ),
            ErrorKind::UncompressedTooLarge { size, limit } => write!(
                f,
                "The workbook expands to {size} bytes, more than the {limit} bytes allowed; \
                 it may be damaged or a decompression bomb."
            ),
            ErrorKind::TooManyColumns { line, limit } => write!(
                f,
                "Line {line} has more than {limit} columns, more than a customer file can have."
            ),
            ErrorKind::TooManyCells { line, limit } => write!(
                f,
                "The file has more than {limit} cells (limit reached at line {line}); \
                 split it into smaller files."
            ),
            ErrorKind::CellTooLarge {
                line,
                column,
                limit,
            } => write!(
                f,
                "The cell at line {line}, column {column} holds more than {limit} bytes of text."
            ),
            ErrorKind::Encrypted => write!(
                f,
                "The workbook is protected with a password. Remove the password and try again."
            ),
            ErrorKind::CorruptWorkbook { format, reason } => write!(
                f,
                "The {format} workbook is damaged or incomplete ({reason}). \
                 Open it in your spreadsheet program and save it again."
            ),
            ErrorKind::NoSuchSheet { name, available } => write!(
                f,
                "The workbook has no sheet named \"{name}\" (it has: {}).",
                available.join(", ")
            ),
            ErrorKind::NoSheetWithData => write!(f, "No sheet of the workbook holds any data."),
            ErrorKind::InvalidOption { reason } => write!(f, "Cannot read the file so: {reason}."),
        }
    }
}

impl std::error::Error for Error {}

use serde::{Deserialize, Serialize};

/// A file read into memory: its header names and its data rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The header names, in file order.
    pub columns: Vec<String>,
    /// The data rows, without blank lines.
    pub rows: Vec<Row>,
    /// The line of the file that holds the header (1-based, as a user counts lines).
    pub header_line: u64,
    /// The field separator that was used, such as `,` or `;`.
    pub delimiter: char,
}

/// One data row of a [`Table`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The line of the file where the row starts (1-based, header included).
    pub line: u64,
    /// The cells, in column order.
    pub values: Vec<String>,
}

//! The core of Clientela, shared by the browser (compiled to WebAssembly) and the server.
//!
//! It is pure: bytes come in, values come out. It never touches files, the clock, the network,
//! threads or JavaScript, so the browser and the server give exactly the same verdict.
//!
//! [`read_table`] reads CSV in any common dialect and encoding, and Excel and OpenDocument
//! workbooks; [`Table::detection`] says what was detected and why, and [`read_table_with`] takes
//! overrides and limits.
//!
//! ```
//! use clientela_shared::read_table;
//!
//! # fn main() -> Result<(), clientela_shared::Error> {
//! let table = read_table(b"Name;Email\nJo\xe3o;joao@example.com\n")?;
//! assert_eq!(table.columns(), ["Name", "Email"]);
//! let row = table.rows().next().expect("one row");
//! assert_eq!(row.cell(0), "João");
//! assert_eq!(row.line(), 2);
//! assert_eq!(table.detection().encoding.as_ref().map(|e| e.value.as_str()), Some("windows-1252"));
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod api;
mod cell_text;
mod csv_parser;
mod decode;
mod delimiter;
mod detection;
mod error;
mod format;
mod grid;
mod header;
mod ole_check;
mod options;
mod problem;
mod reader;
mod table;
mod workbook;
mod zip_index;

pub use api::{
    Customer, CustomerList, Health, ImportReceipt, ImportRequest, ImportRow, RequestProblem,
    check_import_request,
};
pub use detection::{Basis, Detected, Detection, Format, SheetInfo};
pub use error::{Error, ErrorKind};
pub use options::{Limits, ReadOptions};
pub use problem::{Problem, ProblemKind};
pub use reader::{read_table, read_table_with};
pub use table::{RowRef, Rows, Table};

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
mod mapping;
mod options;
mod problem;
mod reader;
mod schema;
mod table;
mod text;
mod validation;
mod workbook;
mod zip_index;

pub use api::{
    Customer, CustomerList, Health, ImportReceipt, ImportRequest, ImportRow, RequestProblem,
    check_import_request,
};
pub use detection::{Basis, Detected, Detection, Format, SheetInfo};
pub use error::{Error, ErrorKind};
pub use mapping::column::{ColumnMapping, MatchReason, Target};
pub use mapping::plan::Mapping;
pub use mapping::suggest::{suggest_mapping, suggest_mapping_for_table};
pub use options::{Limits, ReadOptions};
pub use problem::{Problem, ProblemKind};
pub use reader::{read_table, read_table_with};
pub use schema::field::Field;
pub use schema::profile::{Agent, CustomField, FieldType, Profile, UnknownTags};
pub use schema::profile_error::{ProfileError, ProfileErrorKind};
pub use table::{RowRef, Rows, Table};
pub use validation::code::Code;
pub use validation::date::Date;
pub use validation::email::{is_usable_email, likely_typo};
pub use validation::finding::{Finding, Severity};
pub use validation::ids::{IdType, check_id};
pub use validation::messages::Language;
pub use validation::phone::normalise_phone;
pub use validation::record::Record;
pub use validation::report::{Report, RowReport, RowStatus, Summary};
pub use validation::validator::{RowVerdict, Validator};

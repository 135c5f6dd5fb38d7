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
//!
//! Then the same engine checks the customers in it, cell by cell, for the browser, the server and
//! the command line: a [`Profile`] (TOML or JSON) says what a workspace requires;
//! [`suggest_mapping`] proposes a [`Mapping`] of columns to [`Field`]s, custom fields and tags;
//! a [`Validator`] checks rows given as `(line, cells)` or a whole [`Table`] and returns a
//! [`Report`] of [`Finding`]s with stable [`Code`]s, messages in four [`Language`]s and the
//! normalised [`Record`] of every valid row.
//!
//! ```
//! use clientela_shared::{Language, Profile, Validator, read_table, suggest_mapping_for_table};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let profile = Profile::from_toml("default_country = \"EC\"\nrequired = [\"last_name\"]")?;
//! let table = read_table("Nombre;Apellidos;Celular\nAna;Pérez;099 123 4567\nLuis;;12\n".as_bytes())?;
//! let mapping = suggest_mapping_for_table(&table, &profile);
//! let report = Validator::new(&profile, &mapping, table.columns()).validate_table(&table);
//! assert_eq!(report.rows[0].record.as_ref().map(|r| r.fields["mobile"].as_str()), Some("+593991234567"));
//! let messages: Vec<String> = report.rows[1].issues.iter().map(|f| f.message(Language::Es)).collect();
//! assert_eq!(messages, ["12 no es un teléfono válido para EC.", "El campo Apellido es obligatorio."]);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod accept_language;
mod account;
mod api;
mod api_message;
mod cell_text;
mod csv_parser;
mod decode;
mod delimiter;
mod detection;
mod digit_pattern;
mod error;
mod field_ends;
mod format;
mod grid;
mod header;
mod import_api;
mod mapping;
mod ole_check;
mod options;
mod problem;
mod reader;
mod schema;
mod schema_api;
mod table;
mod text;
mod validation;
mod workbook;
mod xls_formats;
mod zip_index;

pub use account::{Me, Role, SignIn};
pub use api::{
    Customer, CustomerList, Health, ImportReceipt, ImportRequest, ImportRow, RequestProblem,
    check_import_request,
};
pub use api_message::{ApiMessage, FieldProblem};
pub use detection::{Basis, Detected, Detection, Format, SheetInfo};
pub use error::{Error, ErrorKind};
pub use import_api::{
    Assignee, Batch, BatchAnswer, BatchRow, DuplicatePolicy, ImportDetail, ImportOptions,
    ImportSummary, NewImport, Outcome, OutcomeCounts, Reason, RevertSummary, RowOutcome,
};
pub use mapping::column::{ColumnMapping, MatchReason, Target};
pub use mapping::plan::Mapping;
pub use mapping::suggest::{suggest_mapping, suggest_mapping_for_table};
pub use options::{Limits, ReadOptions};
pub use problem::{Problem, ProblemKind};
pub use reader::{read_table, read_table_owned, read_table_owned_with, read_table_with};
pub use schema::field::Field;
pub use schema::import_rules::WorkspaceRules;
pub use schema::profile::{Agent, CustomField, FieldType, Profile, UnknownTags};
pub use schema::profile_error::{ProfileError, ProfileErrorKind};
pub use schema_api::{
    AgentInfo, CustomerListInfo, FieldInfo, GroupInfo, NamedProfile, WorkspaceSchema,
};
pub use table::{RowRef, Rows, Table};
pub use text::fold;
pub use validation::code::Code;
pub use validation::compact_report::CompactReport;
pub use validation::compact_shard::CompactShard;
pub use validation::date::Date;
pub use validation::email::{is_usable_email, likely_typo};
pub use validation::finding::{Finding, Severity};
pub use validation::ids::{IdType, check_id};
pub use validation::messages::Language;
pub use validation::phone::normalise_phone;
pub use validation::recheck_record::{RecordChecker, recheck_record};
pub use validation::record::Record;
pub use validation::report::{Report, RowReport, RowStatus, Summary};
pub use validation::text_map::TextMap;
pub use validation::validator::{RowVerdict, Validator};

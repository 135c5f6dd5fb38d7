//! The core of Clientela, shared by the browser (compiled to WebAssembly) and the server.
//!
//! It is pure: bytes come in, values come out. It never touches files, the clock, the network,
//! threads or JavaScript, so the browser and the server give exactly the same verdict.
//!
//! ```
//! use clientela_shared::read_table;
//!
//! # fn main() -> Result<(), clientela_shared::Error> {
//! let table = read_table(b"Name;Email\nJo\xe3o;joao@example.com\n")?;
//! assert_eq!(table.columns, ["Name", "Email"]);
//! assert_eq!(table.rows[0].values, ["João", "joao@example.com"]);
//! assert_eq!(table.rows[0].line, 2);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod account;
mod api;
mod csv_parser;
mod decode;
mod delimiter;
mod error;
mod reader;
mod table;

pub use account::{Me, Role, SignIn};
pub use api::{
    Customer, CustomerList, Health, ImportReceipt, ImportRequest, ImportRow, RequestProblem,
    check_import_request,
};
pub use error::{Error, ErrorKind};
pub use reader::read_table;
pub use table::{Row, Table};

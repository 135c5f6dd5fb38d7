//! One file being imported, as the worker holds it: the bytes, the table read from them, the
//! user's edits and exclusions, and every row's verdict. Pure Rust, so it is tested natively.

mod corrections;
mod csv_out;
mod overview;
mod review;

use std::collections::{BTreeSet, HashMap};

use clientela_shared::{Profile, ReadOptions, Table, read_table_with};

pub use corrections::read_corrections;
pub use review::Review;

use crate::protocol::{FileOverview, Overrides, Request, Response};

/// A file being imported.
#[derive(Debug)]
pub struct ImportSession {
    name: String,
    bytes: Vec<u8>,
    table: Table,
    /// Rows the user edited, by their index in the table: the whole row as it is now.
    edits: HashMap<usize, Vec<String>>,
    /// Rows the user left out, by their index in the table.
    excluded: BTreeSet<usize>,
    /// The verdicts, once a mapping was chosen.
    review: Option<Review>,
}

impl ImportSession {
    /// Reads `bytes` as the file `name`; `Err` carries a message for the user.
    pub fn open(
        name: String,
        bytes: Vec<u8>,
        profile: &Profile,
    ) -> Result<(ImportSession, FileOverview), String> {
        let table = read(&bytes, &Overrides::default()).map_err(|err| format!("{name}: {err}"))?;
        let session = ImportSession {
            name,
            bytes,
            table,
            edits: HashMap::new(),
            excluded: BTreeSet::new(),
            review: None,
        };
        let overview = session.overview(profile);
        Ok((session, overview))
    }

    /// Answers one request about this file. `Open` is answered by the worker, which owns the
    /// file's bytes.
    pub fn handle(&mut self, request: Request) -> Response {
        match request {
            Request::Open { .. } => Response::Failed("The file is already open.".to_owned()),
            Request::Reread { overrides, profile } => match read(&self.bytes, &overrides) {
                Ok(table) => {
                    self.table = table;
                    self.edits.clear();
                    self.excluded.clear();
                    self.review = None;
                    Response::Opened(Box::new(self.overview(&profile)))
                }
                Err(message) => Response::Failed(message),
            },
            Request::Validate {
                profile,
                mapping,
                language,
            } => {
                let review = Review::new(
                    &self.table,
                    &self.edits,
                    &self.excluded,
                    &profile,
                    &mapping,
                    language,
                );
                let counts = review.counts();
                self.review = Some(review);
                Response::Validated(counts)
            }
            other => match &mut self.review {
                None => Response::Failed("Choose the columns first.".to_owned()),
                Some(review) => {
                    review.handle(other, &self.table, &mut self.edits, &mut self.excluded)
                }
            },
        }
    }

    /// The file's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Reads a table with the user's overrides; the error in words when it cannot be read.
fn read(bytes: &[u8], overrides: &Overrides) -> Result<Table, String> {
    let options = ReadOptions {
        sheet: overrides.sheet.clone(),
        encoding: overrides.encoding.clone(),
        delimiter: overrides.delimiter,
        header_line: overrides.header_line,
        ..ReadOptions::default()
    };
    read_table_with(bytes, &options).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests;

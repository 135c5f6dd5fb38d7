//! One file being imported, as the worker holds it: the bytes, the table read from them, the
//! user's edits and exclusions, and every row's verdict. Pure Rust, so it is tested natively.

mod corrections;
mod csv_out;
mod filled_rows;
mod helper_share;
mod overview;
mod packed_rows;
mod review;

use std::collections::{BTreeSet, HashMap, HashSet};

use clientela_shared::{Format, Profile, ReadOptions, Table, read_table_owned, read_table_with};

pub use corrections::read_corrections;
use filled_rows::for_each_filled_row;
pub use helper_share::{HelperShare, check_packed_rows};
pub use review::Review;

use crate::protocol::{FileOverview, Overrides, Request, Response};

/// A file being imported.
#[derive(Debug)]
pub struct ImportSession {
    name: String,
    /// The file's bytes, to read it again with other choices, kept only when the table's text
    /// is not the file itself (workbooks, text not in UTF-8). A UTF-8 file is read from its own
    /// buffer, which the table keeps: the file is never held twice.
    original: Option<Vec<u8>>,
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
        let (table, original) = read_first(bytes).map_err(|err| format!("{name}: {err}"))?;
        let session = ImportSession {
            name,
            original,
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
            Request::CheckRows { .. } => {
                Response::Failed("Rows to check come packed beside the request.".to_owned())
            }
            Request::Reread { overrides, profile } => match self.read_again(&overrides) {
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

    /// The lines of the file's rows that have data: the lines a corrected error file may name.
    pub fn data_lines(&self) -> HashSet<u64> {
        let mut lines = HashSet::new();
        for_each_filled_row(&self.table, &self.edits, 0..usize::MAX, |_, line, _| {
            lines.insert(line);
        });
        lines
    }

    /// The file's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Reads the file again with the user's overrides. When the new table's text is no longer
    /// the file (another encoding was chosen), the session keeps the file's bytes from now on.
    fn read_again(&mut self, overrides: &Overrides) -> Result<Table, String> {
        let table = match &self.original {
            Some(bytes) => read(bytes, overrides)?,
            None => read(self.table.source_text().as_bytes(), overrides)?,
        };
        if self.original.is_none() && !is_the_file(&table) {
            self.original = Some(self.table.source_text().as_bytes().to_vec());
        }
        Ok(table)
    }
}

/// Reads a file the first time: a UTF-8 text file from its own buffer (no copy); anything else
/// from its bytes, which are returned to be kept.
fn read_first(bytes: Vec<u8>) -> Result<(Table, Option<Vec<u8>>), String> {
    // Workbooks and UTF-16 or UTF-32 text without a byte order mark have NUL bytes early on,
    // though they may be valid UTF-8; a text file in UTF-8 has none.
    let start = &bytes[..bytes.len().min(4096)];
    if !start.contains(&0) && simdutf8::basic::from_utf8(&bytes).is_ok() {
        let table = read_table_owned(bytes).map_err(|err| err.to_string())?;
        Ok((table, None))
    } else {
        let table = read(&bytes, &Overrides::default())?;
        Ok((table, Some(bytes)))
    }
}

/// Whether `table`'s text is its file's own: a CSV file read as UTF-8.
fn is_the_file(table: &Table) -> bool {
    let detection = table.detection();
    detection.format.value == Format::Csv
        && detection
            .encoding
            .as_ref()
            .is_some_and(|encoding| encoding.value == "utf-8")
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

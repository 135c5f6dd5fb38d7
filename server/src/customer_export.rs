//! `GET /api/customers/export.csv`: every customer matching the filters as CSV, written page by
//! page while it is sent, so a million customers never sit in memory at once.
//!
//! The columns are the id, the built-in fields in schema order, the assigned agent and group, then every
//! custom and additional value any matching customer has (found by a first pass over them), and
//! the file and line the customer came from. Cells a spreadsheet would run as formulas are
//! neutralised, as in the error file.

use std::collections::BTreeSet;

use axum::body::Bytes;
use clientela_shared::{Customer, Field};
use futures_util::Stream;
use futures_util::stream;

use crate::customer_store::{self, CustomerQuery};
use crate::db::Db;
use crate::imports::neutralise;

/// The columns that are not fields.
const OWN_COLUMNS: [&str; 5] = [
    "id",
    "assigned_agent",
    "assigned_group",
    "file_name",
    "line",
];

/// Customers read per database round trip.
const PAGE: u32 = 2_000;

/// The export as a stream of CSV chunks (UTF-8 with a byte order mark, for Excel).
pub(crate) fn export_csv(
    db: Db,
    workspace_id: i64,
    query: CustomerQuery,
) -> impl Stream<Item = Result<Bytes, sqlx::Error>> {
    let start = Export {
        db,
        workspace_id,
        query,
        columns: None,
        after_id: i64::MIN,
        done: false,
    };
    stream::try_unfold(start, |mut export| async move {
        if export.done {
            return Ok(None);
        }
        let chunk = export.next_chunk().await?;
        Ok(Some((chunk, export)))
    })
}

/// Where the export is.
struct Export {
    db: Db,
    workspace_id: i64,
    query: CustomerQuery,
    /// Known after the first pass; the header has not been sent while `None`.
    columns: Option<Vec<String>>,
    after_id: i64,
    done: bool,
}

impl Export {
    /// The header (after finding the columns), or the next page of customers.
    async fn next_chunk(&mut self) -> Result<Bytes, sqlx::Error> {
        if self.columns.is_none() {
            let columns = self.find_columns().await?;
            let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
            write(&mut out, columns.iter().map(String::as_str))?;
            self.columns = Some(columns);
            return finish(out);
        }
        let page = self.next_page().await?;
        let columns = self.columns.as_deref().unwrap_or_default();
        let mut out = csv::Writer::from_writer(Vec::new());
        for customer in &page {
            let cells = columns.iter().map(|column| cell(customer, column));
            let cells: Vec<String> = cells.map(|text| neutralise(&text)).collect();
            write(&mut out, cells.iter().map(String::as_str))?;
        }
        finish(out)
    }

    async fn next_page(&mut self) -> Result<Vec<Customer>, sqlx::Error> {
        let page = customer_store::page_after(
            &self.db,
            self.workspace_id,
            &self.query,
            self.after_id,
            PAGE,
        )
        .await?;
        match page.last() {
            Some(last) => self.after_id = last.id,
            None => self.done = true,
        }
        Ok(page)
    }

    /// The first pass: every key the matching customers have beyond the built-in fields.
    async fn find_columns(&mut self) -> Result<Vec<String>, sqlx::Error> {
        let built_in: Vec<&str> = Field::ALL.iter().map(|field| field.key()).collect();
        let mut others = BTreeSet::new();
        loop {
            let page = self.next_page().await?;
            if page.is_empty() {
                break;
            }
            for customer in &page {
                others.extend(
                    customer
                        .fields
                        .keys()
                        .filter(|key| !built_in.contains(&key.as_str()))
                        .filter(|key| !OWN_COLUMNS.contains(&key.as_str()))
                        .cloned(),
                );
            }
        }
        self.after_id = i64::MIN;
        self.done = false;
        let mut columns = vec!["id".to_owned()];
        columns.extend(built_in.iter().map(|key| (*key).to_owned()));
        columns.extend(["assigned_agent".to_owned(), "assigned_group".to_owned()]);
        columns.extend(others);
        columns.extend(["file_name".to_owned(), "line".to_owned()]);
        Ok(columns)
    }
}

/// The text of `customer` under `column`.
fn cell(customer: &Customer, column: &str) -> String {
    match column {
        "id" => customer.id.to_string(),
        "assigned_agent" => customer.agent.clone().unwrap_or_default(),
        "assigned_group" => customer.group.clone().unwrap_or_default(),
        "file_name" => customer.file_name.clone(),
        "line" => customer.line.to_string(),
        key => customer.fields.get(key).cloned().unwrap_or_default(),
    }
}

fn write<'a>(
    out: &mut csv::Writer<Vec<u8>>,
    cells: impl Iterator<Item = &'a str>,
) -> Result<(), sqlx::Error> {
    out.write_record(cells)
        .map_err(|err| sqlx::Error::Protocol(err.to_string()))
}

fn finish(out: csv::Writer<Vec<u8>>) -> Result<Bytes, sqlx::Error> {
    out.into_inner()
        .map(Bytes::from)
        .map_err(|err| sqlx::Error::Protocol(err.to_string()))
}

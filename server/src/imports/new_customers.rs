//! Inserting a chunk's new customers with multi-row statements, and their tags, and learning
//! the ids they got. Reading rows back through SQLx costs about as much as writing them, so
//! SQLite sends none: it tells the last id and how many rows the statement wrote, and the ids
//! of one statement follow each other. PostgreSQL returns each new id with its line.

use std::collections::HashMap;

use clientela_shared::{BatchRow, Record};
use sqlx::{AnyConnection, Row};

use super::apply_batch::BatchError;
use super::assignment::Assigner;
use super::batch_plan::{Step, keys};
use super::chunk_writer::to_i64;
use super::customer_index::StoredText;
use super::store::StoredImport;
use crate::db::ValueRows;

/// Customer columns written per new customer.
const CUSTOMER_COLUMNS: usize = 13;

/// A chunk's rows, what each does, and the stored text of the valid ones, by row index.
pub(super) struct NewCustomers<'a> {
    pub rows: &'a [BatchRow],
    pub steps: &'a [Step<'a>],
    pub texts: &'a [Option<StoredText>],
}

/// Inserts the chunk's new customers (the rows whose step is [`Step::Create`]) and their tags;
/// returns their ids by row index. A key another customer holds fails the whole insert with a
/// unique violation, [`BatchError::Raced`].
pub(super) async fn insert_new_customers(
    tx: &mut AnyConnection,
    values: ValueRows,
    import: &StoredImport,
    chunk: &NewCustomers<'_>,
    assigner: &mut Assigner,
    now_millis: i64,
) -> Result<HashMap<usize, i64>, BatchError> {
    let NewCustomers { rows, steps, texts } = *chunk;
    let new: Vec<(usize, &Record, &StoredText)> = steps
        .iter()
        .enumerate()
        .filter_map(|(index, step)| match step {
            Step::Create(record) => {
                let text = texts[index]
                    .as_ref()
                    .expect("a valid row has its stored text");
                Some((index, *record, text))
            }
            _ => None,
        })
        .collect();
    let mut ids = HashMap::with_capacity(new.len());
    // PostgreSQL's ids come back with their lines; a batch that repeats a line is inserted row
    // by row.
    let mut lines: Vec<u64> = new.iter().map(|(index, ..)| rows[*index].line).collect();
    lines.sort_unstable();
    let lines_unique = lines.windows(2).all(|pair| pair[0] != pair[1]);
    let per_statement = if lines_unique {
        values.per_statement(CUSTOMER_COLUMNS)
    } else {
        1
    };
    for statement_rows in new.chunks(per_statement) {
        let sql = format!(
            "insert into customer (workspace_id, file_name, line, fields, created_at, email, \
             phone, import_id, search_text, status, assigned_user_id, assigned_group_id, \
             created_import_id) values {}",
            values.sql(statement_rows.len(), CUSTOMER_COLUMNS, 1)
        );
        let sql = if values.is_sqlite() {
            sql
        } else {
            format!("{sql} returning id, line")
        };
        let mut query = sqlx::query(&sql);
        for (index, record, text) in statement_rows {
            let (email, phone) = keys(record);
            let assignment = assigner.next();
            query = query
                .bind(import.workspace_id)
                .bind(import.file_name.as_str())
                .bind(to_i64(rows[*index].line))
                .bind(text.fields.as_str())
                .bind(now_millis)
                .bind(email)
                .bind(phone)
                .bind(import.id)
                .bind(text.search_text.as_str())
                .bind(record.fields.get("status").map(String::as_str))
                .bind(assignment.user_id)
                .bind(assignment.group_id)
                .bind(import.id);
        }
        let statement_ids = if values.is_sqlite() {
            query.execute(&mut *tx).await?;
            sqlite_ids(tx, statement_rows.len()).await?
        } else {
            let returned = query.fetch_all(&mut *tx).await?;
            let mut by_line = HashMap::with_capacity(returned.len());
            for row in &returned {
                by_line.insert(row.try_get::<i64, _>("line")?, row.try_get::<i64, _>("id")?);
            }
            statement_rows
                .iter()
                .map(|(index, ..)| by_line[&to_i64(rows[*index].line)])
                .collect()
        };
        for ((index, ..), id) in statement_rows.iter().zip(statement_ids) {
            ids.insert(*index, id);
        }
    }
    insert_tags(tx, values, &new, &ids).await?;
    Ok(ids)
}

/// The ids of the rows the last insert wrote, in the order of its `values`: SQLite gives each
/// new row of a table with `autoincrement` the next id, and nothing else writes inside this
/// transaction.
async fn sqlite_ids(tx: &mut AnyConnection, rows: usize) -> Result<Vec<i64>, sqlx::Error> {
    let row = sqlx::query("select last_insert_rowid() as last, changes() as written")
        .fetch_one(&mut *tx)
        .await?;
    let last: i64 = row.try_get("last")?;
    let written: i64 = row.try_get("written")?;
    if written != to_i64(rows as u64) {
        return Err(sqlx::Error::Protocol(format!(
            "an insert of {rows} customers wrote {written}"
        )));
    }
    Ok((last - written + 1..=last).collect())
}

/// Inserts the new customers' tags.
async fn insert_tags(
    tx: &mut AnyConnection,
    values: ValueRows,
    new: &[(usize, &Record, &StoredText)],
    ids: &HashMap<usize, i64>,
) -> Result<(), sqlx::Error> {
    let tags: Vec<(i64, &str)> = new
        .iter()
        .flat_map(|(index, record, _)| record.tags.iter().map(|tag| (ids[index], tag.as_str())))
        .collect();
    for chunk in tags.chunks(values.per_statement(2)) {
        let sql = format!(
            "insert into customer_tag (customer_id, tag) values {}",
            values.sql(chunk.len(), 2, 1)
        );
        let mut query = sqlx::query(&sql);
        for (customer_id, tag) in chunk {
            query = query.bind(*customer_id).bind((*tag).to_owned());
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

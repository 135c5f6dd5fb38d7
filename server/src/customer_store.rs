//! SQL for the `customer` table. Lowercase SQL with `$1` placeholders runs on SQLite and PostgreSQL.

use std::collections::BTreeMap;

use clientela_shared::Customer;
use sqlx::Row;

use crate::db::Db;

/// A row ready to be stored: its line in the file and its cells keyed by header.
pub type NewCustomer = (u64, BTreeMap<String, String>);

/// Rows per `insert` statement: 5 parameters each, well under both databases' parameter limits.
const ROWS_PER_STATEMENT: usize = 500;

/// Stores `customers` in one transaction: either all of them are stored or none is.
pub async fn insert_all(
    db: &Db,
    workspace_id: i64,
    file_name: &str,
    customers: &[NewCustomer],
    now_millis: i64,
) -> Result<u64, sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    for chunk in customers.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_statement(chunk.len());
        let mut query = sqlx::query(&sql);
        for (line, fields) in chunk {
            let fields = serde_json::to_string(fields).expect("a string map always serialises");
            query = query
                .bind(workspace_id)
                .bind(file_name.to_owned())
                .bind(to_i64(*line))
                .bind(fields)
                .bind(now_millis);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(customers.len() as u64)
}

/// One page of a workspace's customers, oldest first, and their total count.
pub async fn list(
    db: &Db,
    workspace_id: i64,
    limit: u32,
    offset: u64,
) -> Result<(Vec<Customer>, u64), sqlx::Error> {
    let rows = sqlx::query(
        "select id, file_name, line, fields from customer where workspace_id = $1 \
         order by id limit $2 offset $3",
    )
    .bind(workspace_id)
    .bind(i64::from(limit))
    .bind(to_i64(offset))
    .fetch_all(db.pool())
    .await?;
    let customers = rows
        .iter()
        .map(|row| {
            let fields: String = row.try_get("fields")?;
            Ok(Customer {
                id: row.try_get("id")?,
                file_name: row.try_get("file_name")?,
                line: row.try_get::<i64, _>("line")?.unsigned_abs(),
                fields: flat_fields(&fields)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let total: i64 = sqlx::query_scalar("select count(*) from customer where workspace_id = $1")
        .bind(workspace_id)
        .fetch_one(db.pool())
        .await?;
    Ok((customers, total.unsigned_abs()))
}

/// The stored fields as one level of text: the cells of a walking-skeleton row as they are, and
/// an imported record's tags joined (`tags`) and custom and extra values under `custom.` and
/// `extra.` prefixes.
fn flat_fields(json: &str) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
    let mut flat = BTreeMap::new();
    if let serde_json::Value::Object(object) = value {
        for (key, value) in object {
            flatten_into(&mut flat, key, value);
        }
    }
    Ok(flat)
}

fn flatten_into(flat: &mut BTreeMap<String, String>, key: String, value: serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            flat.insert(key, text);
        }
        Value::Array(items) => {
            let texts: Vec<String> = items
                .into_iter()
                .map(|item| match item {
                    Value::String(text) => text,
                    other => other.to_string(),
                })
                .collect();
            if !texts.is_empty() {
                flat.insert(key, texts.join(", "));
            }
        }
        Value::Object(object) => {
            for (inner, value) in object {
                flatten_into(flat, format!("{key}.{inner}"), value);
            }
        }
        Value::Null => {}
        other => {
            flat.insert(key, other.to_string());
        }
    }
}

/// Checks that the database answers.
pub async fn ping(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("select 1").execute(db.pool()).await.map(|_| ())
}

fn insert_statement(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| {
            let p = i * 5;
            format!(
                "(${}, ${}, ${}, ${}, ${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            )
        })
        .collect();
    format!(
        "insert into customer (workspace_id, file_name, line, fields, created_at) values {}",
        values.join(", ")
    )
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_statement_numbers_every_placeholder() {
        assert_eq!(
            insert_statement(2),
            "insert into customer (workspace_id, file_name, line, fields, created_at) \
             values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10)"
        );
    }
}

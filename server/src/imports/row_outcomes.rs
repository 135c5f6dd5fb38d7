//! An import's rows' outcomes, a page at a time in the order of the file: the customers it
//! created (each keeps the import and the line it came from) and the rows it updated, skipped
//! or rejected (stored one per row, as answered).

use clientela_shared::{Outcome, RowOutcome};
use sqlx::Row;

use super::chunk_writer::to_i64;
use crate::db::Db;

/// Rows per page when the request says nothing, and at most.
pub(crate) const ROWS_PER_PAGE: usize = 1_000;
pub(crate) const MOST_ROWS_PER_PAGE: usize = 5_000;

/// Up to `limit` outcomes of `import_id`'s rows after line `after_line`, by line, and the line
/// the next page starts after when there may be more. (A customer the import created and an
/// undo removed again is not listed: only its count stays.)
pub(crate) async fn row_outcomes(
    db: &Db,
    import_id: i64,
    after_line: u64,
    limit: usize,
) -> Result<(Vec<RowOutcome>, Option<u64>), sqlx::Error> {
    let stored = sqlx::query(
        "select line, id as customer_id, null as detail from customer \
         where created_import_id = $1 and line > $2 \
         union all \
         select line, customer_id, detail from import_row where import_id = $1 and line > $2 \
         order by line limit $3",
    )
    .bind(import_id)
    .bind(to_i64(after_line))
    .bind(to_i64(limit as u64))
    .fetch_all(db.pool())
    .await?;
    let mut rows = Vec::with_capacity(stored.len());
    for row in &stored {
        let detail: Option<String> = row.try_get("detail")?;
        let outcome = match detail {
            // Stored as answered.
            Some(detail) => {
                serde_json::from_str(&detail).map_err(|err| sqlx::Error::Decode(Box::new(err)))?
            }
            None => RowOutcome {
                line: row.try_get::<i64, _>("line")?.unsigned_abs(),
                outcome: Outcome::Created {
                    customer_id: row.try_get("customer_id")?,
                },
            },
        };
        rows.push(outcome);
    }
    let next = (rows.len() == limit)
        .then(|| rows.last().map(|row| row.line))
        .flatten();
    Ok((rows, next))
}

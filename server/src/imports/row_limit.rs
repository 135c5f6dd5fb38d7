//! A profile's `max_rows`, held by the server: an import counts the rows it takes
//! (`received_rows`), and a batch that would take it past the limit is refused whole. The
//! browser and `clientela import` refuse such a file before sending anything; this holds for
//! any client.

use clientela_shared::{Outcome, RowOutcome};
use sqlx::AnyConnection;

use super::apply_batch::BatchError;
use super::chunk_writer::to_i64;
use super::store::StoredImport;
use crate::db::Db;

/// How a batch changes its import's counts.
#[derive(Debug, Clone, Copy)]
pub(super) struct RowsTaken {
    /// New customers. (Created customers are not stored in `import_row`, so the import counts
    /// them.)
    pub created: u64,
    /// Rows taken, less the earlier rejections of the same lines that corrections replace:
    /// negative when a correction sends fewer rows than it replaces.
    pub change: i64,
}

impl RowsTaken {
    /// The counts of a batch whose rows had these outcomes, `replaced` earlier rejections
    /// being dropped.
    pub(super) fn of(rows: &[RowOutcome], replaced: u64) -> RowsTaken {
        let created = rows
            .iter()
            .filter(|row| matches!(row.outcome, Outcome::Created { .. }))
            .count();
        RowsTaken {
            created: created as u64,
            change: to_i64(rows.len() as u64) - to_i64(replaced),
        }
    }
}

/// Refuses, before any work, a batch of `rows` rows that would take the import past its
/// profile's `max_rows`. The count is read outside the batch's transaction: [`add_to_counts`]
/// decides for good.
pub(super) async fn refuse_past_limit(
    db: &Db,
    import: &StoredImport,
    rows: usize,
) -> Result<(), BatchError> {
    let Some(max) = import.profile.max_rows else {
        return Ok(());
    };
    let received: i64 =
        sqlx::query_scalar("select received_rows from customer_import where id = $1")
            .bind(import.id)
            .fetch_one(db.pool())
            .await?;
    let would_have = received.unsigned_abs() + rows as u64;
    if would_have > max {
        return Err(BatchError::ImportTooManyRows {
            rows: would_have,
            max,
        });
    }
    Ok(())
}

/// Adds a batch to its import's counts, inside the batch's transaction. Refuses the batch when
/// it adds rows and the import then has more than its profile's `max_rows`.
pub(super) async fn add_to_counts(
    tx: &mut AnyConnection,
    import: &StoredImport,
    taken: RowsTaken,
) -> Result<(), BatchError> {
    let received: i64 = sqlx::query_scalar(
        "update customer_import set created_rows = created_rows + $1, \
         received_rows = received_rows + $2 where id = $3 returning received_rows",
    )
    .bind(to_i64(taken.created))
    .bind(taken.change)
    .bind(import.id)
    .fetch_one(&mut *tx)
    .await?;
    let received = received.unsigned_abs();
    match import.profile.max_rows {
        Some(max) if taken.change > 0 && received > max => Err(BatchError::ImportTooManyRows {
            rows: received,
            max,
        }),
        _ => Ok(()),
    }
}

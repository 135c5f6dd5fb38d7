//! Applying one batch of an import in one transaction, a chunk of rows at a time: while one
//! chunk is [written](super::chunk_writer), the next is validated on other cores. A batch sent
//! again gets the answer it got the first time.

use std::sync::Arc;

use clientela_shared::{Batch, BatchAnswer, OutcomeCounts};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use super::assignment::Assigner;
use super::batch_plan::{Step, plan_batch};
use super::chunk_writer::{ChunkWriter, to_i64};
use super::record_check::{check_in_chunks, check_records};
use super::row_limit::{RowsTaken, add_to_counts, refuse_past_limit};
use super::store::StoredImport;
use crate::db::{Db, ValueRows};

/// Why a batch was not applied.
#[derive(Debug)]
pub(crate) enum BatchError {
    /// The import was undone; it takes no more batches.
    Closed,
    /// The import is committed, and these lines of the batch are stored already: it takes
    /// corrections of the other lines only.
    LinesStored(Vec<u64>),
    /// More rows than [`Batch::MAX_ROWS`].
    TooManyRows(usize),
    /// With this batch, the import would have `rows` rows, more than its profile's `max_rows`.
    ImportTooManyRows { rows: u64, max: u64 },
    /// A different batch was already stored under this sequence number.
    ChangedContent,
    /// Another import stored one of these customers at the same moment; sending the batch again
    /// finds it.
    Raced,
    /// The database failed.
    Database(sqlx::Error),
}

impl From<sqlx::Error> for BatchError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => BatchError::Raced,
            // PostgreSQL gave up one of two imports that waited for each other's new customers
            // (a deadlock), or could not serialise them: the same batch, sent again, goes through.
            sqlx::Error::Database(db)
                if matches!(db.code().as_deref(), Some(DEADLOCK | SERIALIZATION_FAILURE)) =>
            {
                BatchError::Raced
            }
            _ => BatchError::Database(err),
        }
    }
}

/// PostgreSQL's SQLSTATE for `deadlock_detected`.
const DEADLOCK: &str = "40P01";
/// PostgreSQL's SQLSTATE for `serialization_failure`.
const SERIALIZATION_FAILURE: &str = "40001";

/// Applies batch `seq` of `import`, or returns the answer given when the same batch came before.
/// The answer is a [`BatchAnswer`] as JSON: written once, then stored and sent as it is.
pub(crate) async fn apply_batch(
    db: &Db,
    import: &StoredImport,
    seq: u64,
    batch: &Arc<Batch>,
    now_millis: i64,
) -> Result<String, BatchError> {
    if batch.rows.len() > Batch::MAX_ROWS {
        return Err(BatchError::TooManyRows(batch.rows.len()));
    }
    let hash = content_hash(batch);
    let seq_key = i64::try_from(seq).unwrap_or(i64::MAX);
    if let Some(answer) = stored_answer(db, import.id, seq_key, &hash).await? {
        return Ok(answer);
    }
    // A committed import still takes corrections: rows of lines it has not stored.
    let corrects = import.status == "committed";
    if import.status == "reverted" {
        return Err(BatchError::Closed);
    }
    if corrects {
        let stored = stored_lines(db, import.id, batch).await?;
        if !stored.is_empty() {
            return Err(BatchError::LinesStored(stored));
        }
    } else if let Err(refused) = refuse_past_limit(db, import, batch.rows.len()).await {
        // Unless this batch was stored a moment ago, sent twice at once.
        return match stored_answer(db, import.id, seq_key, &hash).await? {
            Some(answer) => Ok(answer),
            None => Err(refused),
        };
    }

    let mut checked_chunks = check_in_chunks(import, batch, ROWS_PER_CHUNK);
    let values = db.value_rows();
    let turn = db.write_turn().await;
    // On SQLite, while this request waited for its turn, the same batch may have been written,
    // or others that leave it no room under the profile's `max_rows`.
    if turn.is_some() {
        if let Some(answer) = stored_answer(db, import.id, seq_key, &hash).await? {
            return Ok(answer);
        }
        if !corrects {
            refuse_past_limit(db, import, batch.rows.len()).await?;
        }
    }
    let mut tx = db.pool().begin().await?;
    let replaced = if corrects {
        forget_rejections(&mut tx, values, import.id, batch).await?
    } else {
        0
    };
    let mut assigner = Assigner::for_batch(&mut tx, import).await?;
    let mut rows = Vec::with_capacity(batch.rows.len());
    let mut try_all_new = true;
    while let Some(chunk) = checked_chunks.recv().await {
        let first = rows.len();
        let chunk_rows = &batch.rows[first..first + chunk.verdicts.len()];
        let chunk_outcomes = ChunkWriter {
            tx: &mut tx,
            values,
            import,
            assigner: &mut assigner,
            now_millis,
            try_all_new: &mut try_all_new,
        }
        .write(chunk_rows, &chunk)
        .await?;
        rows.extend(chunk_outcomes);
    }
    assert_eq!(rows.len(), batch.rows.len(), "validation does not panic");
    assigner.finish(&mut tx).await?;
    if let Some(list) = &import.options.list {
        let customers: Vec<i64> = rows
            .iter()
            .filter_map(|row| row.outcome.customer_id())
            .collect();
        add_to_list(&mut tx, values, import, list, &customers, now_millis).await?;
    }
    let taken = RowsTaken::of(&rows, replaced);
    let answer = serde_json::to_string(&BatchAnswer { seq, rows }).expect("answers serialise");
    // The batch's number is taken before the import's counts: the same batch, sent twice at
    // once, waits here for the other request and then gets its answer.
    let stored = sqlx::query(
        "insert into import_batch (import_id, seq, content_hash, answer, created_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(import.id)
    .bind(seq_key)
    .bind(hash.clone())
    .bind(answer.as_str())
    .bind(now_millis)
    .execute(&mut *tx)
    .await;
    match stored {
        Ok(_) => {}
        // The same batch, sent twice at once, was applied by the other request: this one's work
        // is rolled back and the other's answer given.
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            drop(tx);
            return stored_answer(db, import.id, seq_key, &hash)
                .await?
                .ok_or(BatchError::Raced);
        }
        Err(err) => return Err(err.into()),
    }
    // Last, so that the import's row is taken only until the commit that follows.
    add_to_counts(&mut tx, import, taken).await?;
    tx.commit().await?;
    db.after_big_write();
    Ok(answer)
}

/// Rows per chunk: small enough that the first chunk's validation, which nothing overlaps, is
/// short; large enough that each chunk's statements carry many rows.
const ROWS_PER_CHUNK: usize = 1_000;

/// What `batch` would do to the stored customers, decided by the same plan as
/// [`apply_batch`] (so the preview cannot disagree with it) and written nowhere.
pub(crate) async fn preview_batch(
    db: &Db,
    import: &StoredImport,
    batch: &Arc<Batch>,
) -> Result<OutcomeCounts, BatchError> {
    if batch.rows.len() > Batch::MAX_ROWS {
        return Err(BatchError::TooManyRows(batch.rows.len()));
    }
    let verdicts = check_records(import, batch).await;
    let mut connection = db.pool().acquire().await?;
    let mut counts = OutcomeCounts::default();
    for step in plan_batch(&mut connection, db.value_rows(), import, &verdicts).await? {
        match step {
            Step::Reject(_) => counts.rejected += 1,
            Step::Create(_) => counts.created += 1,
            Step::Skip { .. } => counts.skipped += 1,
            Step::Update { .. } => counts.updated += 1,
        }
    }
    Ok(counts)
}

/// The hex SHA-256 of the batch's rows, as canonical JSON.
fn content_hash(batch: &Batch) -> String {
    let json = serde_json::to_vec(&batch.rows).expect("batches serialise");
    Sha256::digest(&json)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The answer stored for batch `seq` (as JSON), if it came before with the same content.
async fn stored_answer(
    db: &Db,
    import_id: i64,
    seq: i64,
    hash: &str,
) -> Result<Option<String>, BatchError> {
    let row = sqlx::query(
        "select content_hash, answer from import_batch where import_id = $1 and seq = $2",
    )
    .bind(import_id)
    .bind(seq)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let stored_hash: String = row.try_get("content_hash")?;
    if stored_hash != hash {
        return Err(BatchError::ChangedContent);
    }
    Ok(Some(row.try_get("answer")?))
}

/// The batch's lines, each once.
fn lines_of(batch: &Batch) -> Vec<i64> {
    let mut lines: Vec<i64> = batch.rows.iter().map(|row| to_i64(row.line)).collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// The batch's lines the import stored already (in order). A committed import takes only
/// corrections of rows it rejected, or of rows the browser did not send because they had errors.
async fn stored_lines(db: &Db, import_id: i64, batch: &Batch) -> Result<Vec<u64>, sqlx::Error> {
    let lines = lines_of(batch);
    let values = db.value_rows();
    let mut stored = Vec::new();
    // The lines of the customers it created, and of the rows it updated or skipped.
    let sources = [
        "select line from customer where created_import_id = {import} and line in {lines}",
        "select line from import_row where import_id = {import} and outcome <> 'rejected' \
         and line in {lines}",
    ];
    for chunk in lines.chunks(values.per_statement(1) - 1) {
        for source in sources {
            let sql = source
                .replace("{import}", &values.parameter(1))
                .replace("{lines}", &values.sql(1, chunk.len(), 2));
            let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(import_id);
            for line in chunk {
                query = query.bind(*line);
            }
            stored.extend(
                query
                    .fetch_all(db.pool())
                    .await?
                    .into_iter()
                    .map(i64::unsigned_abs),
            );
        }
    }
    stored.sort_unstable();
    stored.dedup();
    Ok(stored)
}

/// Drops the earlier rejections of the batch's lines: their new outcomes replace them in the
/// summary and the error file. Gives how many it dropped.
async fn forget_rejections(
    tx: &mut AnyConnection,
    values: ValueRows,
    import_id: i64,
    batch: &Batch,
) -> Result<u64, sqlx::Error> {
    let mut forgotten = 0;
    let lines = lines_of(batch);
    for chunk in lines.chunks(values.per_statement(1) - 1) {
        let sql = format!(
            "delete from import_row where import_id = {} and outcome = 'rejected' and line in {}",
            values.parameter(1),
            values.sql(1, chunk.len(), 2)
        );
        let mut query = sqlx::query(&sql).bind(import_id);
        for line in chunk {
            query = query.bind(*line);
        }
        forgotten += query.execute(&mut *tx).await?.rows_affected();
    }
    Ok(forgotten)
}

/// List member columns per customer.
const LIST_MEMBER_COLUMNS: usize = 3;

/// Puts `customers` on the workspace's list `name` (created if missing), remembering this
/// import as the one that added them, so revert can take them off again.
async fn add_to_list(
    tx: &mut AnyConnection,
    values: ValueRows,
    import: &StoredImport,
    name: &str,
    customers: &[i64],
    now_millis: i64,
) -> Result<(), sqlx::Error> {
    let name = name.trim();
    sqlx::query(
        "insert into customer_list (workspace_id, name, import_id, created_at) \
         values ($1, $2, $3, $4) on conflict (workspace_id, name) do nothing",
    )
    .bind(import.workspace_id)
    .bind(name.to_owned())
    .bind(import.id)
    .bind(now_millis)
    .execute(&mut *tx)
    .await?;
    let list_id: i64 =
        sqlx::query_scalar("select id from customer_list where workspace_id = $1 and name = $2")
            .bind(import.workspace_id)
            .bind(name.to_owned())
            .fetch_one(&mut *tx)
            .await?;
    let mut customers = customers.to_vec();
    customers.sort_unstable();
    customers.dedup();
    for chunk in customers.chunks(values.per_statement(LIST_MEMBER_COLUMNS)) {
        let sql = format!(
            "insert into customer_list_member (list_id, customer_id, import_id) values {} \
             on conflict (list_id, customer_id) do nothing",
            values.sql(chunk.len(), LIST_MEMBER_COLUMNS, 1)
        );
        let mut query = sqlx::query(&sql);
        for customer_id in chunk {
            query = query.bind(list_id).bind(*customer_id).bind(import.id);
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::error::Error;
    use std::fmt;

    use sqlx::error::{DatabaseError, ErrorKind};

    use super::BatchError;

    /// A database error with only a SQLSTATE, as PostgreSQL reports one.
    #[derive(Debug)]
    struct Sqlstate(&'static str);

    impl fmt::Display for Sqlstate {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "SQLSTATE {}", self.0)
        }
    }

    impl Error for Sqlstate {}

    impl DatabaseError for Sqlstate {
        fn message(&self) -> &str {
            self.0
        }
        fn code(&self) -> Option<Cow<'_, str>> {
            Some(Cow::Borrowed(self.0))
        }
        fn as_error(&self) -> &(dyn Error + Send + Sync + 'static) {
            self
        }
        fn as_error_mut(&mut self) -> &mut (dyn Error + Send + Sync + 'static) {
            self
        }
        fn into_error(self: Box<Self>) -> Box<dyn Error + Send + Sync + 'static> {
            self
        }
        fn kind(&self) -> ErrorKind {
            ErrorKind::Other
        }
    }

    fn batch_error(sqlstate: &'static str) -> BatchError {
        BatchError::from(sqlx::Error::Database(Box::new(Sqlstate(sqlstate))))
    }

    #[test]
    fn imports_waiting_for_each_other_are_told_to_send_again() {
        assert!(matches!(batch_error("40P01"), BatchError::Raced));
        assert!(matches!(batch_error("40001"), BatchError::Raced));
        assert!(matches!(batch_error("53100"), BatchError::Database(_)));
    }
}

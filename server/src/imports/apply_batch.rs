//! Applying one batch of an import in one transaction, a chunk of rows at a time: while one
//! chunk is written, the next is validated on other cores. The [plan](super::batch_plan) says
//! what each row of a chunk does; new customers and the outcomes are written with multi-row
//! statements.

use std::collections::HashMap;
use std::sync::Arc;

use clientela_shared::{Batch, BatchAnswer, BatchRow, Outcome, OutcomeCounts, Record, RowOutcome};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use super::assignment::Assigner;
use super::batch_plan::{Match, Step, keys, plan_batch};
use super::customer_index::{StoredText, index_customer};
use super::record_check::{CheckedChunk, check_in_chunks, check_records};
use super::record_update::updated_record;
use super::store::StoredImport;
use crate::db::{Db, ValueRows};

/// Why a batch was not applied.
#[derive(Debug)]
pub(crate) enum BatchError {
    /// The import is committed; it takes no more batches.
    Closed,
    /// More rows than [`Batch::MAX_ROWS`].
    TooManyRows(usize),
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
            _ => BatchError::Database(err),
        }
    }
}

/// Applies batch `seq` of `import`, or returns the answer given when the same batch came before.
pub(crate) async fn apply_batch(
    db: &Db,
    import: &StoredImport,
    seq: u64,
    batch: &Arc<Batch>,
    now_millis: i64,
) -> Result<BatchAnswer, BatchError> {
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
    if import.status == "reverted" || (corrects && !none_stored_yet(db, import.id, batch).await?) {
        return Err(BatchError::Closed);
    }

    let mut verdicts = check_in_chunks(&import.profile, batch, ROWS_PER_CHUNK);
    let values = db.value_rows();
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    if corrects {
        forget_rejections(&mut tx, values, import.id, batch).await?;
    }
    let mut assigner = Assigner::for_batch(&mut tx, import).await?;
    let mut rows = Vec::with_capacity(batch.rows.len());
    while let Some(chunk) = verdicts.recv().await {
        let first = rows.len();
        let chunk_rows = &batch.rows[first..first + chunk.verdicts.len()];
        let chunk_outcomes = ChunkWriter {
            tx: &mut tx,
            values,
            import,
            assigner: &mut assigner,
            now_millis,
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
    let answer = BatchAnswer { seq, rows };
    let stored = sqlx::query(
        "insert into import_batch (import_id, seq, content_hash, answer, created_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(import.id)
    .bind(seq_key)
    .bind(hash.clone())
    .bind(serde_json::to_string(&answer).expect("answers serialise"))
    .bind(now_millis)
    .execute(&mut *tx)
    .await;
    match stored {
        Ok(_) => {
            tx.commit().await?;
            Ok(answer)
        }
        // The same batch, sent twice at once, was applied by the other request: this one's work
        // is rolled back and the other's answer given.
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            drop(tx);
            stored_answer(db, import.id, seq_key, &hash)
                .await?
                .ok_or(BatchError::Raced)
        }
        Err(err) => Err(err.into()),
    }
}

/// Rows per chunk: small enough that the first chunk's validation, which nothing overlaps, is
/// short; large enough that each chunk's statements carry many rows.
const ROWS_PER_CHUNK: usize = 1_000;

/// Writes the chunks of one batch inside its transaction.
struct ChunkWriter<'a> {
    tx: &'a mut AnyConnection,
    values: ValueRows,
    import: &'a StoredImport,
    assigner: &'a mut Assigner,
    now_millis: i64,
}

impl ChunkWriter<'_> {
    /// Plans and writes one chunk (its rows and their verdicts); gives each row's outcome. The
    /// customers earlier chunks created are stored by now, so a later row that repeats one is
    /// found by the lookup, as a duplicate of the stored customer.
    async fn write(
        self,
        rows: &[BatchRow],
        checked: &CheckedChunk,
    ) -> Result<Vec<RowOutcome>, BatchError> {
        let ChunkWriter {
            tx,
            values,
            import,
            assigner,
            now_millis,
        } = self;
        let steps = plan_batch(tx, values, import, &checked.verdicts).await?;
        let new_customers = NewCustomers {
            rows,
            steps: &steps,
            texts: &checked.texts,
        };
        let created =
            insert_created(tx, values, import, &new_customers, assigner, now_millis).await?;
        let id_of = |of: Match| match of {
            Match::Stored(id) => id,
            Match::Earlier(row) => created[&row],
        };
        let mut outcomes = Vec::with_capacity(rows.len());
        let mut previous = vec![None; rows.len()];
        for (index, step) in steps.iter().enumerate() {
            let outcome = match step {
                Step::Reject(outcome) => outcome.clone(),
                Step::Create(_) => Outcome::Created {
                    customer_id: created[&index],
                },
                Step::Skip { of, matched_on } => Outcome::Skipped {
                    customer_id: id_of(*of),
                    matched_on: (*matched_on).to_owned(),
                },
                Step::Update { of, record } => {
                    let customer_id = id_of(*of);
                    previous[index] =
                        Some(update_customer(tx, import, customer_id, record, now_millis).await?);
                    Outcome::Updated { customer_id }
                }
            };
            outcomes.push(RowOutcome {
                line: rows[index].line,
                outcome,
            });
        }
        insert_outcomes(tx, values, import.id, rows, &outcomes, &previous).await?;
        Ok(outcomes)
    }
}

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
    let verdicts = check_records(&import.profile, batch).await;
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

/// The answer stored for batch `seq`, if it came before with the same content.
async fn stored_answer(
    db: &Db,
    import_id: i64,
    seq: i64,
    hash: &str,
) -> Result<Option<BatchAnswer>, BatchError> {
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
    let answer: String = row.try_get("answer")?;
    serde_json::from_str(&answer)
        .map(Some)
        .map_err(|err| BatchError::Database(sqlx::Error::Decode(Box::new(err))))
}

/// Customer columns written per new customer.
const CUSTOMER_COLUMNS: usize = 12;

/// A chunk's rows, what each does, and the stored text of the valid ones, by row index.
struct NewCustomers<'a> {
    rows: &'a [BatchRow],
    steps: &'a [Step<'a>],
    texts: &'a [Option<StoredText>],
}

/// Inserts a chunk's new customers with multi-row statements, and their tags; returns their
/// ids by row index.
async fn insert_created(
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
    // The ids come back with their lines; a batch that repeats a line is inserted row by row.
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
             phone, import_id, search_text, status, assigned_user_id, assigned_group_id) \
             values {} \
             returning id, line",
            values.sql(statement_rows.len(), CUSTOMER_COLUMNS, 1)
        );
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
                .bind(assignment.group_id);
        }
        let returned = query.fetch_all(&mut *tx).await?;
        let mut by_line = HashMap::with_capacity(returned.len());
        for row in &returned {
            let line: i64 = row.try_get("line")?;
            let id: i64 = row.try_get("id")?;
            by_line.insert(line, id);
        }
        for (index, ..) in statement_rows {
            ids.insert(*index, by_line[&to_i64(rows[*index].line)]);
        }
    }
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
    Ok(ids)
}

/// Gives a stored customer the record's values; returns the customer as it was (JSON), so that
/// revert can restore it. A missing email or phone is filled in only when no other customer
/// holds it.
async fn update_customer(
    tx: &mut AnyConnection,
    import: &StoredImport,
    customer_id: i64,
    record: &Record,
    now_millis: i64,
) -> Result<String, BatchError> {
    let (previous, stored_fields) = customer_as_it_is(tx, customer_id).await?;
    let record = &updated_record(&stored_fields, record);
    let (email, phone) = keys(record);
    let new_email = free_key(tx, import.workspace_id, "email", email).await?;
    let new_phone = free_key(tx, import.workspace_id, "phone", phone).await?;
    sqlx::query(
        "update customer set fields = $1, updated_at = $2, import_id = $3, \
         email = coalesce(email, $4), phone = coalesce(phone, $5) where id = $6",
    )
    .bind(serde_json::to_string(record).expect("records serialise"))
    .bind(now_millis)
    .bind(import.id)
    .bind(new_email)
    .bind(new_phone)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    index_customer(tx, customer_id, record).await?;
    Ok(previous)
}

/// `value` when no customer of the workspace holds it in `column`.
async fn free_key(
    tx: &mut AnyConnection,
    workspace_id: i64,
    column: &'static str,
    value: Option<&str>,
) -> Result<Option<String>, sqlx::Error> {
    let Some(value) = value else {
        return Ok(None);
    };
    let sql = format!("select id from customer where workspace_id = $1 and {column} = $2");
    let holder: Option<i64> = sqlx::query_scalar(&sql)
        .bind(workspace_id)
        .bind(value.to_owned())
        .fetch_optional(&mut *tx)
        .await?;
    Ok(holder.is_none().then(|| value.to_owned()))
}

/// The batch's lines, each once.
fn lines_of(batch: &Batch) -> Vec<i64> {
    let mut lines: Vec<i64> = batch.rows.iter().map(|row| to_i64(row.line)).collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Whether the import stored none of the batch's lines yet: the rows are corrections of rows
/// it rejected, or of rows the browser did not send because they had errors.
async fn none_stored_yet(db: &Db, import_id: i64, batch: &Batch) -> Result<bool, sqlx::Error> {
    let lines = lines_of(batch);
    let values = db.value_rows();
    for chunk in lines.chunks(values.per_statement(1) - 1) {
        let sql = format!(
            "select count(*) from import_row where import_id = {} \
             and outcome <> 'rejected' and line in {}",
            values.parameter(1),
            values.sql(1, chunk.len(), 2)
        );
        let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(import_id);
        for line in chunk {
            query = query.bind(*line);
        }
        if query.fetch_one(db.pool()).await? > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Drops the earlier rejections of the batch's lines: their new outcomes replace them in the
/// summary and the error file.
async fn forget_rejections(
    tx: &mut AnyConnection,
    values: ValueRows,
    import_id: i64,
    batch: &Batch,
) -> Result<(), sqlx::Error> {
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
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

/// Outcome columns per row.
const OUTCOME_COLUMNS: usize = 7;

/// Stores every row's outcome, for the summary, the error file and revert.
async fn insert_outcomes(
    tx: &mut AnyConnection,
    values: ValueRows,
    import_id: i64,
    batch_rows: &[BatchRow],
    rows: &[RowOutcome],
    previous: &[Option<String>],
) -> Result<(), sqlx::Error> {
    let indexes: Vec<usize> = (0..rows.len()).collect();
    for chunk in indexes.chunks(values.per_statement(OUTCOME_COLUMNS)) {
        let sql = format!(
            "insert into import_row (import_id, line, outcome, customer_id, detail, previous, \
             source) values {}",
            values.sql(chunk.len(), OUTCOME_COLUMNS, 1)
        );
        let mut query = sqlx::query(&sql);
        for &index in chunk {
            let row = &rows[index];
            let (outcome, customer_id) = match &row.outcome {
                Outcome::Created { customer_id } => ("created", Some(*customer_id)),
                Outcome::Updated { customer_id } => ("updated", Some(*customer_id)),
                Outcome::Skipped { customer_id, .. } => ("skipped", Some(*customer_id)),
                Outcome::Rejected { .. } => ("rejected", None),
            };
            let source = &batch_rows[index].source;
            query = query
                .bind(import_id)
                .bind(to_i64(row.line))
                .bind(outcome)
                .bind(customer_id)
                .bind(serde_json::to_string(row).expect("outcomes serialise"))
                .bind(previous[index].clone())
                .bind(
                    (!source.is_empty())
                        .then(|| serde_json::to_string(source).expect("cells serialise")),
                );
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
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

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A stored customer's fields, keys and last import, as JSON (to restore on revert), and its
/// fields alone (the record an update starts from).
async fn customer_as_it_is(
    tx: &mut AnyConnection,
    customer_id: i64,
) -> Result<(String, String), sqlx::Error> {
    let row = sqlx::query("select fields, email, phone, import_id from customer where id = $1")
        .bind(customer_id)
        .fetch_one(&mut *tx)
        .await?;
    let previous = PreviousCustomer {
        fields: row.try_get("fields")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        import_id: row.try_get("import_id")?,
    };
    let as_json = serde_json::to_string(&previous).expect("plain data serialises");
    Ok((as_json, previous.fields))
}

/// A customer before an import updated it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct PreviousCustomer {
    pub fields: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub import_id: Option<i64>,
}

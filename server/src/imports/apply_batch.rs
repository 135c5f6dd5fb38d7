//! Applying one batch of an import in one transaction: every record validated again with the
//! shared engine, then created, updated or skipped against the stored customers.

use clientela_shared::{
    Batch, BatchAnswer, DuplicatePolicy, Finding, Language, Outcome, OutcomeCounts, Reason, Record,
    RowOutcome, recheck_record,
};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use super::customer_index::index_customer;
use super::store::StoredImport;
use crate::db::Db;

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
    batch: &Batch,
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
    if import.status != "open" {
        return Err(BatchError::Closed);
    }

    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    let mut rows = Vec::with_capacity(batch.rows.len());
    for row in &batch.rows {
        let verdict = recheck_record(&import.profile, row.line, &row.record);
        let (outcome, previous) = if verdict.is_valid() {
            store_customer(&mut tx, import, row.line, &verdict.record, now_millis).await?
        } else {
            (rejected(&verdict.findings), None)
        };
        let outcome = RowOutcome {
            line: row.line,
            outcome,
        };
        record_outcome(&mut tx, import.id, &outcome, previous, &row.source).await?;
        rows.push(outcome);
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

/// What `batch` would do to the stored customers, worked out in a transaction that is then
/// rolled back: the same code as [`apply_batch`], so the preview cannot disagree with it.
pub(crate) async fn preview_batch(
    db: &Db,
    import: &StoredImport,
    batch: &Batch,
    now_millis: i64,
) -> Result<OutcomeCounts, BatchError> {
    if batch.rows.len() > Batch::MAX_ROWS {
        return Err(BatchError::TooManyRows(batch.rows.len()));
    }
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    let mut counts = OutcomeCounts::default();
    for row in &batch.rows {
        let verdict = recheck_record(&import.profile, row.line, &row.record);
        if !verdict.is_valid() {
            counts.rejected += 1;
            continue;
        }
        match store_customer(&mut tx, import, row.line, &verdict.record, now_millis)
            .await?
            .0
        {
            Outcome::Created { .. } => counts.created += 1,
            Outcome::Updated { .. } => counts.updated += 1,
            Outcome::Skipped { .. } => counts.skipped += 1,
            Outcome::Rejected { .. } => counts.rejected += 1,
        }
    }
    tx.rollback().await?;
    Ok(counts)
}

/// The outcome of a row the engine refused: its errors, with codes and English messages.
fn rejected(findings: &[Finding]) -> Outcome {
    let reasons = findings
        .iter()
        .filter(|finding| finding.is_error())
        .map(|finding| Reason {
            code: finding.code.as_str().to_owned(),
            field: finding.field.clone(),
            message: finding.message(Language::En),
        })
        .collect();
    Outcome::Rejected { reasons }
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

/// Creates the customer, or skips or updates the stored one with the same email or phone. An
/// update also returns the customer as it was (JSON), so that revert can restore it.
async fn store_customer(
    tx: &mut AnyConnection,
    import: &StoredImport,
    line: u64,
    record: &Record,
    now_millis: i64,
) -> Result<(Outcome, Option<String>), BatchError> {
    let email = record.fields.get("email").cloned();
    let phone = record
        .fields
        .get("phone")
        .or_else(|| record.fields.get("mobile"))
        .cloned();
    let by_email = find_by(tx, import.workspace_id, "email", email.as_deref()).await?;
    let by_phone = find_by(tx, import.workspace_id, "phone", phone.as_deref()).await?;
    let fields = serde_json::to_string(record).expect("records serialise");
    let existing = by_email
        .map(|id| (id, "email"))
        .or_else(|| by_phone.map(|id| (id, "phone")));
    match (existing, import.options.duplicates) {
        (Some((customer_id, matched_on)), DuplicatePolicy::Skip) => Ok((
            Outcome::Skipped {
                customer_id,
                matched_on: matched_on.to_owned(),
            },
            None,
        )),
        (Some((customer_id, _)), DuplicatePolicy::Update) => {
            let previous = customer_as_it_is(tx, customer_id).await?;
            // A key is only filled in when no other customer holds it.
            let new_email = email.filter(|_| by_email.is_none());
            let new_phone = phone.filter(|_| by_phone.is_none());
            sqlx::query(
                "update customer set fields = $1, updated_at = $2, import_id = $3, \
                 email = coalesce(email, $4), phone = coalesce(phone, $5) where id = $6",
            )
            .bind(fields)
            .bind(now_millis)
            .bind(import.id)
            .bind(new_email)
            .bind(new_phone)
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
            index_customer(tx, customer_id, record).await?;
            Ok((Outcome::Updated { customer_id }, Some(previous)))
        }
        (None, _) => {
            let customer_id: i64 = sqlx::query_scalar(
                "insert into customer \
                 (workspace_id, file_name, line, fields, created_at, email, phone, import_id) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
            )
            .bind(import.workspace_id)
            .bind(import.file_name.clone())
            .bind(i64::try_from(line).unwrap_or(i64::MAX))
            .bind(fields)
            .bind(now_millis)
            .bind(email)
            .bind(phone)
            .bind(import.id)
            .fetch_one(&mut *tx)
            .await?;
            index_customer(tx, customer_id, record).await?;
            Ok((Outcome::Created { customer_id }, None))
        }
    }
}

/// A stored customer's fields, keys and last import, as JSON.
async fn customer_as_it_is(
    tx: &mut AnyConnection,
    customer_id: i64,
) -> Result<String, sqlx::Error> {
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
    Ok(serde_json::to_string(&previous).expect("plain data serialises"))
}

/// A customer before an import updated it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct PreviousCustomer {
    pub fields: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub import_id: Option<i64>,
}

/// The workspace's customer whose `column` (`email` or `phone`) is `value`.
async fn find_by(
    tx: &mut AnyConnection,
    workspace_id: i64,
    column: &'static str,
    value: Option<&str>,
) -> Result<Option<i64>, sqlx::Error> {
    let Some(value) = value else {
        return Ok(None);
    };
    let sql = format!("select id from customer where workspace_id = $1 and {column} = $2");
    sqlx::query_scalar(&sql)
        .bind(workspace_id)
        .bind(value.to_owned())
        .fetch_optional(&mut *tx)
        .await
}

async fn record_outcome(
    tx: &mut AnyConnection,
    import_id: i64,
    row: &RowOutcome,
    previous: Option<String>,
    source: &[String],
) -> Result<(), sqlx::Error> {
    let (outcome, customer_id) = match &row.outcome {
        Outcome::Created { customer_id } => ("created", Some(*customer_id)),
        Outcome::Updated { customer_id } => ("updated", Some(*customer_id)),
        Outcome::Skipped { customer_id, .. } => ("skipped", Some(*customer_id)),
        Outcome::Rejected { .. } => ("rejected", None),
    };
    sqlx::query(
        "insert into import_row (import_id, line, outcome, customer_id, detail, previous, source) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(import_id)
    .bind(i64::try_from(row.line).unwrap_or(i64::MAX))
    .bind(outcome)
    .bind(customer_id)
    .bind(serde_json::to_string(row).expect("outcomes serialise"))
    .bind(previous)
    .bind((!source.is_empty()).then(|| serde_json::to_string(source).expect("cells serialise")))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

//! Writing one chunk of a batch's rows inside the batch's transaction: the
//! [plan](super::batch_plan) says what each row does; new customers and the outcomes go in with
//! multi-row statements, updated customers one by one (each keeps what the file lacks).

use std::collections::HashMap;

use clientela_shared::{BatchRow, Outcome, Record, RowOutcome};
use sqlx::{AnyConnection, Connection, Row};

use super::apply_batch::BatchError;
use super::assignment::Assigner;
use super::batch_plan::{Match, Step, all_new, keys, plan_batch};
use super::customer_index::index_customer;
use super::new_customers::{NewCustomers, insert_new_customers};
use super::record_check::CheckedChunk;
use super::record_update::updated_record;
use super::store::StoredImport;
use crate::db::ValueRows;

/// What writing a chunk of a batch needs: the batch's transaction, import and assigner.
pub(super) struct ChunkWriter<'a> {
    pub tx: &'a mut AnyConnection,
    pub values: ValueRows,
    pub import: &'a StoredImport,
    pub assigner: &'a mut Assigner,
    pub now_millis: i64,
    /// Whether the batch's chunks are still tried as all new customers first; false once one
    /// chunk held a stored customer, as a file of them (a re-import) goes on holding them.
    pub try_all_new: &'a mut bool,
}

impl ChunkWriter<'_> {
    /// Writes one chunk (its rows and their verdicts); gives each row's outcome. The customers
    /// earlier chunks created are stored by now, so a later row that repeats one is a duplicate
    /// of the stored customer.
    pub(super) async fn write(
        mut self,
        rows: &[BatchRow],
        checked: &CheckedChunk,
    ) -> Result<Vec<RowOutcome>, BatchError> {
        let (steps, created) = self.insert_chunk(rows, checked).await?;
        let ChunkWriter {
            tx,
            values,
            import,
            now_millis,
            ..
        } = self;
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

    /// What each row of a chunk does, with the new customers inserted (their ids by row index).
    ///
    /// The chunk is first inserted as if every valid row were a new customer, with no lookup:
    /// the usual import brings customers the workspace does not have, and the unique indexes
    /// look the keys up anyway. When a key is taken, that attempt is undone (it ran in a
    /// savepoint, and the assigner goes back to where it was) and the chunk is planned against
    /// the stored customers, so both ways end in the same outcomes.
    async fn insert_chunk<'r>(
        &mut self,
        rows: &[BatchRow],
        checked: &'r CheckedChunk,
    ) -> Result<(Vec<Step<'r>>, HashMap<usize, i64>), BatchError> {
        let (values, import, now_millis) = (self.values, self.import, self.now_millis);
        let all_new_steps = if *self.try_all_new {
            all_new(&checked.verdicts)
        } else {
            None
        };
        if let Some(steps) = all_new_steps {
            let assigner_before = self.assigner.clone();
            let mut attempt = self.tx.begin().await?;
            let chunk = NewCustomers {
                rows,
                steps: &steps,
                texts: &checked.texts,
            };
            let inserted = insert_new_customers(
                &mut attempt,
                values,
                import,
                &chunk,
                self.assigner,
                now_millis,
            )
            .await;
            match inserted {
                Ok(created) => {
                    attempt.commit().await?;
                    return Ok((steps, created));
                }
                Err(BatchError::Raced) => {
                    attempt.rollback().await?;
                    *self.assigner = assigner_before;
                    *self.try_all_new = false;
                }
                Err(err) => return Err(err),
            }
        }
        let steps = plan_batch(self.tx, values, import, &checked.verdicts).await?;
        let chunk = NewCustomers {
            rows,
            steps: &steps,
            texts: &checked.texts,
        };
        let created =
            insert_new_customers(self.tx, values, import, &chunk, self.assigner, now_millis)
                .await?;
        Ok((steps, created))
    }
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

/// Outcome columns per row.
const OUTCOME_COLUMNS: usize = 7;

/// Stores the outcome of every row that did not create a customer, for the summary, the error
/// file and revert; a rejected row with its cells, for the error file. (A created customer
/// keeps the import that created it instead, and the import counts them.)
async fn insert_outcomes(
    tx: &mut AnyConnection,
    values: ValueRows,
    import_id: i64,
    batch_rows: &[BatchRow],
    rows: &[RowOutcome],
    previous: &[Option<String>],
) -> Result<(), sqlx::Error> {
    let kept: Vec<usize> = (0..rows.len())
        .filter(|&index| !matches!(rows[index].outcome, Outcome::Created { .. }))
        .collect();
    for chunk in kept.chunks(values.per_statement(OUTCOME_COLUMNS)) {
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
            let keeps_source = outcome == "rejected" && !source.is_empty();
            query = query
                .bind(import_id)
                .bind(to_i64(row.line))
                .bind(outcome)
                .bind(customer_id)
                .bind(serde_json::to_string(row).expect("outcomes serialise"))
                .bind(previous[index].clone())
                .bind(
                    keeps_source.then(|| serde_json::to_string(source).expect("cells serialise")),
                );
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

pub(super) fn to_i64(n: u64) -> i64 {
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

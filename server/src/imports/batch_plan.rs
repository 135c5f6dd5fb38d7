//! Deciding, for every row of a batch at once (its records already checked), what it does: rejected by the engine, a new
//! customer, or a duplicate (of a stored customer or of an earlier row of the same batch) to skip
//! or update. One query finds the stored customers the batch's emails and phones belong to.

use std::collections::{HashMap, HashSet};

use clientela_shared::{DuplicatePolicy, Finding, Outcome, Reason, Record, RowVerdict};
use sqlx::AnyConnection;

use super::store::StoredImport;
use crate::db::ValueRows;
use crate::request_language;

/// A customer a row matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// A stored customer, by id.
    Stored(i64),
    /// The customer an earlier row of this batch creates, by row index.
    Earlier(usize),
}

/// What one row does (its record borrowed from the row's verdict).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step<'r> {
    /// The engine refused it.
    Reject(Outcome),
    /// A new customer.
    Create(&'r Record),
    /// A duplicate, left alone.
    Skip { of: Match, matched_on: &'static str },
    /// A duplicate whose stored customer takes this record.
    Update { of: Match, record: &'r Record },
}

/// A row's normalised keys: its email, and its phone (or mobile) in E.164.
pub(crate) fn keys(record: &Record) -> (Option<&str>, Option<&str>) {
    let email = record.fields.get("email").map(String::as_str);
    let phone = record
        .fields
        .get("phone")
        .or_else(|| record.fields.get("mobile"))
        .map(String::as_str);
    (email, phone)
}

/// Decides every row's step from its verdict (see [`check_records`](super::record_check)) and
/// the stored customers.
pub(crate) async fn plan_batch<'r>(
    connection: &mut AnyConnection,
    values: ValueRows,
    import: &StoredImport,
    verdicts: &'r [RowVerdict],
) -> Result<Vec<Step<'r>>, sqlx::Error> {
    let records: Vec<Option<&Record>> = verdicts
        .iter()
        .map(|verdict| verdict.is_valid().then_some(&verdict.record))
        .collect();
    let stored = stored_keys(connection, values, import.workspace_id, &records).await?;
    let mut steps = decide(&records, &stored, import.options.duplicates);
    for (step, verdict) in steps.iter_mut().zip(verdicts) {
        if !verdict.is_valid() {
            *step = Step::Reject(rejected(&verdict.findings));
        }
    }
    Ok(steps)
}

/// Every valid row as a new customer, and the refused ones refused, as [`plan_batch`] would
/// decide when none of the keys is stored; `None` when two valid rows share a key, so they
/// cannot both be new. Nothing is looked up: the insert finds out whether a key is stored.
pub(crate) fn all_new(verdicts: &[RowVerdict]) -> Option<Vec<Step<'_>>> {
    let mut emails = HashSet::new();
    let mut phones = HashSet::new();
    let mut steps = Vec::with_capacity(verdicts.len());
    for verdict in verdicts {
        if !verdict.is_valid() {
            steps.push(Step::Reject(rejected(&verdict.findings)));
            continue;
        }
        let (email, phone) = keys(&verdict.record);
        let repeated_email = email.is_some_and(|email| !emails.insert(email));
        let repeated_phone = phone.is_some_and(|phone| !phones.insert(phone));
        if repeated_email || repeated_phone {
            return None;
        }
        steps.push(Step::Create(&verdict.record));
    }
    Some(steps)
}

/// The stored customers' ids by email and by phone, for the keys `records` hold.
#[derive(Debug, Default)]
pub(crate) struct StoredKeys {
    pub by_email: HashMap<String, i64>,
    pub by_phone: HashMap<String, i64>,
}

/// One query per key column finds the stored customers of all the batch's keys, which go in as
/// one JSON array: a constant statement the database prepares once, where thousands of bound
/// parameters would make PostgreSQL plan every key on every batch. What it finds comes back as
/// one JSON text too.
async fn stored_keys(
    connection: &mut AnyConnection,
    values_sql: ValueRows,
    workspace_id: i64,
    records: &[Option<&Record>],
) -> Result<StoredKeys, sqlx::Error> {
    let mut stored = StoredKeys::default();
    for (column, is_email) in [("email", true), ("phone", false)] {
        let values: Vec<&str> = records
            .iter()
            .flatten()
            .filter_map(|record| {
                let (email, phone) = keys(record);
                if is_email { email } else { phone }
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        let sql = format!(
            "select {} from customer where workspace_id = {} and {column} {}",
            values_sql.json_pairs("id", column),
            values_sql.parameter(1),
            values_sql.in_json_array(2)
        );
        let found: Option<String> = sqlx::query_scalar(&sql)
            .bind(workspace_id)
            .bind(serde_json::to_string(&values).expect("strings serialise"))
            .fetch_one(&mut *connection)
            .await?;
        let found: Vec<(i64, String)> = match found {
            Some(json) => {
                serde_json::from_str(&json).map_err(|err| sqlx::Error::Decode(Box::new(err)))?
            }
            None => Vec::new(),
        };
        let map = if is_email {
            &mut stored.by_email
        } else {
            &mut stored.by_phone
        };
        for (id, key) in found {
            map.insert(key, id);
        }
    }
    Ok(stored)
}

/// The step of every valid record (`None`: refused by the engine, decided by the caller). A
/// match on email wins over one on phone; stored customers win over earlier rows.
pub(crate) fn decide<'r>(
    records: &[Option<&'r Record>],
    stored: &StoredKeys,
    policy: DuplicatePolicy,
) -> Vec<Step<'r>> {
    let mut new_by_email: HashMap<&str, usize> = HashMap::new();
    let mut new_by_phone: HashMap<&str, usize> = HashMap::new();
    let mut steps = Vec::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        let Some(record) = *record else {
            steps.push(Step::Reject(Outcome::Rejected {
                reasons: Vec::new(),
            }));
            continue;
        };
        let (email, phone) = keys(record);
        let on_email = email.and_then(|email| {
            stored
                .by_email
                .get(email)
                .map(|id| Match::Stored(*id))
                .or_else(|| new_by_email.get(email).map(|row| Match::Earlier(*row)))
        });
        let on_phone = phone.and_then(|phone| {
            stored
                .by_phone
                .get(phone)
                .map(|id| Match::Stored(*id))
                .or_else(|| new_by_phone.get(phone).map(|row| Match::Earlier(*row)))
        });
        let found = on_email
            .map(|of| (of, "email"))
            .or_else(|| on_phone.map(|of| (of, "phone")));
        steps.push(match (found, policy) {
            (None, _) => {
                if let Some(email) = email {
                    new_by_email.insert(email, index);
                }
                if let Some(phone) = phone {
                    new_by_phone.insert(phone, index);
                }
                Step::Create(record)
            }
            (Some((of, matched_on)), DuplicatePolicy::Skip) => Step::Skip { of, matched_on },
            (Some((of, _)), DuplicatePolicy::Update) => Step::Update { of, record },
        });
    }
    steps
}

/// The outcome of a row the engine refused: its errors, with codes and messages in the
/// language of the request (they go on to the error file and the summary email).
fn rejected(findings: &[Finding]) -> Outcome {
    let reasons = findings
        .iter()
        .filter(|finding| finding.is_error())
        .map(|finding| Reason {
            code: finding.code.as_str().to_owned(),
            field: finding.field.clone(),
            message: finding.message(request_language::current()),
        })
        .collect();
    Outcome::Rejected { reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(email: &str, phone: &str) -> Option<Record> {
        let mut record = Record::default();
        for (key, value) in [("email", email), ("phone", phone)] {
            if !value.is_empty() {
                record.fields.insert(key.into(), value.into());
            }
        }
        Some(record)
    }

    fn kinds(steps: &[Step<'_>]) -> Vec<String> {
        steps
            .iter()
            .map(|step| match step {
                Step::Reject(_) => "reject".to_owned(),
                Step::Create(_) => "create".to_owned(),
                Step::Skip { of, matched_on } => format!("skip {of:?} {matched_on}"),
                Step::Update { of, .. } => format!("update {of:?}"),
            })
            .collect()
    }

    #[test]
    fn duplicates_of_stored_customers_and_of_earlier_rows_are_found() {
        let mut stored = StoredKeys::default();
        stored.by_email.insert("old@example.com".into(), 7);
        stored.by_phone.insert("+593991234567".into(), 8);
        let records = [
            record("new@example.com", ""),
            record("old@example.com", "+593991234567"),
            record("x@example.com", "+593991234567"),
            None,
            record("NEW@example.com".to_lowercase().as_str(), "+593990000001"),
            record("", "+593990000001"),
        ];
        let records: Vec<Option<&Record>> = records.iter().map(Option::as_ref).collect();
        let steps = decide(&records, &stored, DuplicatePolicy::Skip);
        assert_eq!(
            kinds(&steps),
            [
                "create",
                "skip Stored(7) email",
                "skip Stored(8) phone",
                "reject",
                "skip Earlier(0) email",
                "create",
            ]
        );
        let steps = decide(&records, &stored, DuplicatePolicy::Update);
        assert_eq!(kinds(&steps)[1], "update Stored(7)");
        assert_eq!(kinds(&steps)[4], "update Earlier(0)");
    }
}

//! Validating a batch's records again, on every core: the engine is the same as the browser's,
//! and this is the CPU-heavy part of a batch (phone numbers above all), so it runs on blocking
//! threads before the batch takes its turn to write.

use std::num::NonZeroUsize;
use std::thread;

use clientela_shared::{Batch, BatchRow, Profile, RecordChecker, RowVerdict};

/// Fewer rows than this are checked on one thread: starting threads would cost more.
const ROWS_PER_THREAD: usize = 500;

/// Every row's verdict, in the batch's order.
pub(crate) async fn check_records(profile: &Profile, batch: &Batch) -> Vec<RowVerdict> {
    let profile = profile.clone();
    let rows = batch.rows.clone();
    tokio::task::spawn_blocking(move || check_in_parallel(&profile, &rows))
        .await
        .expect("validation does not panic")
}

fn check_in_parallel(profile: &Profile, rows: &[BatchRow]) -> Vec<RowVerdict> {
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let threads = cores.min(rows.len() / ROWS_PER_THREAD).max(1);
    let chunk = rows.len().div_ceil(threads).max(1);
    thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| scope.spawn(move || check_all(profile, part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().expect("validation does not panic"))
            .collect()
    })
}

fn check_all(profile: &Profile, rows: &[BatchRow]) -> Vec<RowVerdict> {
    let mut checker = RecordChecker::new(profile);
    rows.iter()
        .map(|row| checker.check(row.line, &row.record))
        .collect()
}

#[cfg(test)]
mod tests {
    use clientela_shared::Record;

    use super::*;

    #[test]
    fn verdicts_keep_the_rows_order_across_threads() {
        let profile = Profile {
            default_country: Some("EC".to_owned()),
            ..Profile::default()
        };
        let rows: Vec<BatchRow> = (0..2_000u64)
            .map(|i| {
                let mut record = Record::default();
                let email = if i % 7 == 0 {
                    "bad@".to_owned()
                } else {
                    format!("c{i}@example.com")
                };
                record.fields.insert("email".into(), email);
                BatchRow {
                    line: i + 2,
                    record,
                    source: Vec::new(),
                }
            })
            .collect();
        let verdicts = check_in_parallel(&profile, &rows);
        assert_eq!(verdicts.len(), rows.len());
        for (i, verdict) in verdicts.iter().enumerate() {
            assert_eq!(verdict.is_valid(), i % 7 != 0, "row {i}");
        }
    }
}

//! Validating a batch's records again, on every core: the engine is the same as the browser's,
//! and this is the CPU-heavy part of a batch (phone numbers above all), so it runs on blocking
//! threads, a chunk of rows at a time, while the batch writes the chunks already checked. The
//! same threads also write out the text each valid record would be stored as.

use std::num::NonZeroUsize;
use std::sync::Arc;
use std::thread;

use clientela_shared::{Batch, BatchRow, RecordChecker, RowVerdict};
use tokio::sync::mpsc;

use super::customer_index::StoredText;
use super::record_defaults::RecordDefaults;
use super::store::StoredImport;

/// Fewer rows than this are checked on one thread: starting threads would cost more.
const ROWS_PER_THREAD: usize = 500;

/// A chunk of checked rows, in the batch's order.
#[derive(Debug)]
pub(crate) struct CheckedChunk {
    pub verdicts: Vec<RowVerdict>,
    /// For each valid row, its record as a new customer would store it.
    pub texts: Vec<Option<StoredText>>,
}

/// The batch's rows checked, `rows_per_chunk` rows at a time and in the batch's order, each
/// chunk as soon as it is checked. The first chunk is a quarter of the others: the writer waits
/// for it with nothing else to do, and writes it while the next is checked. (The batch is shared
/// with the blocking threads, not copied: 5,000 records are megabytes.)
pub(crate) fn check_in_chunks(
    import: &StoredImport,
    batch: &Arc<Batch>,
    rows_per_chunk: usize,
) -> mpsc::Receiver<CheckedChunk> {
    // One chunk waiting is enough to keep the writer busy; more would only hold memory.
    let (sender, receiver) = mpsc::channel(1);
    let profile = import.profile.clone();
    let defaults = RecordDefaults::of(&import.profile, &import.options);
    let batch = Arc::clone(batch);
    tokio::task::spawn_blocking(move || {
        let threads = threads_for(rows_per_chunk.min(batch.rows.len()));
        // Checkers learn each column layout once; they live for the whole batch.
        let mut checkers: Vec<RecordChecker<'_>> =
            (0..threads).map(|_| RecordChecker::new(&profile)).collect();
        let rows_per_chunk = rows_per_chunk.max(1);
        let (first, rest) = batch
            .rows
            .split_at((rows_per_chunk / 4).max(1).min(batch.rows.len()));
        let chunks = std::iter::once(first).chain(rest.chunks(rows_per_chunk));
        for rows in chunks.filter(|rows| !rows.is_empty()) {
            let checked = check_in_parallel(&mut checkers, &defaults, rows);
            // A closed channel: the batch failed and nobody waits for the rest.
            if sender.blocking_send(checked).is_err() {
                break;
            }
        }
    });
    receiver
}

/// Every row's verdict, in the batch's order.
pub(crate) async fn check_records(import: &StoredImport, batch: &Arc<Batch>) -> Vec<RowVerdict> {
    let mut chunks = check_in_chunks(import, batch, batch.rows.len());
    let mut verdicts = Vec::with_capacity(batch.rows.len());
    while let Some(chunk) = chunks.recv().await {
        verdicts.extend(chunk.verdicts);
    }
    assert_eq!(
        verdicts.len(),
        batch.rows.len(),
        "validation does not panic"
    );
    verdicts
}

/// How many threads check `rows` rows.
fn threads_for(rows: usize) -> usize {
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    cores.min(rows / ROWS_PER_THREAD).max(1)
}

fn check_in_parallel(
    checkers: &mut [RecordChecker<'_>],
    defaults: &RecordDefaults,
    rows: &[BatchRow],
) -> CheckedChunk {
    let threads = checkers.len().min(threads_for(rows.len()));
    let part_rows = rows.len().div_ceil(threads).max(1);
    let mut checked = CheckedChunk {
        verdicts: Vec::with_capacity(rows.len()),
        texts: Vec::with_capacity(rows.len()),
    };
    thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(part_rows)
            .zip(checkers.iter_mut())
            .map(|(part, checker)| scope.spawn(move || check_all(checker, defaults, part)))
            .collect();
        for handle in handles {
            let part = handle.join().expect("validation does not panic");
            checked.verdicts.extend(part.verdicts);
            checked.texts.extend(part.texts);
        }
    });
    checked
}

/// Checks `rows`, and gives the valid ones the import's tags and status.
fn check_all(
    checker: &mut RecordChecker<'_>,
    defaults: &RecordDefaults,
    rows: &[BatchRow],
) -> CheckedChunk {
    let verdicts: Vec<RowVerdict> = rows
        .iter()
        .map(|row| {
            let mut verdict = checker.check(row.line, &row.record);
            defaults.apply(&mut verdict);
            verdict
        })
        .collect();
    let texts = verdicts
        .iter()
        .map(|verdict| verdict.is_valid().then(|| StoredText::of(&verdict.record)))
        .collect();
    CheckedChunk { verdicts, texts }
}

#[cfg(test)]
mod tests {
    use clientela_shared::{Profile, Record};

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
        let mut checkers = vec![RecordChecker::new(&profile), RecordChecker::new(&profile)];
        let checked = check_in_parallel(&mut checkers, &RecordDefaults::default(), &rows);
        assert_eq!(checked.verdicts.len(), rows.len());
        for (i, verdict) in checked.verdicts.iter().enumerate() {
            assert_eq!(verdict.is_valid(), i % 7 != 0, "row {i}");
            let text = checked.texts[i].as_ref();
            assert_eq!(text.is_some(), verdict.is_valid(), "row {i}");
            assert_eq!(
                text,
                verdict
                    .is_valid()
                    .then(|| StoredText::of(&verdict.record))
                    .as_ref()
            );
        }
    }
}

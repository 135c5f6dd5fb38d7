//! SQLite's checkpoints, on a task of their own. In WAL mode a commit appends to the log and
//! waits for the disk; a checkpoint copies the log into the database file and waits for the
//! disk again. SQLite would run one inside whichever commit fills the log past 1,000 pages,
//! which is most import batches. Here they run beside the writes: after each big write, and
//! every few seconds for the small ones.

use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use tokio::sync::Notify;

/// The longest the log goes without a checkpoint while the server writes a little.
const AT_LEAST_EVERY: Duration = Duration::from_secs(5);

/// Wakes the checkpoint task.
#[derive(Clone, Debug)]
pub(crate) struct Checkpoints {
    wake: Arc<Notify>,
}

impl Checkpoints {
    /// Starts checkpointing the database of `pool` until the pool is closed.
    pub(crate) fn start(pool: AnyPool) -> Checkpoints {
        let wake = Arc::new(Notify::new());
        let woken = Arc::clone(&wake);
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = woken.notified() => {}
                    () = tokio::time::sleep(AT_LEAST_EVERY) => {}
                }
                // PASSIVE copies what no reader still needs and waits for nobody: a write going
                // on meanwhile is not held up. A closed pool ends the task (closing the last
                // connection checkpoints the whole log).
                if pool.is_closed() {
                    break;
                }
                if let Err(err) = sqlx::query("pragma wal_checkpoint(passive)")
                    .execute(&pool)
                    .await
                {
                    tracing::warn!(%err, "SQLite checkpoint failed; the next one tries again");
                }
            }
        });
        Checkpoints { wake }
    }

    /// Asks for a checkpoint soon, after a write that grew the log by much.
    pub(crate) fn after_big_write(&self) {
        self.wake.notify_one();
    }
}

//! The buckets in PostgreSQL, which every replica of the server shares: a caller gets the limit
//! once, whichever replicas its requests reach.
//!
//! One statement a request takes a token from the caller's bucket, refilled for the time since
//! it was last used, or changes nothing when fewer than one is there. The database's clock is
//! the one clock, so replicas whose clocks differ still agree. The table is unlogged: after a
//! database crash the buckets start full, which costs nothing but a fresh minute's allowance.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use sqlx::Row;

use crate::db::Db;

/// The database's clock, in milliseconds.
const NOW_MS: &str = "(extract(epoch from clock_timestamp()) * 1000)::float8";

/// Every this many requests, the buckets of idle callers are deleted.
const PRUNE_EVERY: u32 = 1024;

/// Every caller's bucket, in the database.
#[derive(Debug)]
pub struct SharedBuckets {
    db: Db,
    /// Requests a caller may send a minute, which is also the largest burst.
    per_minute: u32,
    /// Requests counted since the last clean-up.
    since_prune: AtomicU32,
}

impl SharedBuckets {
    /// A limit of `per_minute` (more than 0) requests a minute per caller, counted in `db`.
    pub fn new(db: Db, per_minute: u32) -> SharedBuckets {
        SharedBuckets {
            db,
            per_minute,
            // The first request cleans up too: a new replica finds what earlier ones left.
            since_prune: AtomicU32::new(PRUNE_EVERY - 1),
        }
    }

    /// Counts one request of `caller`: `Err` says how long until it may send the next.
    pub async fn take(&self, caller: &str) -> Result<Result<(), Duration>, sqlx::Error> {
        if self.since_prune.fetch_add(1, Ordering::Relaxed) + 1 >= PRUNE_EVERY {
            self.since_prune.store(0, Ordering::Relaxed);
            self.forget_idle_callers().await?;
        }
        let refilled = self.refilled("b.tokens", "b.updated_at");
        let taken = sqlx::query(&format!(
            "insert into rate_bucket as b (caller, tokens, updated_at) \
             values ($1, $2::float8 - 1, {NOW_MS}) \
             on conflict (caller) do update set tokens = {refilled} - 1, updated_at = {NOW_MS} \
             where {refilled} >= 1"
        ))
        .bind(caller)
        .bind(f64::from(self.per_minute))
        .execute(self.db.pool())
        .await?;
        if taken.rows_affected() == 1 {
            return Ok(Ok(()));
        }
        let row = sqlx::query(&format!(
            "select {} as tokens from rate_bucket where caller = $1",
            self.refilled("tokens", "updated_at")
        ))
        .bind(caller)
        .fetch_one(self.db.pool())
        .await?;
        let tokens: f64 = row.try_get("tokens")?;
        let per_second = f64::from(self.per_minute) / 60.0;
        Ok(Err(Duration::from_secs_f64(
            (1.0 - tokens).max(0.0) / per_second,
        )))
    }

    /// The tokens of a bucket now: what it had, plus the refill since, up to a minute's worth.
    fn refilled(&self, tokens: &str, updated_at: &str) -> String {
        let capacity = f64::from(self.per_minute);
        let per_ms = capacity / 60_000.0;
        format!("least({capacity:?}, {tokens} + greatest({NOW_MS} - {updated_at}, 0) * {per_ms:?})")
    }

    /// Deletes full buckets: a full bucket is the same as none.
    async fn forget_idle_callers(&self) -> Result<(), sqlx::Error> {
        let capacity = f64::from(self.per_minute);
        sqlx::query(&format!(
            "delete from rate_bucket where {} >= {capacity:?}",
            self.refilled("tokens", "updated_at")
        ))
        .execute(self.db.pool())
        .await?;
        Ok(())
    }
}

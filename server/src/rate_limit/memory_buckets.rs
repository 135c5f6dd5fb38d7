//! The buckets in this process's memory: exact for one server process (SQLite's case, where
//! one process owns the database file).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many callers are remembered before the first clean-up of idle ones.
const FIRST_PRUNE_AT: usize = 1024;

/// Every caller's bucket, in memory.
#[derive(Debug)]
pub struct MemoryBuckets {
    /// Requests a caller may send a minute, which is also the largest burst; 0 means no limit.
    per_minute: u32,
    buckets: Mutex<Buckets>,
}

#[derive(Debug)]
struct Buckets {
    by_caller: HashMap<String, Bucket>,
    /// Idle callers are forgotten when this many are remembered.
    prune_at: usize,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Requests the caller may still send at once.
    tokens: f64,
    /// When `tokens` was last brought up to date.
    updated: Instant,
}

impl MemoryBuckets {
    /// A limit of `per_minute` requests a minute per caller; 0 turns rate limiting off.
    pub fn new(per_minute: u32) -> MemoryBuckets {
        MemoryBuckets {
            per_minute,
            buckets: Mutex::new(Buckets {
                by_caller: HashMap::new(),
                prune_at: FIRST_PRUNE_AT,
            }),
        }
    }

    /// Counts one request of `caller` at `now`: `Err` says how long until it may send the next.
    pub fn take(&self, caller: &str, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let refilled = |bucket: &Bucket| {
            let idle = now.saturating_duration_since(bucket.updated).as_secs_f64();
            (bucket.tokens + idle * per_second).min(capacity)
        };
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.by_caller.len() >= buckets.prune_at {
            // A full bucket is the same as none: forget those callers.
            buckets
                .by_caller
                .retain(|_, bucket| refilled(bucket) < capacity);
            buckets.prune_at = FIRST_PRUNE_AT.max(2 * buckets.by_caller.len());
        }
        let bucket = buckets
            .by_caller
            .entry(caller.to_owned())
            .or_insert(Bucket {
                tokens: capacity,
                updated: now,
            });
        bucket.tokens = refilled(bucket);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_goes_through_then_the_caller_waits_for_the_refill() {
        let limiter = MemoryBuckets::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            assert_eq!(limiter.take("ana", start), Ok(()));
        }
        assert_eq!(limiter.take("ana", start), Err(Duration::from_secs(1)));
        assert_eq!(limiter.take("luis", start), Ok(()), "another caller");
        let later = start + Duration::from_millis(1500);
        assert_eq!(limiter.take("ana", later), Ok(()));
        assert!(limiter.take("ana", later).is_err());
    }

    #[test]
    fn zero_means_no_limit() {
        let limiter = MemoryBuckets::new(0);
        let now = Instant::now();
        assert!((0..10_000).all(|_| limiter.take("ana", now).is_ok()));
    }

    #[test]
    fn idle_callers_are_forgotten() {
        let limiter = MemoryBuckets::new(60);
        let start = Instant::now();
        for caller in 0..FIRST_PRUNE_AT {
            limiter.take(&caller.to_string(), start).unwrap();
        }
        let later = start + Duration::from_secs(2);
        limiter.take("ana", later).unwrap();
        let buckets = limiter.buckets.lock().unwrap();
        assert_eq!(buckets.by_caller.len(), 1, "only Ana is remembered");
    }
}

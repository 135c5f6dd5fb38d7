//! The server's one reading of the clock, so every stored time has the same unit.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, as unix time in milliseconds.
pub fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

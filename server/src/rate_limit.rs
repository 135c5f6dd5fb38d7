//! Rate limiting: each caller may send so many API requests a minute (`CLIENTELA_RATE_LIMIT`),
//! and is answered 429 with `Retry-After` beyond that.
//!
//! A caller is its API token or its session cookie (kept here only as a hash), or, for a request
//! that carries neither, the address it comes from. Signing in always counts per address, so that
//! sending a made-up token along does not buy fresh password guesses. Behind a reverse proxy every
//! anonymous request comes from the proxy's address and they share one allowance.
//!
//! Each caller has a token bucket: it holds a minute's worth of requests and refills steadily, so
//! a burst (an import sending its batches back to back) goes through at once, and only a caller
//! who keeps going faster than the limit waits.
//!
//! The buckets live in this process's memory: with several replicas behind a load balancer, each
//! counts on its own, so a caller may get up to the limit from each of them.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::accounts::hash_secret;
use crate::auth::{bearer_token, session_cookie};
use crate::error::ApiError;
use crate::routes::session::SIGN_IN_PATH;
use crate::state::AppState;

/// The limit when none is configured: fifty requests a second, far above what a person clicking
/// needs, and enough for a browser sending 1,000-row batches at 50,000 rows a second.
pub const DEFAULT_RATE_LIMIT: u32 = 3_000;

/// How many callers are remembered before the first clean-up of idle ones.
const FIRST_PRUNE_AT: usize = 1024;

/// Counts every caller's requests against the same limit.
#[derive(Debug)]
pub struct RateLimiter {
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

impl RateLimiter {
    /// A limit of `per_minute` requests a minute per caller; 0 turns rate limiting off.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            buckets: Mutex::new(Buckets {
                by_caller: HashMap::new(),
                prune_at: FIRST_PRUNE_AT,
            }),
        }
    }

    /// Counts one request of `caller` at `now`: `Err` says how long until it may send the next.
    fn take(&self, caller: &str, now: Instant) -> Result<(), Duration> {
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

/// The middleware: passes the request on, or answers 429 when its caller is over the limit.
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match state.rate_limiter.take(&caller(&request), Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            tracing::info!(retry_after = ?wait, "rate limited");
            ApiError::TooManyRequests {
                retry_after_seconds: wait.as_secs_f64().ceil().max(1.0) as u64,
            }
            .into_response()
        }
    }
}

/// Whose allowance `request` counts against.
fn caller(request: &Request) -> String {
    let headers = request.headers();
    let signs_in = request.method() == Method::POST && request.uri().path() == SIGN_IN_PATH;
    if !signs_in {
        if let Some(token) = bearer_token(headers) {
            return format!("token {}", hash_secret(token));
        }
        if let Some(cookie) = session_cookie(headers) {
            return format!("session {}", hash_secret(cookie));
        }
    }
    match request.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(ConnectInfo(address)) => format!("address {}", address.ip()),
        // Served without addresses (as in tests): every anonymous request is one caller.
        None => "address unknown".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_goes_through_then_the_caller_waits_for_the_refill() {
        let limiter = RateLimiter::new(60);
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
        let limiter = RateLimiter::new(0);
        let now = Instant::now();
        assert!((0..10_000).all(|_| limiter.take("ana", now).is_ok()));
    }

    #[test]
    fn idle_callers_are_forgotten() {
        let limiter = RateLimiter::new(60);
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

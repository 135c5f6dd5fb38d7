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
//! With PostgreSQL the buckets are in the database, so replicas behind a load balancer share one
//! allowance per caller (`shared_buckets`); with SQLite, one process serves the file and keeps
//! them in memory (`memory_buckets`).

mod memory_buckets;
mod shared_buckets;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::accounts::hash_secret;
use crate::auth::{bearer_token, session_cookie};
use crate::db::Db;
use crate::error::ApiError;
use crate::routes::session::SIGN_IN_PATH;
use crate::state::AppState;
use memory_buckets::MemoryBuckets;
use shared_buckets::SharedBuckets;

/// The limit when none is configured: fifty requests a second, far above what a person clicking
/// needs, and enough for a browser sending 1,000-row batches at 50,000 rows a second.
pub const DEFAULT_RATE_LIMIT: u32 = 3_000;

/// Counts every caller's requests against the same limit.
#[derive(Debug)]
pub enum RateLimiter {
    /// No limit.
    Off,
    /// Buckets in this process (SQLite).
    Memory(MemoryBuckets),
    /// Buckets in the database, shared by every replica (PostgreSQL).
    Shared(SharedBuckets),
}

impl RateLimiter {
    /// A limit of `per_minute` requests a minute per caller, kept where `db`'s replicas all see
    /// it; 0 turns rate limiting off.
    pub fn new(db: &Db, per_minute: u32) -> RateLimiter {
        if per_minute == 0 {
            RateLimiter::Off
        } else if db.is_postgres() {
            RateLimiter::Shared(SharedBuckets::new(db.clone(), per_minute))
        } else {
            RateLimiter::Memory(MemoryBuckets::new(per_minute))
        }
    }

    /// Counts one request of `caller`: `Err` says how long until it may send the next.
    async fn take(&self, caller: &str) -> Result<(), Duration> {
        match self {
            RateLimiter::Off => Ok(()),
            RateLimiter::Memory(buckets) => buckets.take(caller, Instant::now()),
            RateLimiter::Shared(buckets) => buckets.take(caller).await.unwrap_or_else(|err| {
                // The request goes through: a database that cannot count it either serves
                // nothing, or is back a moment later. Refusing would add an outage to a hiccup.
                tracing::warn!(%err, "the rate limit could not be counted");
                Ok(())
            }),
        }
    }
}

/// The middleware: passes the request on, or answers 429 when its caller is over the limit.
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match state.rate_limiter.take(&caller(&request)).await {
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

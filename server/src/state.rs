//! What every handler can reach.

use std::sync::Arc;

use crate::auth::AuthConfig;
use crate::db::Db;
use crate::mail::Mailer;
use crate::rate_limit::{DEFAULT_RATE_LIMIT, RateLimiter};

/// Shared, cheaply cloned state of the server.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// How callers are recognised.
    pub auth: Arc<AuthConfig>,
    /// Sends emails when SMTP is configured.
    pub mailer: Option<Arc<Mailer>>,
    /// Counts each caller's requests.
    pub rate_limiter: Arc<RateLimiter>,
}

impl AppState {
    /// State over `db` with no admin token and `Secure` cookies.
    pub fn new(db: Db) -> AppState {
        AppState::with_auth(db, AuthConfig::new(None, true))
    }

    /// State over `db` recognising callers as `auth` says, with the default rate limit.
    pub fn with_auth(db: Db, auth: AuthConfig) -> AppState {
        AppState {
            auth: Arc::new(auth),
            mailer: None,
            rate_limiter: Arc::new(RateLimiter::new(&db, DEFAULT_RATE_LIMIT)),
            db,
        }
    }

    /// The same state, sending emails through `mailer`.
    pub fn with_mailer(mut self, mailer: Mailer) -> AppState {
        self.mailer = Some(Arc::new(mailer));
        self
    }

    /// The same state, allowing each caller `per_minute` API requests a minute (0: no limit).
    pub fn with_rate_limit(mut self, per_minute: u32) -> AppState {
        self.rate_limiter = Arc::new(RateLimiter::new(&self.db, per_minute));
        self
    }
}

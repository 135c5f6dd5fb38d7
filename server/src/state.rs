//! What every handler can reach.

use std::sync::Arc;

use crate::auth::AuthConfig;
use crate::db::Db;
use crate::mail::Mailer;

/// Shared, cheaply cloned state of the server.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// How callers are recognised.
    pub auth: Arc<AuthConfig>,
    /// Sends emails when SMTP is configured.
    pub mailer: Option<Arc<Mailer>>,
}

impl AppState {
    /// State over `db` with no admin token and `Secure` cookies.
    pub fn new(db: Db) -> AppState {
        AppState::with_auth(db, AuthConfig::new(None, true))
    }

    /// State over `db` recognising callers as `auth` says.
    pub fn with_auth(db: Db, auth: AuthConfig) -> AppState {
        AppState {
            db,
            auth: Arc::new(auth),
            mailer: None,
        }
    }

    /// The same state, sending emails through `mailer`.
    pub fn with_mailer(mut self, mailer: Mailer) -> AppState {
        self.mailer = Some(Arc::new(mailer));
        self
    }
}

//! What every handler can reach.

use crate::db::Db;

/// Shared, cheaply cloned state of the server.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
}

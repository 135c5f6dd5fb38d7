//! Connecting to the database (SQLite or PostgreSQL, chosen by the URL) and migrating it.

use std::sync::Arc;

use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use tokio::sync::{Mutex, MutexGuard};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// The database the server stores everything in.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// SQLite has one writer at a time, and a transaction that read before writing fails instead
    /// of waiting when another writer got there first. Write transactions therefore take turns
    /// here. (SQLite serves one server process; PostgreSQL needs no such lock.)
    sqlite_writer: Option<Arc<Mutex<()>>>,
}

impl Db {
    /// Connects to `url` (`sqlite://file.db?mode=rwc` or `postgres://…`) and applies the migrations.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let is_postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
        let pool = AnyPoolOptions::new()
            .max_connections(if is_postgres { 16 } else { 4 })
            .connect(url)
            .await?;
        if is_postgres {
            POSTGRES_MIGRATIONS.run(&pool).await?;
        } else {
            // Readers never wait for the writer in WAL mode.
            sqlx::query("pragma journal_mode = wal")
                .execute(&pool)
                .await?;
            SQLITE_MIGRATIONS.run(&pool).await?;
        }
        let sqlite_writer = (!is_postgres).then(|| Arc::new(Mutex::new(())));
        Ok(Db {
            pool,
            sqlite_writer,
        })
    }

    /// Rows per multi-row `insert`. SQLite's driver looks every numbered parameter up by name,
    /// which costs the square of the parameters in one statement, so SQLite gets small ones.
    pub fn rows_per_insert(&self, columns: usize) -> usize {
        let parameters = if self.sqlite_writer.is_some() {
            400
        } else {
            5_000
        };
        (parameters / columns.max(1)).max(1)
    }

    /// Waits for this process's turn to write, on SQLite; on PostgreSQL, at once.
    pub async fn write_turn(&self) -> Option<MutexGuard<'_, ()>> {
        match &self.sqlite_writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        }
    }

    /// Closes every connection, after the queries under way. SQLite then folds its write-ahead
    /// log into the database file, so the file alone is a complete copy.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The connection pool, for queries.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

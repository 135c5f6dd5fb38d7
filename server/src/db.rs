//! Connecting to the database (SQLite or PostgreSQL, chosen by the URL) and migrating it.

use std::sync::Arc;

use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use tokio::sync::{Mutex, MutexGuard};

use crate::sqlite_checkpoints::Checkpoints;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Settings of every SQLite connection.
const SQLITE_PRAGMAS: [&str; 3] = [
    // Every commit waits for the disk: a batch the server answered "created" survives a power
    // cut too, not only a crash of the server. (NORMAL would sync the log only at checkpoints
    // and could lose the last answered batches.)
    "pragma synchronous = full",
    // 16 MiB of page cache (the default is 2 MiB): the customers' unique indexes take random
    // inserts, which otherwise read their pages back from the OS on every batch.
    "pragma cache_size = -16384",
    // No checkpoint inside a commit: they run on a task of their own (`sqlite_checkpoints.rs`).
    "pragma wal_autocheckpoint = 0",
];

/// The database the server stores everything in.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// SQLite has one writer at a time, and a transaction that read before writing fails instead
    /// of waiting when another writer got there first. Write transactions therefore take turns
    /// here. (SQLite serves one server process; PostgreSQL needs no such lock.)
    sqlite_writer: Option<Arc<Mutex<()>>>,
    /// SQLite's checkpoint task.
    checkpoints: Option<Checkpoints>,
}

impl Db {
    /// Connects to `url` (`sqlite://file.db?mode=rwc` or `postgres://…`) and applies the migrations.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let is_postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
        let mut options = AnyPoolOptions::new().max_connections(if is_postgres { 16 } else { 4 });
        if !is_postgres {
            options = options.after_connect(|connection, _| {
                Box::pin(async move {
                    for pragma in SQLITE_PRAGMAS {
                        sqlx::query(pragma).execute(&mut *connection).await?;
                    }
                    Ok(())
                })
            });
        }
        let pool = options.connect(url).await?;
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
        let checkpoints = (!is_postgres).then(|| Checkpoints::start(pool.clone()));
        Ok(Db {
            pool,
            sqlite_writer,
            checkpoints,
        })
    }

    /// How this database's multi-row statements are written.
    pub fn value_rows(&self) -> ValueRows {
        ValueRows {
            anonymous: self.sqlite_writer.is_some(),
        }
    }

    /// Whether this is PostgreSQL, which several replicas of the server may share; else SQLite.
    pub fn is_postgres(&self) -> bool {
        self.sqlite_writer.is_none()
    }

    /// Waits for this process's turn to write, on SQLite; on PostgreSQL, at once.
    pub async fn write_turn(&self) -> Option<MutexGuard<'_, ()>> {
        match &self.sqlite_writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        }
    }

    /// Tells SQLite's checkpoint task that a write grew the log by much (an import batch, a
    /// revert); nothing on PostgreSQL.
    pub(crate) fn after_big_write(&self) {
        if let Some(checkpoints) = &self.checkpoints {
            checkpoints.after_big_write();
        }
    }

    /// Closes every connection, once the server has finished its requests. SQLite first folds
    /// its write-ahead log into the database file, so the file alone is a complete copy.
    pub async fn close(&self) {
        if self.checkpoints.is_some() {
            // With automatic checkpoints off, closing the connections leaves the log as it is
            // (the test below fails without this).
            last_checkpoint(&self.pool).await;
        }
        self.pool.close().await;
    }

    /// The connection pool, for queries.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

/// Copies SQLite's whole log into the database file and empties it, trying again while the
/// checkpoint task's own checkpoint is under way (SQLite then answers "busy").
async fn last_checkpoint(pool: &AnyPool) {
    for _ in 0..50 {
        match sqlx::query_scalar::<_, i64>("pragma wal_checkpoint(truncate)")
            .fetch_one(pool)
            .await
        {
            Ok(0) => return,
            Ok(_busy) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
            Err(err) => {
                tracing::warn!(%err, "the last SQLite checkpoint failed; the log keeps the rest");
                return;
            }
        }
    }
    tracing::warn!("the last SQLite checkpoint stayed busy; the log keeps the rest");
}

/// Writes the `values (…), (…)` of multi-row statements for one database.
///
/// SQLite looks a numbered parameter (`$7`) up by name in a list, which costs the square of the
/// parameters in one statement; anonymous ones (`?`) are bound by position at no such cost, so
/// SQLite gets those. PostgreSQL only knows numbered ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueRows {
    anonymous: bool,
}

impl ValueRows {
    /// Parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535, and
    /// enough for one statement per chunk of an import batch (1,000 customers of 13 columns).
    const PARAMETERS: usize = 13_000;

    /// How many rows of `columns` values one statement takes.
    pub fn per_statement(self, columns: usize) -> usize {
        (Self::PARAMETERS / columns.max(1)).max(1)
    }

    /// `($1, $2), ($3, $4)` (or `(?, ?), (?, ?)`): `rows` groups of `columns` parameters,
    /// numbered from `$first`. A statement must not mix them with other numbered parameters.
    pub fn sql(self, rows: usize, columns: usize, first: usize) -> String {
        use std::fmt::Write;

        // Written in place: a statement has up to 13,000 parameters, one allocation each would
        // show in a batch's profile.
        let mut sql = String::with_capacity(rows * columns * 8);
        for row in 0..rows {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..columns {
                if column > 0 {
                    sql.push_str(", ");
                }
                if self.anonymous {
                    sql.push('?');
                } else {
                    let n = first + row * columns + column;
                    write!(sql, "${n}").expect("writing to a String cannot fail");
                }
            }
            sql.push(')');
        }
        sql
    }

    /// `in (…)` the elements of the JSON array of strings bound as the `n`th parameter: many
    /// values in one parameter, for a statement that stays the same whatever their number.
    pub fn in_json_array(self, n: usize) -> String {
        if self.anonymous {
            "in (select value from json_each(?))".to_owned()
        } else {
            // `= any(array(…))` probes the index once per value; PostgreSQL plans `in (select …)`
            // as a join that reads more.
            format!("= any(array(select json_array_elements_text(${n}::json)))")
        }
    }

    /// The select list that gives a query's rows as one JSON text, `[[first, second], …]`
    /// (`[]` or null when there are none): thousands of rows read as one value, rather than
    /// one at a time through the driver.
    pub fn json_pairs(self, first: &str, second: &str) -> String {
        if self.anonymous {
            format!("json_group_array(json_array({first}, {second}))")
        } else {
            format!("json_agg(json_build_array({first}, {second}))::text")
        }
    }

    /// Whether these are SQLite's statements; else PostgreSQL's.
    pub fn is_sqlite(self) -> bool {
        self.anonymous
    }

    /// The `n`th parameter (from 1) of a statement written with [`ValueRows::sql`].
    pub fn parameter(self, n: usize) -> String {
        if self.anonymous {
            "?".to_owned()
        } else {
            format!("${n}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Db, ValueRows};

    #[tokio::test]
    async fn every_sqlite_connection_is_in_wal_mode_and_waits_for_the_disk_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = Db::connect(&url).await.unwrap();
        // Two connections at once: the pragmas are set on each, not once per pool.
        let mut first = db.pool().acquire().await.unwrap();
        let mut second = db.pool().acquire().await.unwrap();
        for connection in [&mut first, &mut second] {
            let synchronous: i64 = sqlx::query_scalar("pragma synchronous")
                .fetch_one(&mut **connection)
                .await
                .unwrap();
            assert_eq!(synchronous, 2, "full");
            let journal: String = sqlx::query_scalar("pragma journal_mode")
                .fetch_one(&mut **connection)
                .await
                .unwrap();
            assert_eq!(journal, "wal");
        }
    }

    #[tokio::test]
    async fn closing_folds_the_log_into_the_database_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Db::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        sqlx::query("insert into workspace (name, created_at) values ('W', 0)")
            .execute(db.pool())
            .await
            .unwrap();
        let log = dir.path().join("t.db-wal");
        assert!(log.metadata().unwrap().len() > 0, "the write is in the log");
        db.close().await;
        let log_left = log.metadata().map_or(0, |log| log.len());
        assert_eq!(
            log_left, 0,
            "no checkpoint inside commits, but one on closing"
        );
    }

    #[tokio::test]
    async fn a_big_write_is_copied_into_the_database_file_soon_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Db::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let size_before = path.metadata().unwrap().len();
        sqlx::query(
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000) \
             insert into workspace (name, created_at) select 'W' || i, 0 from n",
        )
        .execute(db.pool())
        .await
        .unwrap();
        assert_eq!(
            path.metadata().unwrap().len(),
            size_before,
            "the commit only logs"
        );
        db.after_big_write();
        for _ in 0..100 {
            if path.metadata().unwrap().len() > size_before {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("the checkpoint task did not copy the log into the file");
    }

    #[test]
    fn postgres_numbers_parameters_and_sqlite_does_not() {
        let postgres = ValueRows { anonymous: false };
        assert_eq!(postgres.sql(2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(postgres.sql(1, 2, 3), "($3, $4)");
        let sqlite = ValueRows { anonymous: true };
        assert_eq!(sqlite.sql(2, 2, 1), "(?, ?), (?, ?)");
        assert_eq!(sqlite.per_statement(13), 1_000);
    }
}

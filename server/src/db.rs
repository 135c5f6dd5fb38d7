//! Connecting to the database (SQLite or PostgreSQL, chosen by the URL) and migrating it.

use std::sync::Arc;

use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use tokio::sync::{Mutex, MutexGuard};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Settings of every SQLite connection.
const SQLITE_PRAGMAS: [&str; 2] = [
    // Every commit waits for the disk: a batch the server answered "created" survives a power
    // cut too, not only a crash of the server. (NORMAL would sync the log only at checkpoints
    // and could lose the last answered batches.)
    "pragma synchronous = full",
    // 16 MiB of page cache (the default is 2 MiB): the customers' unique indexes take random
    // inserts, which otherwise read their pages back from the OS on every batch.
    "pragma cache_size = -16384",
];

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
        Ok(Db {
            pool,
            sqlite_writer,
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
    /// enough for one statement per chunk of an import batch (1,000 customers of 12 columns).
    const PARAMETERS: usize = 12_000;

    /// How many rows of `columns` values one statement takes.
    pub fn per_statement(self, columns: usize) -> usize {
        (Self::PARAMETERS / columns.max(1)).max(1)
    }

    /// `($1, $2), ($3, $4)` (or `(?, ?), (?, ?)`): `rows` groups of `columns` parameters,
    /// numbered from `$first`. A statement must not mix them with other numbered parameters.
    pub fn sql(self, rows: usize, columns: usize, first: usize) -> String {
        use std::fmt::Write;

        // Written in place: a statement has up to 12,000 parameters, one allocation each would
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

    #[test]
    fn postgres_numbers_parameters_and_sqlite_does_not() {
        let postgres = ValueRows { anonymous: false };
        assert_eq!(postgres.sql(2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(postgres.sql(1, 2, 3), "($3, $4)");
        let sqlite = ValueRows { anonymous: true };
        assert_eq!(sqlite.sql(2, 2, 1), "(?, ?), (?, ?)");
        assert_eq!(sqlite.per_statement(12), 1_000);
    }
}

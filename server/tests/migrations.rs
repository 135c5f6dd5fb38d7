//! Upgrading a database the previous version stored imports in: the outcome rows it kept for
//! every created customer move to the customers and the import (migration `created_by_import`),
//! and each import counts the rows it took (migration `received_rows`).

use std::path::Path;

use clientela_server::Db;
use sqlx::AnyPool;
use sqlx::migrate::Migrator;

use crate::on_both_databases;
use crate::support::http::Backend;
use crate::support::postgres;

/// An empty database's URL, at the migration before `created_by_import`, and what keeps an
/// SQLite file alive.
async fn database_of_the_previous_version(
    backend: Backend,
) -> (AnyPool, String, Option<tempfile::TempDir>) {
    let (url, dir, folder, next) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
            (url, Some(dir), "migrations/sqlite", 11)
        }
        Backend::Postgres => (
            postgres::shared().new_database_url(),
            None,
            "migrations/postgres",
            13,
        ),
    };
    let mut previous = Migrator::new(Path::new(folder)).await.unwrap();
    let before: Vec<_> = previous
        .iter()
        .filter(|migration| migration.version < next)
        .cloned()
        .collect();
    previous.migrations = before.into();
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&url).await.unwrap();
    previous.run(&pool).await.unwrap();
    (pool, url, dir)
}

/// A database of the previous version where import 1 created customers 1 and 2, updated
/// customer 3 and rejected line 5 (customer 3 came before it), upgraded to this version; and
/// what keeps an SQLite file alive.
async fn upgraded_database_with_an_import(backend: Backend) -> (Db, Option<tempfile::TempDir>) {
    let (pool, url, dir) = database_of_the_previous_version(backend).await;
    // Every id is the first its table gives: 1, 2, 3.
    for sql in [
        "insert into workspace (name, created_at) values ('W', 0)",
        "insert into app_user (workspace_id, email, name, role, created_at) \
         values (1, 'a@x.com', 'A', 'admin', 0)",
        "insert into customer_import (workspace_id, user_id, client_id, file_name, profile, \
         options, created_at) values (1, 1, 'c', 'f.csv', '{}', '{}', 0)",
        "insert into customer (workspace_id, file_name, line, fields, created_at, import_id) \
         values (1, 'f.csv', 2, '{}', 0, 1), (1, 'f.csv', 3, '{}', 0, 1), \
         (1, 'old.csv', 9, '{}', 0, 1)",
        "insert into import_row (import_id, line, outcome, customer_id, detail, previous, source) \
         values (1, 2, 'created', 1, '{}', null, '[\"a\"]'), \
         (1, 3, 'created', 2, '{}', null, '[\"b\"]'), \
         (1, 4, 'updated', 3, '{}', '{}', '[\"c\"]'), \
         (1, 5, 'rejected', null, '{}', null, '[\"d\"]')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    pool.close().await;
    (Db::connect(&url).await.unwrap(), dir)
}

async fn created_outcomes_move_to_their_customers_and_import(backend: Backend) {
    let (db, _dir) = upgraded_database_with_an_import(backend).await;
    let created_by: Vec<(i64, Option<i64>)> =
        sqlx::query_as("select id, created_import_id from customer order by id")
            .fetch_all(db.pool())
            .await
            .unwrap();
    assert_eq!(created_by, [(1, Some(1)), (2, Some(1)), (3, None)]);
    let created_rows: i64 = sqlx::query_scalar("select created_rows from customer_import")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(created_rows, 2);
    let outcomes: Vec<(String, Option<String>)> =
        sqlx::query_as("select outcome, source from import_row order by line")
            .fetch_all(db.pool())
            .await
            .unwrap();
    assert_eq!(
        outcomes,
        [
            ("updated".to_owned(), None),
            ("rejected".to_owned(), Some("[\"d\"]".to_owned())),
        ],
        "only a rejected row keeps its cells, for the error file"
    );
}
on_both_databases!(created_outcomes_move_to_their_customers_and_import);

async fn an_import_counts_every_row_it_took(backend: Backend) {
    let (db, _dir) = upgraded_database_with_an_import(backend).await;
    let received_rows: i64 = sqlx::query_scalar("select received_rows from customer_import")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(received_rows, 4, "2 created, 1 updated, 1 rejected");
}
on_both_databases!(an_import_counts_every_row_it_took);

//! Server tests: the whole router, driven without a socket, on SQLite and on a real PostgreSQL.

mod support {
    pub mod http;
    pub mod postgres;
    pub mod smtp;
}

mod access_matrix;
mod accounts;
mod admin_api;
mod catalogues;
mod customer_export;
mod customers;
mod email;
mod groups_and_lists;
mod health;
mod import_cli;
mod import_rules;
mod imports;
mod inspect;
mod languages;
mod limits;
mod migrations;
mod openapi_answers;
mod rate_limit;
#[cfg(unix)] // sends SIGTERM with `kill`
mod shutdown;
mod ui;
mod validate;

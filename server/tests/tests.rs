//! Server tests: the whole router, driven without a socket, on SQLite and on a real PostgreSQL.

mod support {
    pub mod http;
    pub mod postgres;
    pub mod smtp;
}

mod accounts;
mod catalogues;
mod customers;
mod email;
mod health;
mod import_cli;
mod imports;
mod inspect;
mod limits;
mod rate_limit;
#[cfg(unix)] // sends SIGTERM with `kill`
mod shutdown;
mod ui;
mod validate;

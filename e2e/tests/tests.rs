//! End-to-end tests: a real headless Chromium, driven over WebDriver, against the real `clientela`
//! server on SQLite and on a real PostgreSQL. Only HTTP and WebDriver cross the boundary.
//!
//! `cargo xtask test` builds the server and the UI first and says where they are through
//! `CLIENTELA_BIN` and `CLIENTELA_UI_DIR`.

mod support {
    pub mod browser;
    pub mod files;
    #[path = "../../../server/tests/support/postgres.rs"]
    pub mod postgres;
    pub mod server;
}

mod admin;
mod bad_files;
mod bench_wizard;
mod keyboard;
mod missing_parts;
mod narrow_screen;
mod row_limit;
mod sign_in;
mod wizard;

//! The Clientela import wizard: a Leptos app that reads customer files in the browser with
//! `clientela-shared` and sends the rows to the server.
#![deny(missing_docs)]

mod api;
mod browser_file;
mod components;

pub use components::app::{App, ImportPage, LoadedFile};
pub use components::sign_in::SignInForm;
pub use components::table_preview::TablePreview;

//! One component per file.

pub mod app;
pub mod file_picker;
pub mod import_button;
pub mod sign_in;
pub mod table_preview;

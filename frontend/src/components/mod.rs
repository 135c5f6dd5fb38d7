//! One component per file.

pub mod app;
pub mod file_picker;
pub mod language_picker;
pub mod sign_in;

//! The app's pages besides the import wizard.

pub mod admin;
pub mod customers;
pub mod history;

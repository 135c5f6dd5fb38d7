//! What a customer is: built-in fields, and the profile a workspace imports with.

pub mod field;
pub mod import_rules;
mod label;
pub mod profile;
pub mod profile_error;

//! Commands that work on files from the command line, without the server running.

pub mod validate;

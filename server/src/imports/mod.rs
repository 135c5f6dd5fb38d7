//! Imports: opening one (idempotent by client id), applying its batches (idempotent by sequence
//! number and content), and summarising it.

mod apply_batch;
mod assignment;
mod batch_plan;
mod chunk_writer;
mod customer_index;
mod error_file;
mod error_workbook;
mod import_profile;
mod new_customers;
mod record_check;
mod record_defaults;
mod record_update;
mod revert;
mod row_limit;
mod row_outcomes;
mod store;
mod summary_email;
mod summary_words;

pub(crate) use apply_batch::{BatchError, apply_batch, preview_batch};
pub(crate) use assignment::check_assignment;
pub(crate) use error_file::{error_file, error_file_name, neutralise};
pub(crate) use error_workbook::error_workbook;
pub(crate) use import_profile::import_profile;
pub(crate) use record_defaults::RecordDefaults;
pub(crate) use revert::revert;
pub(crate) use row_outcomes::{MOST_ROWS_PER_PAGE, ROWS_PER_PAGE, row_outcomes};
pub(crate) use store::{StoredImport, commit, discard, find, list, open, summary};
pub(crate) use summary_email::email_summary;

//! Cell-by-cell validation and normalisation, file-wide rules, and the report.

mod caches;
pub mod choice;
pub mod code;
pub mod compact_report;
pub mod compact_shard;
pub mod country;
pub mod date;
pub mod email;
pub mod finding;
mod id_details;
pub mod ids;
pub mod messages;
mod name;
pub mod number;
pub mod phone;
mod phone_e164;
#[cfg(test)]
mod phone_equivalence;
mod phone_metadata;
#[cfg(test)]
mod phone_oracle;
mod phone_patterns;
mod phone_plain;
mod phone_regex_cache;
#[cfg(test)]
mod phone_vectors;
pub mod recheck_record;
pub mod record;
pub mod report;
mod row_fields;
pub mod text_map;
pub mod validator;

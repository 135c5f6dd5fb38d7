//! Which column holds which field: suggestions from headers and content, and the mapping itself.

pub mod column;
pub mod plan;
mod sniff;
pub mod suggest;
mod synonyms;

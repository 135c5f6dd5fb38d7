//! Text helpers shared by mapping and validation: cleaning, folding and fuzzy distance.

mod clean;
mod distance;
mod fold;

pub use clean::{clean, clean_lines, is_blank};
pub use distance::{edit_distance, nearest};
pub use fold::{compact, fold};

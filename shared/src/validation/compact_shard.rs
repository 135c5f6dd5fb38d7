//! A run of a file's rows checked apart from the others (in another worker, on another core),
//! to be appended to the [`CompactReport`](super::compact_report::CompactReport) of the whole
//! file. It travels between workers, so it serialises; duplicates are found once it is appended,
//! where every row's unique values meet.

use serde::{Deserialize, Serialize};

use super::compact_report::Mark;
use super::validator::Validator;

/// The verdicts of consecutive rows, and their values that must be unique in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactShard {
    /// A number per row (see `Mark::to_number`): a few bytes of JSON rather than an object.
    #[serde(with = "marks_as_numbers")]
    marks: Vec<Mark>,
    /// (row in the shard, field, comparison key), in row order.
    unique_values: Vec<(u32, String, String)>,
}

impl CompactShard {
    /// Checks the next row (the caller leaves blank rows out, as for the whole file).
    pub fn push(&mut self, validator: &mut Validator, cells: &[&str]) {
        let row = u32::try_from(self.marks.len()).expect("fewer than 4 billion rows");
        // The line is not known here; it only goes into findings, which a mark does not keep.
        let verdict = validator.check_row_verdict(0, cells);
        self.marks.push(Mark::of(&verdict));
        self.unique_values.extend(
            verdict
                .unique_keys
                .into_iter()
                .map(|key| (row, key.field, key.key)),
        );
    }

    /// How many rows were checked.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Whether no row was checked.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    pub(super) fn into_parts(self) -> (Vec<Mark>, Vec<(u32, String, String)>) {
        (self.marks, self.unique_values)
    }
}

mod marks_as_numbers {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Mark;

    pub(super) fn serialize<S: Serializer>(
        marks: &[Mark],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(marks.iter().map(|mark| mark.to_number()))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Mark>, D::Error> {
        let numbers = Vec::<u64>::deserialize(deserializer)?;
        Ok(numbers.into_iter().map(Mark::from_number).collect())
    }
}

//! Sharing a big file's check with a helper worker, so that two cores check it: this worker
//! packs the second half of the rows for the helper, checks the first half meanwhile, and
//! appends the helper's verdicts. In-file duplicates across the halves are found on appending.

use clientela_shared::{CompactShard, Field, Language, Mapping, Profile, Target, Validator};

use super::packed_rows::{for_each_row, pack_rows};
use super::{ImportSession, Review};
use crate::protocol::{Request, Response};

/// Files with fewer rows are checked in one piece: a helper would cost more than it saves.
const SHARE_FROM_ROWS: usize = 50_000;

/// The part of a check handed to a helper.
#[derive(Debug)]
pub struct HelperShare {
    /// What the helper is asked; [`HelperShare::packed`] goes beside it.
    pub request: Request,
    /// The helper's rows, packed.
    pub packed: Vec<u8>,
    /// The first table row of the share.
    split: usize,
    /// The share's non-blank rows, by their index in the table.
    rows: Vec<usize>,
}

impl ImportSession {
    /// The second half of the rows for a helper, with the user's edits; `None` for a small
    /// file, or one whose phones are not checked.
    ///
    /// Packing the rows and sending them costs this worker about a fifth of checking them
    /// without phones, so without phones a helper gains little even on an idle machine, and on
    /// a busy one it loses (1M rows in Chromium, both cores busy with other work: check 1.6-2.1 s
    /// alone, 2.6 s shared). Libphonenumber makes a row ten times dearer, and sharing pays.
    pub fn helper_share(&self, profile: &Profile, mapping: &Mapping) -> Option<HelperShare> {
        let row_count = self.table.row_count();
        let checks_phones = mapping
            .columns
            .iter()
            .any(|column| matches!(column.target, Target::Field(Field::Phone | Field::Mobile)));
        if row_count < SHARE_FROM_ROWS || !checks_phones {
            return None;
        }
        let split = row_count / 2;
        let (rows, packed) = pack_rows(&self.table, &self.edits, split);
        Some(HelperShare {
            request: Request::CheckRows {
                profile: profile.clone(),
                mapping: mapping.clone(),
                headers: self.table.columns().to_vec(),
            },
            packed,
            split,
            rows,
        })
    }

    /// Checks the rows before `share` (while the helper checks it). The review is the
    /// session's once [`ImportSession::complete_review`] adds the helper's part.
    pub fn review_before(
        &mut self,
        share: &HelperShare,
        profile: &Profile,
        mapping: &Mapping,
        language: Language,
    ) -> Review {
        // The last mapping's review is out of date, and its memory is better free.
        self.review = None;
        let choices = (profile, mapping, language);
        Review::new_before(
            &self.table,
            &self.edits,
            &self.excluded,
            choices,
            share.split,
        )
    }

    /// Completes `review` with the helper's verdicts on `share`; without them (the helper
    /// failed), checks the share here.
    pub fn complete_review(
        &mut self,
        mut review: Review,
        share: HelperShare,
        shard: Option<CompactShard>,
    ) -> Response {
        match shard {
            Some(shard) if shard.len() == share.rows.len() => {
                review.append_checked(
                    &self.table,
                    (&self.edits, &self.excluded),
                    share.rows,
                    shard,
                );
            }
            _ => review.check_rows(&self.table, &self.edits, &self.excluded, share.rows),
        }
        let counts = review.counts();
        self.review = Some(review);
        Response::Validated(counts)
    }
}

/// The helper's side: checks the `packed` rows of a file with these `headers`.
pub fn check_packed_rows(
    profile: &Profile,
    mapping: &Mapping,
    headers: &[String],
    packed: &[u8],
) -> Response {
    let mut validator = Validator::new(profile, mapping, headers);
    let mut shard = CompactShard::default();
    match for_each_row(packed, |cells| shard.push(&mut validator, cells)) {
        Ok(()) => Response::RowsChecked(shard),
        Err(err) => Response::Failed(format!("The helper cannot read its rows: {err}")),
    }
}

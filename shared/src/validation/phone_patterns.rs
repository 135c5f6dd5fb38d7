//! libphonenumber's patterns, each compiled once and read without a lock.
//!
//! The `phonenumber` crate keeps its compiled patterns in one shared, `Mutex`-guarded LRU cache
//! keyed by the pattern's text: every question locks, hashes the pattern, compares it and moves
//! it to the front of a list, and checking one number asks a dozen questions. Here each region's
//! patterns are compiled the first time they are used, with the crate's own options (whitespace
//! ignored), and kept for good; the regions are found by calling code or by id in a table built
//! once.
//!
//! Every question the crate asks of a pattern is "does it match where the text starts" (a
//! first match starting at 0), so the patterns are compiled anchored at the start, which is the
//! same answer: the leftmost match starts at 0 exactly when some match does. They are not
//! anchored at the end, since the crate does not ask for that either.

use std::sync::OnceLock;

use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use regex::{Captures, Regex, RegexBuilder};

/// The descriptions of the kinds of number `meta` has (fixed line, mobile, toll free…), without
/// the general description.
pub(crate) fn number_kinds(meta: &'static Metadata) -> impl Iterator<Item = &'static Descriptor> {
    let kinds = meta.descriptors();
    [
        kinds.fixed_line(),
        kinds.mobile(),
        kinds.toll_free(),
        kinds.premium_rate(),
        kinds.shared_cost(),
        kinds.personal_number(),
        kinds.voip(),
        kinds.pager(),
        kinds.uan(),
        kinds.voicemail(),
    ]
    .into_iter()
    .flatten()
}

/// A region (or non-geographic entity) of the metadata, with its patterns.
pub(crate) struct Region {
    /// The crate's metadata for the region.
    pub(crate) meta: &'static Metadata,
    general: Kind,
    /// Every kind of number but the general description, in no particular order: a number is
    /// valid when the general description and any one of these match.
    kinds: Vec<Kind>,
    leading_digits: Option<Pattern>,
    international_prefix: Option<Pattern>,
    national_prefix_for_parsing: Option<Pattern>,
}

/// One kind of number (mobile, fixed line…): the lengths it comes in and its pattern.
struct Kind {
    lengths: &'static [u16],
    pattern: Pattern,
}

impl Kind {
    fn new(descriptor: &'static Descriptor) -> Kind {
        Kind {
            lengths: descriptor.possible_length(),
            pattern: Pattern::new(descriptor.national_number().as_str()),
        }
    }

    /// The crate's `Descriptor::is_match`: a possible length (when lengths are given), and the
    /// pattern matching from the start.
    fn is_match(&self, national: &str) -> bool {
        (self.lengths.is_empty()
            || self
                .lengths
                .iter()
                .any(|&n| usize::from(n) == national.len()))
            && self.pattern.get().is_match(national)
    }
}

/// A pattern of the metadata, compiled the first time it is used: a file of one country needs
/// a few of the thousands there are.
struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    fn new(source: &'static str) -> Pattern {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern compiled as the crate compiles it, but only matching from the start. The
    /// line break ends a comment the pattern might open (whitespace is ignored, so `#` starts
    /// one).
    fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            RegexBuilder::new(&format!("^(?:{}\n)", self.source))
                .ignore_whitespace(true)
                .build()
                .expect("the crate compiles the same pattern")
        })
    }
}

impl Region {
    fn new(meta: &'static Metadata) -> Region {
        Region {
            meta,
            general: Kind::new(meta.descriptors().general()),
            kinds: number_kinds(meta).map(Kind::new).collect(),
            leading_digits: meta.leading_digits().map(|p| Pattern::new(p.as_str())),
            international_prefix: meta
                .international_prefix()
                .map(|p| Pattern::new(p.as_str())),
            national_prefix_for_parsing: meta
                .national_prefix_for_parsing()
                .map(|p| Pattern::new(p.as_str())),
        }
    }

    /// Whether `national` is a valid number of some kind here (the crate's `number_type` is not
    /// `Unknown`).
    pub(crate) fn is_valid(&self, national: &str) -> bool {
        self.general.is_match(national) && self.kinds.iter().any(|kind| kind.is_match(national))
    }

    /// Whether the general description matches `national` (lengths and pattern).
    pub(crate) fn is_general_match(&self, national: &str) -> bool {
        self.general.is_match(national)
    }

    /// Whether the region's leading-digits pattern matches at the start of `national`; `None`
    /// when the region has none.
    pub(crate) fn leading_digits_match(&self, national: &str) -> Option<bool> {
        let pattern = self.leading_digits.as_ref()?.get();
        Some(pattern.is_match(national))
    }

    /// Where the region's international prefix ends when `digits` starts with one.
    pub(crate) fn international_prefix_end(&self, digits: &str) -> Option<usize> {
        let pattern = self.international_prefix.as_ref()?.get();
        pattern.find(digits).map(|found| found.end())
    }

    /// Where the national prefix the region's pattern finds at the start of `national` ends.
    pub(crate) fn national_prefix_end(&self, national: &str) -> Option<usize> {
        let pattern = self.national_prefix_for_parsing.as_ref()?.get();
        pattern.find(national).map(|found| found.end())
    }

    /// Whether the region has a pattern for national prefixes.
    pub(crate) fn has_national_prefix_pattern(&self) -> bool {
        self.meta.national_prefix_for_parsing().is_some()
    }

    /// The region's national prefix pattern's match at the start of `national`, with its groups.
    pub(crate) fn national_prefix_captures<'t>(&self, national: &'t str) -> Option<Captures<'t>> {
        let pattern = self.national_prefix_for_parsing.as_ref()?.get();
        pattern.captures(national)
    }

    /// `national` with its national prefix rewritten by `rule` (`$1` and the like), as the
    /// crate's `replace` does.
    pub(crate) fn transform_national_prefix(&self, national: &str, rule: &str) -> Option<String> {
        let pattern = self.national_prefix_for_parsing.as_ref()?.get();
        Some(pattern.replace(national, rule).into_owned())
    }
}

/// A region as the crate's `source_for` lists it for a calling code.
struct Source {
    /// The region `DATABASE.by_id` gives for the listed id.
    region: &'static Region,
    /// The id is `001`: a non-geographic entity.
    non_geographic: bool,
    /// The id is one the crate's `country::Id` knows.
    known_id: bool,
}

/// Every region of the metadata, and how to find one: arrays indexed by calling code and by id,
/// as hashing the key cost more than the rest of a look-up.
struct Table {
    /// Indexed by calling code (below 1,000).
    by_code: Vec<Vec<&'static Region>>,
    /// Indexed by calling code, as `DATABASE.region` lists them.
    sources: Vec<Vec<Source>>,
    /// Indexed by two-letter id (`id_slot`).
    by_letters: Vec<Option<&'static Region>>,
    /// Ids that are not two capital letters (`001`), as `DATABASE.by_id` gives them.
    by_other_id: Vec<(&'static str, &'static Region)>,
}

/// Calling codes are 1 to 3 digits.
const CODES: usize = 1000;

/// Where a two-capital-letter id (`EC`) sits in `Table::by_letters`.
fn id_slot(id: &str) -> Option<usize> {
    match id.as_bytes() {
        &[first @ b'A'..=b'Z', second @ b'A'..=b'Z'] => {
            Some(usize::from(first - b'A') * 26 + usize::from(second - b'A'))
        }
        _ => None,
    }
}

/// The table, built the first time it is needed (without compiling any pattern). The regions
/// live as long as the program, as the crate's metadata does.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut metas: Vec<&'static Metadata> = Vec::new();
        for code in 0..CODES as u16 {
            for meta in DATABASE.by_code(&code).unwrap_or_default() {
                if !metas.iter().any(|known| std::ptr::eq(*known, meta)) {
                    metas.push(meta);
                }
            }
        }
        let regions: &'static [Region] = Vec::leak(metas.into_iter().map(Region::new).collect());
        let region_of = |meta: &Metadata| {
            regions
                .iter()
                .find(|region| std::ptr::eq(region.meta, meta))
                .expect("every region has a calling code")
        };
        let mut by_letters = vec![None; 26 * 26];
        let mut by_other_id = Vec::new();
        for meta in DATABASE.iter() {
            match id_slot(meta.id()) {
                Some(slot) => by_letters[slot] = Some(region_of(meta)),
                None => by_other_id.push((meta.id(), region_of(meta))),
            }
        }
        let mut table = Table {
            by_code: vec![Vec::new(); CODES],
            sources: (0..CODES).map(|_| Vec::new()).collect(),
            by_letters,
            by_other_id,
        };
        for code in 0..CODES as u16 {
            let slot = usize::from(code);
            if let Some(metas) = DATABASE.by_code(&code) {
                table.by_code[slot] = metas.into_iter().map(region_of).collect();
            }
            let ids = DATABASE.region(&code).unwrap_or_default();
            table.sources[slot] = ids
                .into_iter()
                .filter_map(|id| {
                    Some(Source {
                        region: table_by_id(&table, id)?,
                        non_geographic: id == "001",
                        known_id: id.parse::<phonenumber::country::Id>().is_ok(),
                    })
                })
                .collect();
        }
        table
    })
}

/// The region with this id in `table`.
fn table_by_id(table: &Table, id: &str) -> Option<&'static Region> {
    match id_slot(id) {
        Some(slot) => table.by_letters[slot],
        None => table
            .by_other_id
            .iter()
            .find(|(other, _)| *other == id)
            .map(|&(_, region)| region),
    }
}

/// The region with this id (`EC`), as `DATABASE.by_id` gives it.
pub(crate) fn by_id(id: &str) -> Option<&'static Region> {
    table_by_id(table(), id)
}

/// The regions with this calling code, in `DATABASE.by_code` order (the main region first).
pub(crate) fn by_code(code: u16) -> Option<&'static [&'static Region]> {
    let regions = table().by_code.get(usize::from(code))?;
    (!regions.is_empty()).then_some(regions.as_slice())
}

/// The region whose metadata the crate checks `national` with for calling code `code` (its
/// `source_for`, then `by_id` or the code's first region).
pub(crate) fn source_for(code: u16, national: &str) -> Option<&'static Region> {
    let sources = table().sources.get(usize::from(code))?;
    if let [only] = sources.as_slice() {
        return if only.non_geographic {
            by_code(code)?.first().copied()
        } else {
            only.known_id.then_some(only.region)
        };
    }
    sources.iter().map(|source| source.region).find(|region| {
        match region.leading_digits_match(national) {
            Some(matches) => matches,
            None => region.is_valid(national),
        }
    })
}

/// Whether the crate calls the number with calling code `code` and national number `national`
/// valid (its `is_valid`).
pub(crate) fn is_valid_number(code: u16, national: &str) -> bool {
    source_for(code, national).is_some_and(|region| region.is_valid(national))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_id_of_a_shared_calling_code_is_known_to_the_crate() {
        // The crate unwraps these ids; if one were unknown it would panic, and so would we.
        for sources in table().sources.iter().filter(|s| s.len() > 1) {
            assert!(sources.iter().all(|source| source.known_id));
        }
    }

    #[test]
    fn every_pattern_of_every_region_compiles() {
        for regions in &table().by_code {
            for region in regions {
                let kinds = region.kinds.iter().chain([&region.general]);
                let prefixes = [
                    &region.leading_digits,
                    &region.international_prefix,
                    &region.national_prefix_for_parsing,
                ];
                for pattern in kinds
                    .map(|kind| &kind.pattern)
                    .chain(prefixes.into_iter().flatten())
                {
                    pattern.get();
                }
            }
        }
    }

    #[test]
    fn validity_as_the_crate_sees_it() {
        assert!(is_valid_number(593, "991234567"));
        assert!(!is_valid_number(593, "12345678"));
        assert!(is_valid_number(1, "2015550123"));
        assert!(!is_valid_number(999, "2015550123"));
    }
}

//! A fast path for numbers already written in E.164 (`+593991234567`), as the browser sends
//! every record it normalised and the server checks them again.
//!
//! The general path parses the cell with the `phonenumber` crate (a parser combinator, dozens of
//! pattern look-ups, several strings per number), then falls back to the metadata when the
//! crate's answer is wrong (see `phone_metadata`). For `+` and digits only, that work comes down
//! to splitting off the country code and matching the rest against the metadata, which is what
//! this module does, asking the same metadata the same questions in the same order.
//!
//! It answers only when the crate would read the digits after the country code as they are
//! written; whenever the crate could take a prefix off (an international prefix of the
//! region it is given, a national prefix of the region it reads the number in) or a leading
//! zero is involved, it declines and the general path decides. The tests compare both paths
//! number by number.

use super::phone::PhoneProblem;
use super::phone_metadata;
use super::phone_patterns::{self as patterns, Region};

/// The shortest and longest numbers, country code included, this path answers for. E.164 allows
/// 15 digits; at 8 or more, the crate's own "too short" checks cannot trip.
const DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

/// The verdict on `cell` when it is `+` and digits only and the fast path can give the general
/// path's answer; `None` when the general path must decide. `region` is the country the cell is
/// read in, as the general path has it.
pub(crate) fn normalise_e164(
    cell: &str,
    region: Option<&str>,
) -> Option<Result<String, PhoneProblem>> {
    let digits = cell.strip_prefix('+')?;
    if !DIGITS.contains(&digits.len())
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.starts_with('0')
    {
        return None;
    }
    // Country codes are prefix-free: the first length that names one is the code.
    let (code, regions) = (1..=3).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        Some((len, patterns::by_code(code)?))
    })?;
    let national = &digits[code..];
    if national.starts_with('0') {
        return None;
    }
    let hint = region.and_then(patterns::by_id);
    // After the `+`, the crate takes off the given region's international prefix if it sees one.
    if hint.is_some_and(|hint| hint.international_prefix_end(digits).is_some()) {
        return None;
    }
    // It then reads the national number with the given region's metadata, or else with the
    // metadata of the region the number belongs to, and takes off a national prefix.
    if hint
        .or_else(|| owner(regions, national))
        .is_some_and(|region| may_strip_national_prefix(region, national))
    {
        return None;
    }
    // The crate now holds the digits as written. If it calls them valid, that is the answer;
    // otherwise the general path asks the metadata directly, as here.
    if owner(regions, national).is_some_and(|region| region.is_valid(national)) {
        return Some(Ok(cell.to_owned()));
    }
    Some(phone_metadata::international(digits).ok_or(PhoneProblem::Invalid))
}

/// The region whose metadata the crate validates `national` with, among the regions sharing its
/// country code: the only one; else the first whose leading digits match, or which calls the
/// number valid (the crate's `source_for`).
fn owner<'r>(regions: &[&'r Region], national: &str) -> Option<&'r Region> {
    if let [only] = regions {
        return Some(only);
    }
    regions
        .iter()
        .copied()
        .find(|region| match region.leading_digits_match(national) {
            Some(matches) => matches,
            None => region.is_valid(national),
        })
}

/// Whether the crate could take a national prefix off `national` in `region`: its pattern for
/// parsing matches at the start, or the plain national prefix starts it.
fn may_strip_national_prefix(region: &Region, national: &str) -> bool {
    region.national_prefix_end(national).is_some()
        || region
            .meta
            .national_prefix()
            .is_some_and(|prefix| national.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use crate::validation::phone_vectors::phone_vectors;

    use phonenumber::metadata::DATABASE;

    use super::*;
    use crate::validation::phone::read_in_general;

    /// Regions whose prefixes make the crate change what it reads: trunk prefixes 8 (Russia,
    /// Kazakhstan) and 06 (Hungary), international prefixes that start with 1 (Australia's
    /// 0011 and 14xx0011), shared codes (+1, +7, +44), the countries Clientela's users import.
    const HINTS: [&str; 16] = [
        "RU", "KZ", "HU", "AU", "US", "CA", "GB", "JE", "EC", "AR", "MX", "BR", "IT", "DE", "PL",
        "CO",
    ];

    /// Checks `cell` read in `hint` both ways; returns whether the fast path answered.
    fn same_verdict(cell: &str, hint: Option<&str>) -> bool {
        let region = hint.and_then(|id| id.parse::<phonenumber::country::Id>().ok());
        let Some(fast) = normalise_e164(cell, region.as_ref().map(AsRef::as_ref)) else {
            return false;
        };
        assert_eq!(
            fast,
            read_in_general(cell, region),
            "{cell} read in {hint:?}"
        );
        true
    }

    /// Numbers near `national`: as it is, with each possible last digit, one digit shorter and
    /// longer, and with another first digit.
    fn neighbours(national: &str) -> Vec<String> {
        let mut near = vec![national.to_owned()];
        if let Some(rest) = national.get(..national.len().saturating_sub(1)) {
            near.extend((0..10).map(|d| format!("{rest}{d}")));
            near.push(rest.to_owned());
        }
        near.push(format!("{national}5"));
        if let Some(tail) = national.get(1..) {
            near.extend((1..10).map(|d| format!("{d}{tail}")));
        }
        near
    }

    #[test]
    fn agrees_with_the_general_path_near_every_example_number() {
        let (mut checked, mut answered) = (0, 0);
        for (index, meta) in DATABASE.iter().enumerate() {
            let kinds = meta.descriptors();
            let examples = [
                Some(kinds.general()),
                kinds.fixed_line(),
                kinds.mobile(),
                kinds.toll_free(),
                kinds.premium_rate(),
                kinds.voip(),
                kinds.uan(),
            ]
            .into_iter()
            .flatten()
            .filter_map(|kind| kind.example());
            for example in examples {
                for national in neighbours(example) {
                    let cell = format!("+{}{national}", meta.country_code());
                    let hints = [None, Some(meta.id()), Some(HINTS[index % HINTS.len()])];
                    for hint in hints {
                        checked += 1;
                        answered += usize::from(same_verdict(&cell, hint));
                    }
                }
            }
        }
        // The fast path must be more than a path that always declines.
        assert!(answered * 2 > checked, "{answered} of {checked}");
    }

    #[test]
    fn numbers_the_crate_would_change_are_left_to_the_general_path() {
        // Russia's trunk prefix 8 is also how its toll-free numbers start.
        assert_eq!(normalise_e164("+78001234567", Some("RU")), None);
        // Read in Australia, 14110011… starts with one of its international prefixes.
        assert_eq!(normalise_e164("+14110011234567", Some("AU")), None);
        // Italian fixed lines keep their leading zero.
        assert_eq!(normalise_e164("+390612345678", Some("IT")), None);
        assert_eq!(normalise_e164("+593 99 123 4567", Some("EC")), None);
        assert_eq!(normalise_e164("+00593991234567", None), None);
    }

    #[test]
    fn ordinary_e164_numbers_take_the_fast_path() {
        for (cell, hint) in [
            ("+593991234567", Some("EC")),
            ("+593991234567", None),
            ("+593991234567", Some("PL")),
            ("+48601234567", Some("EC")),
            ("+5511987654321", Some("BR")),
            ("+12015550123", Some("US")),
        ] {
            assert_eq!(
                normalise_e164(cell, hint),
                Some(Ok(cell.to_owned())),
                "{cell} in {hint:?}"
            );
        }
        assert_eq!(
            normalise_e164("+593123", Some("EC")),
            None,
            "too short to answer"
        );
        assert_eq!(
            normalise_e164("+59312345678", Some("EC")),
            Some(Err(PhoneProblem::Invalid))
        );
    }

    /// The phone vectors of the conformance suite (`../shared/peer-data`, or
    /// `CLIENTELA_PEER_DATA`): every input and every expected E.164, read in the vector's region
    /// and in none, gets the same verdict both ways.
    #[test]
    fn agrees_with_the_general_path_on_the_phone_vectors() {
        let Some(vectors) = phone_vectors() else {
            return;
        };
        let mut reader = csv::Reader::from_reader(vectors.as_bytes());
        let mut answered = 0;
        for record in reader.records() {
            let record = record.expect("a vector");
            let region = record.get(0).filter(|r| !r.is_empty());
            for cell in [record.get(1), record.get(3)].into_iter().flatten() {
                for hint in [None, region] {
                    answered += usize::from(same_verdict(cell, hint));
                }
            }
        }
        assert!(answered > 1_000, "the fast path answered {answered} times");
    }
}

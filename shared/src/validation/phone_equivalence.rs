//! The new phone path (`phone_patterns`, `phone_plain`) against the old one (`phone_oracle`):
//! the same verdict, the same E.164 number and the same problem for every cell tried.
//!
//! The cells: every example number of every region in the metadata, written as users write
//! them (national, with the trunk prefix, with `+` and the calling code, with the code but no
//! `+`, after the international prefix `00`, spaced, dashed, dotted, bracketed, with a text mark
//! or a spreadsheet's `.0`) and changed (one digit short, one digit more, each digit changed,
//! the first digit lost), each read in no country, in its own and in one of a rotating list of
//! others; then every input and expected number of the team's phone vectors.

use phonenumber::country;
use phonenumber::metadata::DATABASE;

use super::phone::{e164, normalise_phone};
use super::phone_metadata::region_of;
use super::phone_patterns::number_kinds;
use super::phone_vectors::phone_vectors;
use super::{phone_oracle, phone_plain};

/// Regions to read cells in besides their own: shared calling codes, trunk prefixes that are
/// also number starts (8 in Russia, 06 in Hungary), long international prefixes (Australia),
/// prefix rewriting rules (Argentina, Mexico, Brazil), leading zeros kept (Italy), the countries
/// Clientela's users import.
const OTHER_REGIONS: [&str; 18] = [
    "RU", "KZ", "HU", "AU", "US", "CA", "GB", "JE", "EC", "AR", "MX", "BR", "IT", "DE", "PL", "CO",
    "SG", "FR",
];

/// Asserts both paths agree on `cell` read in `region`, at every level the new code replaced;
/// returns whether the plain path answered for the cell as written.
fn agree(cell: &str, region: Option<&str>) -> bool {
    assert_eq!(
        normalise_phone(cell, region),
        phone_oracle::phone::normalise_phone(cell, region),
        "{cell:?} read in {region:?}"
    );
    let id = region.and_then(|code| code.parse::<country::Id>().ok());
    assert_eq!(
        e164(id, cell),
        phone_oracle::phone::e164(id, cell),
        "{cell:?} parsed in {region:?}"
    );
    phone_plain::crate_e164(id.as_ref().map(AsRef::as_ref), cell).is_some()
}

/// `national` written in the usual ways for a region with calling code `code` and trunk prefix
/// `prefix`.
fn written_forms(national: &str, code: u16, prefix: Option<&str>) -> Vec<String> {
    let split = |at: usize, separator: &str| {
        let at = at.min(national.len());
        format!("{}{separator}{}", &national[..at], &national[at..])
    };
    let mut forms = vec![
        national.to_owned(),
        format!("+{code}{national}"),
        format!("+{code} {national}"),
        format!("+{code} {}", split(3, " ")),
        format!("+{code}-{}", split(3, "-")),
        format!("{code}{national}"),
        format!("00{code}{national}"),
        format!("00 {code} {national}"),
        format!("+00{code} {national}"),
        split(3, " "),
        split(2, "-"),
        split(4, "."),
        format!(
            "({}) {}",
            &national[..2.min(national.len())],
            &national[2.min(national.len())..]
        ),
        split(3, "/"),
        format!("'{national}"),
        format!("'+{code}{national}"),
        format!("{national}.0"),
        format!("{code}{national}.0"),
        format!("+{code}{national} ext. 12"),
    ];
    if let Some(prefix) = prefix {
        forms.push(format!("{prefix}{national}"));
        forms.push(format!("{prefix} {}", split(3, " ")));
        forms.push(format!(
            "({prefix}{}) {}",
            &national[..2.min(national.len())],
            &national[2.min(national.len())..]
        ));
        forms.push(format!("+{code} {prefix}{national}"));
        forms.push(format!("+{code}{prefix}{national}"));
        forms.push(format!("{code}{prefix}{national}"));
    }
    forms
}

/// Numbers near `national`: one digit short, one digit more, the first digit lost, each digit
/// changed.
fn changed(national: &str) -> Vec<String> {
    let mut near = vec![
        national[..national.len().saturating_sub(1)].to_owned(),
        format!("{national}7"),
        format!("{national}0"),
        national.get(1..).unwrap_or_default().to_owned(),
    ];
    for (at, digit) in national.bytes().enumerate() {
        let other = b'0' + (digit - b'0' + 3) % 10;
        let mut bytes = national.as_bytes().to_vec();
        bytes[at] = other;
        near.push(String::from_utf8(bytes).expect("digits"));
    }
    near
}

#[test]
fn same_verdicts_near_every_example_number_of_every_region() {
    let mut regions = Vec::new();
    for code in 0..1000u16 {
        regions.extend(DATABASE.by_code(&code).unwrap_or_default());
    }
    assert!(regions.len() > 240, "{} regions", regions.len());
    let (mut checked, mut plain) = (0usize, 0usize);
    for (index, meta) in regions.iter().enumerate() {
        let examples = std::iter::once(meta.descriptors().general())
            .chain(number_kinds(meta))
            .filter_map(|kind| kind.example());
        let own = (meta.id() != "001").then(|| meta.id());
        let hints = [None, own, Some(OTHER_REGIONS[index % OTHER_REGIONS.len()])];
        for example in examples {
            let mut nationals = vec![example.to_owned()];
            nationals.extend(changed(example));
            for (n, national) in nationals.iter().enumerate() {
                // Every form of the example itself; the plain, `+` and prefixed forms of the
                // changed numbers.
                let forms = written_forms(national, meta.country_code(), meta.national_prefix());
                let forms = if n == 0 { &forms[..] } else { &forms[..3] };
                for cell in forms {
                    for hint in hints {
                        plain += usize::from(agree(cell, hint));
                        checked += 1;
                    }
                }
            }
        }
        // The validator's region of a stored number.
        for example in [meta.descriptors().fixed_line(), meta.descriptors().mobile()]
            .into_iter()
            .flatten()
        {
            if let Some(example) = example.example() {
                let stored = format!("+{}{example}", meta.country_code());
                assert_eq!(
                    region_of(&stored),
                    phone_oracle::phone_metadata::region_of(&stored),
                    "{stored}"
                );
            }
        }
    }
    assert!(checked > 100_000, "{checked} cells");
    // The plain path must be more than a path that always declines.
    assert!(
        plain * 2 > checked,
        "the plain path answered {plain} of {checked}"
    );
}

/// The phone vectors of the conformance suite (`CLIENTELA_PEER_DATA`, by default
/// `../shared/peer-data` beside the workspace): every input and every expected number, read in
/// the vector's region, in none and in another.
#[test]
fn same_verdicts_on_the_phone_vectors() {
    let Some(vectors) = phone_vectors() else {
        return;
    };
    let mut reader = csv::Reader::from_reader(vectors.as_bytes());
    let (mut checked, mut plain) = (0usize, 0usize);
    for (index, record) in reader.records().enumerate() {
        let record = record.expect("a vector");
        let region = record.get(0).filter(|r| !r.is_empty());
        let other = Some(OTHER_REGIONS[index % OTHER_REGIONS.len()]);
        for cell in [record.get(1), record.get(3)].into_iter().flatten() {
            for hint in [None, region, other] {
                plain += usize::from(agree(cell, hint));
                checked += 1;
            }
        }
        if let Some(expected) = record.get(3).filter(|e| e.starts_with('+')) {
            assert_eq!(
                region_of(expected),
                phone_oracle::phone_metadata::region_of(expected)
            );
        }
    }
    assert!(checked > 10_000, "{checked} cells");
    // A third of the vectors are E.164 without spaces, left to the crate (and to `phone_e164`).
    assert!(
        plain * 4 > checked,
        "the plain path answered {plain} of {checked}"
    );
}

/// A small deterministic generator (SplitMix64), so every run tries the same cells.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// Cells no example is near: random digits after a random start (a calling code, a trunk or
/// international prefix), broken up by random separators, perhaps after a `+`, read in a random
/// region or none. What the plain path reads is all of this shape.
#[test]
fn same_verdicts_on_random_plainly_written_cells() {
    let mut regions = Vec::new();
    for code in 0..1000u16 {
        regions.extend(DATABASE.by_code(&code).unwrap_or_default());
    }
    let mut random = Random(0x5eed);
    let (mut checked, mut plain) = (0usize, 0usize);
    for _ in 0..60_000 {
        let meta = regions[random.below(regions.len())];
        let mut digits = match random.below(6) {
            0 => meta.country_code().to_string(),
            1 => meta.national_prefix().unwrap_or("0").to_owned(),
            2 => "00".to_owned(),
            3 => format!("00{}", meta.country_code()),
            _ => String::new(),
        };
        for _ in 0..3 + random.below(12) {
            digits.push(char::from(b'0' + random.below(10) as u8));
        }
        let mut cell = String::from(["", "", "+", "+ "][random.below(4)]);
        for digit in digits.chars() {
            if random.below(4) == 0 {
                cell.push([' ', '-', '.', '(', ')', '/'][random.below(6)]);
            }
            cell.push(digit);
        }
        let region = match random.below(3) {
            0 => None,
            1 => (meta.id() != "001").then(|| meta.id()),
            _ => Some(OTHER_REGIONS[random.below(OTHER_REGIONS.len())]),
        };
        plain += usize::from(agree(&cell, region));
        checked += 1;
    }
    assert!(
        plain * 2 > checked,
        "the plain path answered {plain} of {checked}"
    );
}

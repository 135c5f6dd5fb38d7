//! The `phonenumber` crate's reading of a plainly written number (digits, spaces, dashes, dots,
//! brackets, slashes, perhaps a leading `+`), done without its parser.
//!
//! For such a cell the crate's parser (nom combinators, RFC 3966 and "natural" grammars,
//! extension patterns, letter mappings) comes down to the cell's digits, and everything after
//! that is a few questions to the metadata. This module asks them in the crate's order
//! (`parse_with`, `country_code`, `international_prefix`, `national_number`, `validator::length`,
//! `NationalNumber`, `is_valid`, E.164 formatting in 0.3.10), quirks included, through the
//! compiled patterns of `phone_patterns`. It declines, and the crate decides, whenever a cell
//! might read otherwise: fewer than three digits, other characters, or a `+` without a space
//! (the crate's RFC 3966 grammar could then take part of it for a country code).

use std::borrow::Cow;

use super::phone_patterns::{self as patterns, Region};

/// The crate's limits on a national number (`MIN_LENGTH_FOR_NSN`, `MAX_LENGTH_FOR_NSN`).
const NATIONAL_LENGTHS: std::ops::RangeInclusive<usize> = 2..=17;

/// What `phonenumber::parse(region, text)` then `is_valid` then E.164 formatting give: `Some`
/// of the E.164 form when the crate reads a valid number, `Some(None)` when it reads none or an
/// invalid one, `None` when this module does not answer for `text`. `region` is the id of the
/// region the crate is given.
pub(crate) fn crate_e164(region: Option<&str>, text: &str) -> Option<Option<String>> {
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let plain = rest
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'/'));
    if !plain || (plus && !rest.contains(' ')) {
        return None;
    }
    let digits: Cow<'_, str> = if rest.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Borrowed(rest)
    } else {
        Cow::Owned(rest.chars().filter(char::is_ascii_digit).collect())
    };
    if digits.len() < 3 {
        return None;
    }
    let given = match region {
        Some(id) => Some(patterns::by_id(id)?),
        None => None,
    };
    let Some((code, national)) = country_code(given, plus, &digits) else {
        return Some(None);
    };
    // The region whose prefixes are taken off: the one given, else the number's own.
    let meta = match given {
        Some(region) => Some(region),
        None => patterns::source_for(code, national.trim_start_matches('0')),
    };
    let mut national_read = Cow::Borrowed(national);
    if let Some(region) = meta {
        let mut potential = without_national_prefix(region, national)?;
        // The crate takes the plain national prefix off a second time.
        if let Some(rest) = region
            .meta
            .national_prefix()
            .and_then(|prefix| potential.strip_prefix(prefix))
        {
            potential = Cow::Owned(rest.to_owned());
        }
        if length(region, potential.len()) != Length::TooShort {
            national_read = potential;
        }
    }
    Some(valid_e164(code, &national_read))
}

/// The E.164 form of the parsed number when the crate calls it valid (its `NationalNumber`
/// keeps leading zeros and the value, and E.164 writes both after the code).
fn valid_e164(code: u16, national: &str) -> Option<String> {
    if !NATIONAL_LENGTHS.contains(&national.len()) {
        return None;
    }
    let zeros = national.bytes().take_while(|&b| b == b'0').count();
    let value: u64 = national[zeros..].parse().ok()?;
    if value >= 1 << 56 {
        return None;
    }
    // Digits come back as they were; anything else the transform rule wrote, as the crate
    // writes the number it parsed.
    let national = if national.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Borrowed(national)
    } else {
        Cow::Owned(format!("{}{value}", "0".repeat(zeros)))
    };
    patterns::is_valid_number(code, &national).then(|| {
        let mut e164 = String::with_capacity(4 + national.len());
        e164.push('+');
        push_decimal(&mut e164, code);
        e164.push_str(&national);
        e164
    })
}

/// The crate's `country_code` on `digits`: the calling code and the national number, or `None`
/// when it fails. `plus` says the cell started with `+`.
fn country_code<'d>(given: Option<&Region>, plus: bool, digits: &'d str) -> Option<(u16, &'d str)> {
    // An international prefix of the given region is taken off, unless a 0 follows it.
    let after_idd = given
        .and_then(|region| region.international_prefix_end(digits))
        .filter(|&end| !digits[end..].starts_with('0'));
    if plus || after_idd.is_some() {
        let national = &digits[after_idd.unwrap_or(0)..];
        if national.len() <= 2 || national.starts_with('0') {
            return None;
        }
        // Calling codes are prefix-free: the first length that names one is the code.
        return (1..=3).find_map(|len| {
            let code: u16 = national[..len].parse().ok()?;
            patterns::by_code(code)?;
            Some((code, &national[len..]))
        });
    }
    let region = given?;
    let code = region.meta.country_code();
    // Written with its own calling code: taken off unless the digits are a possible number.
    let written = decimal_length(code);
    if digits
        .get(..written)
        .and_then(|start| start.parse::<u16>().ok())
        == Some(code)
        && (!region.is_general_match(digits) || !length(region, digits.len()).is_possible())
    {
        return Some((code, &digits[written..]));
    }
    Some((code, digits))
}

/// The crate's `national_number`: `national` without the national prefix its pattern finds
/// (or rewritten by the transform rule), or `None` when the crate would panic (a rule with no
/// first group to take the carrier from).
fn without_national_prefix<'n>(region: &Region, national: &'n str) -> Option<Cow<'n, str>> {
    if !region.has_national_prefix_pattern() {
        return Some(Cow::Borrowed(
            region
                .meta
                .national_prefix()
                .and_then(|prefix| national.strip_prefix(prefix))
                .unwrap_or(national),
        ));
    }
    let Some(captures) = region.national_prefix_captures(national) else {
        return Some(Cow::Borrowed(national));
    };
    let end = captures.get(0).map_or(0, |m| m.end());
    let first = captures.get(1);
    let last = captures.get(captures.len() - 1);
    match region.meta.national_prefix_transform_rule() {
        // The crate then checks the general pattern on the number from where the prefix
        // *starts*, which it already did: the prefix always goes.
        Some(rule) if last.is_some() => {
            let transformed = region.transform_national_prefix(national, rule)?;
            if region.is_general_match(national) && !region.is_general_match(&transformed) {
                return Some(Cow::Borrowed(national));
            }
            first?;
            Some(Cow::Owned(transformed))
        }
        _ => Some(Cow::Borrowed(&national[end..])),
    }
}

/// The crate's `validator::length` verdict for a national number of `length` digits, as far as
/// its callers here tell verdicts apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    Possible,
    TooShort,
    Other,
}

impl Length {
    fn is_possible(self) -> bool {
        self == Length::Possible
    }
}

/// `validator::length` for the general description (what `Type::Unknown` asks for).
fn length(region: &Region, length: usize) -> Length {
    let general = region.meta.descriptors().general();
    let possible = general.possible_length();
    let local = general.possible_local_length();
    let is = |n: &u16| usize::from(*n) == length;
    let (Some(&minimum), Some(&maximum)) = (possible.first(), possible.last()) else {
        return Length::Other;
    };
    if local.iter().any(is) || length == usize::from(minimum) {
        Length::Possible
    } else if length < usize::from(minimum) {
        Length::TooShort
    } else if length > usize::from(maximum) {
        Length::Other
    } else if possible.iter().any(is) {
        Length::Possible
    } else {
        Length::Other
    }
}

/// How many digits a calling code (1 to 999) is written with.
fn decimal_length(code: u16) -> usize {
    match code {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    }
}

/// Writes a calling code in decimal, without going through `fmt`.
fn push_decimal(text: &mut String, code: u16) {
    let mut divisor = 10u16.pow(decimal_length(code) as u32 - 1);
    while divisor > 0 {
        text.push(char::from(b'0' + (code / divisor % 10) as u8));
        divisor /= 10;
    }
}

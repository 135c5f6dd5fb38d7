//! Reading a number straight from libphonenumber's metadata, as the fallback for numbers the
//! `phonenumber` crate's parser gets wrong.
//!
//! The crate (0.3.10) strips a national prefix a second time after the country code, so it
//! turns `+7 800 123-45-67` into `+7 001234567` and `+370 800 12 345` into `+370 12345`, and it
//! takes the region's own country code for a prefix (`250 123 456` in Rwanda). Its metadata is
//! right, so these functions ask the metadata directly, as libphonenumber's `isValidNumber` does,
//! through the compiled patterns of `phone_patterns`.

use super::phone_patterns::{self as patterns, Region};

/// The E.164 form of `digits` (no `+`, no separators) when it is a country calling code and a
/// valid national number, with or without the country's trunk prefix after the code
/// (`33 0631966543`).
pub fn international(digits: &str) -> Option<String> {
    after_calling_code(digits, |code, regions, rest| {
        regions
            .iter()
            .find_map(|meta| valid_national(meta, rest))
            .map(|national| format!("+{code}{national}"))
    })
}

/// The region (`PL`) of `e164` (`+48221234567`): of the regions sharing its calling code, the
/// first whose numbers it fits.
pub fn region_of(e164: &str) -> Option<&'static str> {
    after_calling_code(e164.strip_prefix('+')?, |_, regions, rest| {
        regions
            .iter()
            .find(|region| region.is_valid(rest))
            .and_then(|region| super::country::country_code(region.meta.id()))
    })
}

/// The first answer of `read` for a calling code `digits` starts with (1 to 3 digits), given
/// the code, its regions and the digits after it.
fn after_calling_code<T>(
    digits: &str,
    read: impl Fn(u16, &[&Region], &str) -> Option<T>,
) -> Option<T> {
    (1..=3).filter(|&len| len < digits.len()).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        let regions = patterns::by_code(code)?;
        read(code, regions, &digits[len..])
    })
}

/// The E.164 form of `digits` written as a national number of the region `meta` describes,
/// with or without its trunk prefix (`0991234567` and `991234567` in Ecuador).
pub fn national(region: &str, digits: &str) -> Option<String> {
    let region = patterns::by_id(region)?;
    valid_national(region, digits)
        .map(|national| format!("+{}{national}", region.meta.country_code()))
}

/// `digits`, or `digits` without the trunk prefix, whichever is a valid national significant
/// number of `region` (the number as written wins, as in libphonenumber).
fn valid_national<'d>(region: &Region, digits: &'d str) -> Option<&'d str> {
    if region.is_valid(digits) {
        return Some(digits);
    }
    let meta = region.meta;
    let stripped = if region.has_national_prefix_pattern() {
        // Only a plain match is used: rules that rewrite the number (Argentina's 15) are the
        // crate parser's job, and it does them right.
        if meta.national_prefix_transform_rule().is_some() {
            return None;
        }
        &digits[region.national_prefix_end(digits)?..]
    } else {
        meta.national_prefix()
            .and_then(|prefix| digits.strip_prefix(prefix))?
    };
    region.is_valid(stripped).then_some(stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toll_free_numbers_the_crate_misreads() {
        assert_eq!(
            international("78001234567").as_deref(),
            Some("+78001234567")
        );
        assert_eq!(
            international("37080012345").as_deref(),
            Some("+37080012345")
        );
        assert_eq!(
            national("RU", "88001234567").as_deref(),
            Some("+78001234567")
        );
    }

    #[test]
    fn a_trunk_prefix_after_the_country_code_is_dropped() {
        assert_eq!(
            international("330631966543").as_deref(),
            Some("+33631966543")
        );
    }

    #[test]
    fn invalid_numbers_stay_invalid() {
        assert_eq!(international("4912"), None);
        assert_eq!(national("EC", "12345"), None);
    }
}

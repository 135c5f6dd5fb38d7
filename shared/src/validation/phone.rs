//! Phone numbers, read with libphonenumber's metadata (the `phonenumber` crate) and stored as E.164.

use phonenumber::country;

use super::phone_e164::normalise_e164;
use super::phone_metadata as metadata;
use super::{phone_patterns, phone_plain, phone_regex_cache};

/// Why a phone cell is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Not a valid number for the country.
    Invalid,
    /// A spreadsheet wrote it in scientific notation (`5.93991E+11`); digits are lost.
    ExcelDamaged,
    /// It lost its leading zero; the number with it is given (E.164).
    LeadingZeroLost(String),
    /// No `+` and no country to read it with.
    NoCountry,
}

/// The number in `cell` as E.164 (`+593991234567`), read in `country` (ISO alpha-2) unless it
/// starts with `+` or an international prefix.
///
/// Without a `+`, a number is read as national first (`0991234567`); as international only when
/// it starts with the country's own calling code (`593991234567`) or no country is known, so
/// `8 (800) 123-45-67` in Russia never becomes a number in Bangladesh.
///
/// A leading apostrophe is dropped: it is how a spreadsheet marks a cell as text, and how CSV
/// exports (ours included) keep `+593…` from being taken for a formula.
pub fn normalise_phone(cell: &str, country: Option<&str>) -> Result<String, PhoneProblem> {
    let cell = cell.strip_prefix('\'').unwrap_or(cell);
    phone_regex_cache::make_room();
    let region = country.and_then(|code| code.parse::<country::Id>().ok());
    if let Some(verdict) = normalise_e164(cell, region.as_ref().map(AsRef::as_ref)) {
        return verdict;
    }
    read_in_general(cell, region)
}

/// [`normalise_phone`] for any cell, without the fast path for E.164.
pub(crate) fn read_in_general(
    cell: &str,
    region: Option<country::Id>,
) -> Result<String, PhoneProblem> {
    if looks_scientific(cell) {
        return Err(PhoneProblem::ExcelDamaged);
    }
    // A number that went through a spreadsheet as a float: `593991234567.0`.
    let cell = cell
        .strip_suffix(".0")
        .filter(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(cell)
        .trim();
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    let bare = cell
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/'));
    if let Some(international) = cell.strip_prefix('+') {
        if let Some(number) = e164(region, cell) {
            return Ok(number);
        }
        let digits: String = international.chars().filter(char::is_ascii_digit).collect();
        // `+00 64…`, `+011 64…`: an international prefix written after the plus.
        let digits = digits.strip_prefix("00").unwrap_or(&digits);
        return metadata::international(digits).ok_or(PhoneProblem::Invalid);
    }
    let Some(region) = region else {
        if let Some(after_idd) = digits.strip_prefix("00").filter(|_| bare) {
            return metadata::international(after_idd).ok_or(PhoneProblem::Invalid);
        }
        // It may still carry its country code without the `+`.
        return match metadata::international(&digits).filter(|_| bare) {
            Some(number) => Ok(number),
            None => e164(None, &format!("+{cell}")).ok_or(PhoneProblem::NoCountry),
        };
    };
    if let Some(number) = e164(Some(region), cell) {
        return Ok(number);
    }
    let region_code = region.as_ref();
    if bare && !digits.is_empty() {
        if let Some(number) = metadata::national(region_code, &digits) {
            return Ok(number);
        }
        let calling_code = phonenumber::metadata::DATABASE
            .by_id(region_code)
            .map(|meta| meta.country_code().to_string());
        // The country code without its `+`: 593991234567.
        if let Some(number) = calling_code
            .filter(|code| digits.starts_with(code.as_str()))
            .and_then(|_| metadata::international(&digits))
        {
            return Ok(number);
        }
        if let Some(number) = e164(Some(region), &format!("0{digits}")) {
            return Err(PhoneProblem::LeadingZeroLost(number));
        }
    }
    Err(PhoneProblem::Invalid)
}

/// The number as E.164 when the `phonenumber` crate reads it as a valid number.
///
/// Plainly written numbers skip the crate's parser (see `phone_plain`); the crate's own
/// validity check and formatter are replaced by the same questions to compiled patterns (see
/// `phone_patterns`), and by writing the code and national number one after the other, which is
/// all its E.164 formatter does once it has looked for a format it does not use.
pub(crate) fn e164(region: Option<country::Id>, text: &str) -> Option<String> {
    let id = region.as_ref().map(AsRef::as_ref);
    if let Some(answer) = phone_plain::crate_e164(id, text) {
        return answer;
    }
    let number = phonenumber::parse(region, text).ok()?;
    let code = number.code().value();
    let national = number.national().to_string();
    phone_patterns::is_valid_number(code, &national).then(|| format!("+{code}{national}"))
}

/// `5.93991E+11`, `5,93991e+11`: what Excel shows for a long number in a General cell.
fn looks_scientific(cell: &str) -> bool {
    let Some((mantissa, exponent)) = cell.trim().split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && mantissa.bytes().any(|b| b == b'.' || b == b',')
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecuadorian_mobile_in_every_usual_form() {
        for written in [
            "0991234567",
            "099 123 4567",
            "099-123-4567",
            "+593 99 123 4567",
            "593991234567",
            "(09) 9123-4567",
            "991234567",
            "00593991234567",
        ] {
            assert_eq!(
                normalise_phone(written, Some("EC")).as_deref(),
                Ok("+593991234567"),
                "{written}"
            );
        }
    }

    #[test]
    fn the_plus_makes_the_country_unnecessary() {
        assert_eq!(
            normalise_phone("+48 601 234 567", None).as_deref(),
            Ok("+48601234567")
        );
        assert_eq!(
            normalise_phone("48601234567", None).as_deref(),
            Ok("+48601234567")
        );
        assert_eq!(
            normalise_phone("601 234 567", None),
            Err(PhoneProblem::NoCountry)
        );
    }

    #[test]
    fn a_spreadsheet_text_mark_is_dropped() {
        assert_eq!(
            normalise_phone("'+593991234567", None).as_deref(),
            Ok("+593991234567")
        );
        assert_eq!(
            normalise_phone("'0991234567", Some("EC")).as_deref(),
            Ok("+593991234567")
        );
    }

    #[test]
    fn scientific_notation_is_excel_damage() {
        assert_eq!(
            normalise_phone("5.93991E+11", Some("EC")),
            Err(PhoneProblem::ExcelDamaged)
        );
        assert_eq!(
            normalise_phone("5,93991e+11", Some("EC")),
            Err(PhoneProblem::ExcelDamaged)
        );
    }

    #[test]
    fn a_lost_leading_zero_is_spotted() {
        // An Italian landline keeps its 0 after the country code.
        assert_eq!(
            normalise_phone("612345678", Some("IT")),
            Err(PhoneProblem::LeadingZeroLost("+390612345678".to_owned()))
        );
    }

    #[test]
    fn a_trunk_prefix_is_never_read_as_a_foreign_country_code() {
        assert_eq!(
            normalise_phone("8 (800) 123-45-67", Some("RU")).as_deref(),
            Ok("+78001234567")
        );
        assert_eq!(
            normalise_phone("+7 800 123-45-67", None).as_deref(),
            Ok("+78001234567")
        );
        assert_eq!(
            normalise_phone("0032474123456", None).as_deref(),
            Ok("+32474123456")
        );
    }

    #[test]
    fn too_short_is_invalid() {
        assert_eq!(
            normalise_phone("12345", Some("EC")),
            Err(PhoneProblem::Invalid)
        );
    }
}

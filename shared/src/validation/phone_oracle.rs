//! The phone path as it was before `phone_patterns` and `phone_plain` (commit 0f1764d): the
//! `phonenumber` crate's parser, validity check and formatter, and our metadata fallbacks asking
//! the crate's own cached patterns. Kept, for the tests only, as the oracle the equivalence test
//! (`phone_equivalence`) holds the new path to; copied unchanged but for paths and visibility.

/// `phone.rs` as it was.
pub(crate) mod phone {
    use phonenumber::{Mode, country};

    use super::phone_e164::normalise_e164;
    use super::phone_metadata as metadata;
    use crate::validation::phone::PhoneProblem;
    use crate::validation::phone_regex_cache;

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
    fn read_in_general(cell: &str, region: Option<country::Id>) -> Result<String, PhoneProblem> {
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
    pub(crate) fn e164(region: Option<country::Id>, text: &str) -> Option<String> {
        let number = phonenumber::parse(region, text).ok()?;
        number
            .is_valid()
            .then(|| number.format().mode(Mode::E164).to_string())
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
}

/// `phone_metadata.rs` as it was.
pub(crate) mod phone_metadata {
    use phonenumber::metadata::{DATABASE, Metadata};

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
                .find(|meta| is_valid(meta, rest))
                .and_then(|meta| crate::validation::country::country_code(meta.id()))
        })
    }

    /// The first answer of `read` for a calling code `digits` starts with (1 to 3 digits), given
    /// the code, its regions and the digits after it.
    fn after_calling_code<T>(
        digits: &str,
        read: impl Fn(u16, &[&Metadata], &str) -> Option<T>,
    ) -> Option<T> {
        (1..=3).filter(|&len| len < digits.len()).find_map(|len| {
            let code: u16 = digits[..len].parse().ok()?;
            let regions = DATABASE.by_code(&code)?;
            read(code, &regions, &digits[len..])
        })
    }

    /// The E.164 form of `digits` written as a national number of the region `meta` describes,
    /// with or without its trunk prefix (`0991234567` and `991234567` in Ecuador).
    pub fn national(region: &str, digits: &str) -> Option<String> {
        let meta = DATABASE.by_id(region)?;
        valid_national(meta, digits).map(|national| format!("+{}{national}", meta.country_code()))
    }

    /// `digits`, or `digits` without the trunk prefix, whichever is a valid national significant
    /// number of `meta`'s region (the number as written wins, as in libphonenumber).
    fn valid_national<'d>(meta: &Metadata, digits: &'d str) -> Option<&'d str> {
        if is_valid(meta, digits) {
            return Some(digits);
        }
        let stripped = match meta.national_prefix_for_parsing() {
            // Only a plain match is used: rules that rewrite the number (Argentina's 15) are the
            // crate parser's job, and it does them right.
            Some(pattern) if meta.national_prefix_transform_rule().is_none() => pattern
                .find(digits)
                .filter(|found| found.start() == 0)
                .map(|found| &digits[found.end()..]),
            Some(_) => None,
            None => meta
                .national_prefix()
                .and_then(|prefix| digits.strip_prefix(prefix)),
        }?;
        is_valid(meta, stripped).then_some(stripped)
    }

    /// Whether `national` is a valid number of some kind in `meta`'s region.
    pub(crate) fn is_valid(meta: &Metadata, national: &str) -> bool {
        let kinds = meta.descriptors();
        kinds.general().is_match(national)
            && [
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
            .any(|kind| kind.is_match(national))
    }
}

/// `phone_e164.rs` as it was.
mod phone_e164 {
    use phonenumber::metadata::{DATABASE, Metadata};

    use super::phone_metadata;
    use crate::validation::phone::PhoneProblem;

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
        let (code, metas) = (1..=3).find_map(|len| {
            let code: u16 = digits[..len].parse().ok()?;
            Some((len, DATABASE.by_code(&code)?))
        })?;
        let national = &digits[code..];
        if national.starts_with('0') {
            return None;
        }
        let hint = region.and_then(|id| DATABASE.by_id(id));
        // After the `+`, the crate takes off the given region's international prefix if it sees one.
        if hint
            .and_then(Metadata::international_prefix)
            .is_some_and(|idd| starts_with_match(idd.find(digits).map(|m| m.start())))
        {
            return None;
        }
        // It then reads the national number with the given region's metadata, or else with the
        // metadata of the region the number belongs to, and takes off a national prefix.
        if hint
            .or_else(|| owner(&metas, national))
            .is_some_and(|meta| may_strip_national_prefix(meta, national))
        {
            return None;
        }
        // The crate now holds the digits as written. If it calls them valid, that is the answer;
        // otherwise the general path asks the metadata directly, as here.
        if owner(&metas, national).is_some_and(|meta| phone_metadata::is_valid(meta, national)) {
            return Some(Ok(cell.to_owned()));
        }
        Some(phone_metadata::international(digits).ok_or(PhoneProblem::Invalid))
    }

    /// The region whose metadata the crate validates `national` with, among the regions sharing its
    /// country code: the only one; else the first whose leading digits match, or which calls the
    /// number valid (the crate's `source_for`).
    fn owner<'m>(metas: &[&'m Metadata], national: &str) -> Option<&'m Metadata> {
        if let [only] = metas {
            return Some(only);
        }
        metas
            .iter()
            .copied()
            .find(|meta| match meta.leading_digits() {
                Some(pattern) => starts_with_match(pattern.find(national).map(|m| m.start())),
                None => phone_metadata::is_valid(meta, national),
            })
    }

    /// Whether the crate could take a national prefix off `national` with `meta`: its pattern for
    /// parsing matches at the start, or the plain national prefix starts it.
    fn may_strip_national_prefix(meta: &Metadata, national: &str) -> bool {
        meta.national_prefix_for_parsing()
            .is_some_and(|pattern| starts_with_match(pattern.find(national).map(|m| m.start())))
            || meta
                .national_prefix()
                .is_some_and(|prefix| national.starts_with(prefix))
    }

    /// Whether a pattern's first match (its start, if any) is at the very beginning, as the crate
    /// asks of every prefix pattern.
    fn starts_with_match(start: Option<usize>) -> bool {
        start == Some(0)
    }
}

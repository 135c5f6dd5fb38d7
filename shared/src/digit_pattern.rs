//! Number formats that show a number as a code: postal codes and customer numbers kept with their
//! leading zeros (`00000`, `00000-000`, `"ID"000000`), numbers with separators between their
//! digits (`000 000 000`, `###-###-####`). Excel shows such a cell as its format says, and so must
//! we: `1234` under `00000` is the postal code `01234`, not `1234`.
//!
//! Only formats made of digit placeholders (`0`, `#`), one decimal point, literal text, colours
//! and conditions (`[<=9999999]###-####;(###) ###-####`) are understood, and only those that pad
//! with zeros or put text between digits. Every other format (General, `0`, `0.00`, `#,##0`,
//! percentages, currencies, scientific, dates) is not a digit pattern: its cells keep the
//! ordinary reading of numbers.

use std::fmt::Write;

use crate::cell_text::write_number;
use crate::problem::ProblemKind;

/// Excel keeps 15 significant digits; it rounds to them before it formats.
const EXCEL_DIGITS: usize = 15;

/// Excel refuses longer format codes; a longer one in a file would only blow up every cell.
const MAX_CODE_LEN: usize = 255;

/// A number format of digit placeholders and literal text, as Excel applies it to a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DigitPattern {
    /// One to three sections: for numbers above zero, below zero (shown without a minus sign
    /// of their own) and zero; or, when the first two have conditions, for the numbers meeting
    /// the first, the second, and neither.
    sections: Vec<Section>,
}

/// One `;`-separated part of a format.
#[derive(Debug, Clone, PartialEq)]
struct Section {
    parts: Vec<Part>,
    condition: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// `0`: a digit, or `0` where the number has none.
    Zero,
    /// `#`: a digit, or nothing where the number has none.
    Hash,
    Point,
    Literal(String),
}

impl Part {
    fn is_digit(&self) -> bool {
        matches!(self, Part::Zero | Part::Hash)
    }
}

/// `[<=9999999]`: the section is for the numbers that meet it (Excel's phone number format).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Condition {
    comparison: Comparison,
    bound: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Comparison {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

impl Condition {
    /// The condition of a `[...]` code such as `<=9999999`, or `None` when it is not one.
    fn parse(code: &str) -> Option<Condition> {
        let (comparison, bound) = [
            ("<=", Comparison::LessOrEqual),
            (">=", Comparison::GreaterOrEqual),
            ("<>", Comparison::NotEqual),
            ("<", Comparison::Less),
            (">", Comparison::Greater),
            ("=", Comparison::Equal),
        ]
        .into_iter()
        .find_map(|(sign, comparison)| Some((comparison, code.strip_prefix(sign)?)))?;
        let bound = bound.trim().parse().ok()?;
        Some(Condition { comparison, bound })
    }

    fn holds(self, number: f64) -> bool {
        match self.comparison {
            Comparison::Less => number < self.bound,
            Comparison::LessOrEqual => number <= self.bound,
            Comparison::Greater => number > self.bound,
            Comparison::GreaterOrEqual => number >= self.bound,
            Comparison::Equal => number == self.bound,
            Comparison::NotEqual => number != self.bound,
        }
    }
}

impl DigitPattern {
    /// The pattern of an Excel number format code, or `None` when the code is not a digit
    /// pattern (its numbers then read as they always have).
    pub(crate) fn parse(code: &str) -> Option<DigitPattern> {
        if code.len() > MAX_CODE_LEN {
            return None;
        }
        let codes = split_sections(code);
        // A fourth section is for text cells, which a number format does not change.
        if codes.len() > 4 {
            return None;
        }
        let sections = codes
            .iter()
            .take(3)
            .map(|code| Section::parse(code))
            .collect::<Option<Vec<Section>>>()?;
        sections[0]
            .shows_a_code()
            .then_some(DigitPattern { sections })
    }

    /// Appends `number` as Excel shows it under this pattern; returns the problem it shows, if
    /// any (a number beyond 15 digits has already lost its tail in Excel).
    pub(crate) fn write(&self, number: f64, out: &mut String) -> Option<ProblemKind> {
        if !number.is_finite() {
            return write_number(number, out);
        }
        let start = out.len();
        let (section, minus) = self.section_for(number);
        if minus {
            out.push('-');
        }
        let whole_digits = section.write(number.abs(), out);
        (whole_digits > EXCEL_DIGITS).then(|| ProblemKind::DamagedNumber {
            text: out[start..].to_owned(),
        })
    }

    /// The section that shows `number`, and whether a minus sign goes before it.
    fn section_for(&self, number: f64) -> (&Section, bool) {
        // A format of one section uses it for all numbers; of two, the first again for zero.
        let section = |index: usize| match (self.sections.len(), index) {
            (1, _) | (2, 2) => &self.sections[0],
            _ => &self.sections[index],
        };
        let (first, second) = (section(0).condition, section(1).condition);
        if first.is_some() || second.is_some() {
            let chosen = if first.is_some_and(|condition| condition.holds(number)) {
                section(0)
            } else if second.is_some_and(|condition| condition.holds(number)) {
                section(1)
            } else if first.is_some() && second.is_some() {
                section(2)
            } else {
                section(1)
            };
            return (chosen, number < 0.0);
        }
        if number < 0.0 {
            (section(1), self.sections.len() == 1)
        } else if number == 0.0 {
            (section(2), false)
        } else {
            (section(0), false)
        }
    }
}

impl Section {
    /// The parts of one section, or `None` when it holds anything but digit placeholders, one
    /// decimal point, literal text, colours and one condition.
    fn parse(code: &str) -> Option<Section> {
        let mut parts: Vec<Part> = Vec::new();
        let mut condition = None;
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            match c {
                '0' => parts.push(Part::Zero),
                '#' => parts.push(Part::Hash),
                '.' if !parts.contains(&Part::Point) => parts.push(Part::Point),
                '"' => {
                    let rest = chars.as_str();
                    let end = rest.find('"')?;
                    push_literal(&mut parts, &rest[..end]);
                    chars = rest[end + 1..].chars();
                }
                '\\' => push_literal(&mut parts, chars.next()?.encode_utf8(&mut [0; 4])),
                '[' => {
                    let rest = chars.as_str();
                    let end = rest.find(']')?;
                    let inside = &rest[..end];
                    match Condition::parse(inside) {
                        Some(found) if condition.is_none() => condition = Some(found),
                        Some(_) => return None,
                        None => push_literal(&mut parts, bracket_text(inside)?),
                    }
                    chars = rest[end + 1..].chars();
                }
                '$' | '-' | '+' | '(' | ')' | ':' | '!' | '^' | '&' | '\'' | '~' | '{' | '}'
                | '<' | '>' | '=' | ' ' => push_literal(&mut parts, c.encode_utf8(&mut [0; 4])),
                // Currency signs and other symbols; letters must be quoted.
                _ if !c.is_ascii() && !c.is_alphabetic() => {
                    push_literal(&mut parts, c.encode_utf8(&mut [0; 4]));
                }
                _ => return None,
            }
        }
        let point = parts.iter().position(|part| *part == Part::Point);
        let has_whole_digits = parts[..point.unwrap_or(parts.len())]
            .iter()
            .any(Part::is_digit);
        // `.00` puts the whole digits before the point: not a code, not worth the rules.
        if point.is_some() && !has_whole_digits {
            return None;
        }
        Some(Section { parts, condition })
    }

    /// True when the section pads with zeros (two or more `0` before the point) or puts text
    /// between digits: then Excel shows something other than the plain number.
    fn shows_a_code(&self) -> bool {
        let whole = self.whole_parts();
        let zeros = whole.iter().filter(|part| **part == Part::Zero).count();
        let first_digit = whole.iter().position(Part::is_digit);
        let last_digit = whole.iter().rposition(Part::is_digit);
        let text_between_digits = match (first_digit, last_digit) {
            (Some(first), Some(last)) => whole[first..last]
                .iter()
                .any(|part| matches!(part, Part::Literal(_))),
            _ => false,
        };
        zeros >= 2 || text_between_digits
    }

    fn whole_parts(&self) -> &[Part] {
        let point = self.parts.iter().position(|part| *part == Part::Point);
        &self.parts[..point.unwrap_or(self.parts.len())]
    }

    /// Appends `number` (not negative) as this section shows it; returns how many whole digits
    /// the number has.
    fn write(&self, number: f64, out: &mut String) -> usize {
        let whole_parts = self.whole_parts();
        let fraction_parts = self.parts.get(whole_parts.len() + 1..).unwrap_or(&[]);
        let decimals = fraction_parts.iter().filter(|part| part.is_digit()).count();
        let (whole, fraction) = rounded_digits(number, decimals);
        write_whole(whole_parts, &whole, out);
        if whole_parts.len() < self.parts.len() {
            out.push('.');
            write_fraction(fraction_parts, &fraction, out);
        }
        whole.len()
    }
}

/// Adds literal text, joined to the literal before it.
fn push_literal(parts: &mut Vec<Part>, text: &str) {
    match parts.last_mut() {
        Some(Part::Literal(previous)) => previous.push_str(text),
        _ => parts.push(Part::Literal(text.to_owned())),
    }
}

/// The text a `[...]` code shows: nothing for a colour or a locale, the symbol of a currency
/// (`[$€-407]`); `None` for anything else (elapsed time, other calendars).
fn bracket_text(code: &str) -> Option<&str> {
    const COLOURS: [&str; 8] = [
        "black", "blue", "cyan", "green", "magenta", "red", "white", "yellow",
    ];
    if COLOURS
        .iter()
        .any(|colour| code.eq_ignore_ascii_case(colour))
    {
        return Some("");
    }
    if let Some(number) = code.strip_prefix("Color").or(code.strip_prefix("color")) {
        return number.bytes().all(|b| b.is_ascii_digit()).then_some("");
    }
    let currency = code.strip_prefix('$')?;
    Some(
        currency
            .split_once('-')
            .map_or(currency, |(symbol, _)| symbol),
    )
}

/// The format's sections, split at the `;` that are neither quoted nor escaped.
fn split_sections(code: &str) -> Vec<&str> {
    let mut sections = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut escaped = false;
    for (at, c) in code.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            '\\' if !quoted => escaped = true,
            ';' if !quoted => {
                sections.push(&code[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    sections.push(&code[start..]);
    sections
}

/// Fills the whole-number placeholders from the right; the leftmost takes every digit left over
/// (`00-000` shows 1234567 as `1234-567`). Literal text is always shown.
fn write_whole(parts: &[Part], digits: &[u8], out: &mut String) {
    let placeholders = parts.iter().filter(|part| part.is_digit()).count();
    let mut ordinal = 0;
    for part in parts {
        if let Part::Literal(text) = part {
            out.push_str(text);
            continue;
        }
        // This placeholder stands for the digit `from_right` places from the number's end.
        let from_right = placeholders - 1 - ordinal;
        let shown = if ordinal == 0 {
            &digits[..digits.len().saturating_sub(from_right)]
        } else if from_right < digits.len() {
            let at = digits.len() - 1 - from_right;
            &digits[at..=at]
        } else {
            &[]
        };
        if shown.is_empty() && *part == Part::Zero {
            out.push('0');
        }
        out.extend(shown.iter().map(|&digit| char::from(b'0' + digit)));
        ordinal += 1;
    }
}

/// Shows the fraction's digits: a `0` always, a `#` only before a later digit that is not zero.
fn write_fraction(parts: &[Part], digits: &[u8], out: &mut String) {
    let last_significant = digits.iter().rposition(|&digit| digit != 0);
    let mut index = 0;
    for part in parts {
        match part {
            Part::Literal(text) => out.push_str(text),
            Part::Zero | Part::Hash => {
                let shown =
                    *part == Part::Zero || last_significant.is_some_and(|last| index <= last);
                if shown {
                    out.push(char::from(b'0' + digits[index]));
                }
                index += 1;
            }
            Part::Point => {}
        }
    }
}

/// The decimal digits of `number` (not negative) rounded as Excel rounds it: to 15 significant
/// digits, then half away from zero to `decimals` places. The whole part has no leading zeros
/// (none at all for zero); the fraction has `decimals` digits.
fn rounded_digits(number: f64, decimals: usize) -> (Vec<u8>, Vec<u8>) {
    let mut scientific = String::with_capacity(24);
    let _ = write!(scientific, "{number:.*e}", EXCEL_DIGITS - 1);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    // `digits[k]` stands for that digit times ten to the power `lead - k`.
    let mut lead: i64 = exponent.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let kept = lead + 1 + decimals as i64;
    if kept < 0 {
        digits.clear();
    } else if let Some(&next) = digits.get(kept as usize) {
        digits.truncate(kept as usize);
        if next >= 5 {
            round_up(&mut digits, &mut lead);
        }
    }
    let digit_at = |power: i64| -> u8 {
        usize::try_from(lead - power)
            .ok()
            .and_then(|k| digits.get(k).copied())
            .unwrap_or(0)
    };
    let whole: Vec<u8> = (0..=lead.max(-1))
        .rev()
        .map(digit_at)
        .skip_while(|&digit| digit == 0)
        .collect();
    let fraction = (1..=decimals as i64)
        .map(|place| digit_at(-place))
        .collect();
    (whole, fraction)
}

/// Adds one to the last digit, carrying; a carry out of the first digit makes a new first digit.
fn round_up(digits: &mut Vec<u8>, lead: &mut i64) {
    for digit in digits.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return;
        }
    }
    digits.insert(0, 1);
    *lead += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, number: f64) -> String {
        let pattern = DigitPattern::parse(code).unwrap_or_else(|| panic!("{code} is a pattern"));
        let mut out = String::new();
        pattern.write(number, &mut out);
        out
    }

    #[test]
    fn zero_padding_keeps_leading_zeros() {
        assert_eq!(shown("00000", 1234.0), "01234");
        assert_eq!(shown("0000", 7.0), "0007");
        assert_eq!(shown("000000000", 12345678.0), "012345678");
        assert_eq!(shown("00000", 0.0), "00000");
        assert_eq!(shown("00000", 123456.0), "123456");
    }

    #[test]
    fn text_between_digits_is_shown() {
        assert_eq!(shown("00000-000", 1310100.0), "01310-100");
        assert_eq!(shown("00000\\-000", 1310100.0), "01310-100");
        assert_eq!(shown("00-000", 2495.0), "02-495");
        assert_eq!(shown("000 000 000", 12345678.0), "012 345 678");
        assert_eq!(shown("###-###-####", 5551234567.0), "555-123-4567");
        assert_eq!(shown("(###) ###-####", 5551234.0), "() 555-1234");
    }

    #[test]
    fn digits_beyond_the_pattern_go_to_its_first_placeholder() {
        assert_eq!(shown("00-000", 1234567.0), "1234-567");
    }

    #[test]
    fn quoted_text_colours_and_currency_codes() {
        assert_eq!(shown("\"ID\"00000", 42.0), "ID00042");
        assert_eq!(shown("[Red]00000", 12.0), "00012");
        assert_eq!(shown("[$-409]00000", 12.0), "00012");
        assert_eq!(shown("[$€-407]00000", 12.0), "€00012");
    }

    #[test]
    fn sections_for_negative_numbers_and_zero() {
        assert_eq!(shown("00000", -42.0), "-00042");
        assert_eq!(shown("00000;-00000", -42.0), "-00042");
        assert_eq!(shown("00000;(00000)", -42.0), "(00042)");
        assert_eq!(shown("00000;(00000)", 42.0), "00042");
        assert_eq!(shown("00000;-00000;\"none\"", 0.0), "none");
        assert_eq!(shown("00000;-00000;;@", 0.0), "");
        assert_eq!(shown("\"a;b\"00000", 1.0), "a;b00001");
    }

    #[test]
    fn conditions_choose_the_section() {
        let phone = "[<=9999999]###-####;(###) ###-####";
        assert_eq!(shown(phone, 5551234.0), "555-1234");
        assert_eq!(shown(phone, 5551234567.0), "(555) 123-4567");
        let zip = "[>99999]00000-0000;00000";
        assert_eq!(shown(zip, 123456789.0), "12345-6789");
        assert_eq!(shown(zip, 1234.0), "01234");
        let three = "[<100]\"low \"00;[>1000]\"high \"00000;000";
        assert_eq!(shown(three, 50.0), "low 50");
        assert_eq!(shown(three, 5000.0), "high 05000");
        assert_eq!(shown(three, 500.0), "500");
    }

    #[test]
    fn numbers_are_rounded_to_the_pattern_half_away_from_zero() {
        assert_eq!(shown("00000", 1234.5), "01235");
        assert_eq!(shown("00000", 1234.4), "01234");
        assert_eq!(shown("00000", -1234.5), "-01235");
        assert_eq!(shown("00", 99.5), "100");
        assert_eq!(shown("00.0", 9.96), "10.0");
        // 2.675 is stored as 2.67499999…; Excel rounds its 15 digits, 2.67500000000000.
        assert_eq!(shown("00.00", 2.675), "02.68");
        assert_eq!(shown("00000", 0.4), "00000");
    }

    #[test]
    fn decimals_under_zeros_and_hashes() {
        assert_eq!(shown("000.00", 1.5), "001.50");
        assert_eq!(shown("000.0#", 1.25), "001.25");
        assert_eq!(shown("000.0#", 1.5), "001.5");
        assert_eq!(shown("000.##", 1.0), "001.");
    }

    #[test]
    fn numbers_past_fifteen_digits_are_marked_damaged() {
        let pattern = DigitPattern::parse("0000000000000000").unwrap();
        let mut out = String::new();
        let problem = pattern.write(1234567890123456.0, &mut out);
        assert_eq!(out, "1234567890123460");
        assert!(matches!(problem, Some(ProblemKind::DamagedNumber { .. })));
        assert_eq!(pattern.write(123456789012345.0, &mut String::new()), None);
    }

    #[test]
    fn ordinary_formats_are_not_patterns() {
        for code in [
            "General",
            "0",
            "0.00",
            "0.0000",
            "#,##0",
            "#,##0.00",
            "0%",
            "0.00%",
            "0.00E+00",
            "#####",
            "$0.00",
            "0 \"kg\"",
            "\"ID\"0",
            "yyyy-mm-dd",
            "[h]:mm:ss",
            "@",
            "[<abc]00000",
            "[<1][>2]00000",
            "00000,",
            "# ?/?",
            "00/00",
            "_(00000_)",
            "\"unclosed00000",
            ".00",
            "00.00.00",
        ] {
            assert_eq!(DigitPattern::parse(code), None, "{code}");
        }
    }

    #[test]
    fn a_code_longer_than_excel_allows_is_not_a_pattern() {
        assert!(DigitPattern::parse(&"0".repeat(255)).is_some());
        assert_eq!(DigitPattern::parse(&"0".repeat(256)), None);
    }

    #[test]
    fn a_pattern_needs_every_number_section_understood() {
        assert_eq!(DigitPattern::parse("00000;[Red]-#,##0"), None);
        assert!(DigitPattern::parse("00000;[Red]-00000").is_some());
        assert!(DigitPattern::parse("00000;-00000;0;@").is_some());
    }
}

//! Turning a spreadsheet cell into the text a user sees in Excel, and spotting numbers that Excel
//! has already damaged.

use std::fmt::Write;

use calamine::{DataRef, ExcelDateTime};

use crate::problem::ProblemKind;

/// Excel keeps 15 significant digits; anything longer has lost its tail.
const EXCEL_DIGITS: usize = 15;

/// Appends the text of `cell` to `out`; returns the problem the cell shows, if any.
pub(crate) fn write_cell(cell: &DataRef<'_>, out: &mut String) -> Option<ProblemKind> {
    match cell {
        DataRef::Empty => None,
        DataRef::String(text) | DataRef::DurationIso(text) => write_text(text, out),
        DataRef::DateTimeIso(text) => {
            out.push_str(&iso_date(text));
            None
        }
        DataRef::SharedString(text) => write_text(text, out),
        DataRef::Int(number) => {
            let _ = write!(out, "{number}");
            None
        }
        DataRef::Float(number) => write_number(*number, out),
        DataRef::Bool(true) => {
            out.push_str("TRUE");
            None
        }
        DataRef::Bool(false) => {
            out.push_str("FALSE");
            None
        }
        DataRef::DateTime(date) => {
            write_date(date, out);
            None
        }
        DataRef::Error(error) => {
            let value = error.to_string();
            out.push_str(&value);
            Some(ProblemKind::ErrorCell { value })
        }
    }
}

fn write_text(text: &str, out: &mut String) -> Option<ProblemKind> {
    out.push_str(text);
    is_damaged_number(text).then(|| ProblemKind::DamagedNumber {
        text: text.to_owned(),
    })
}

/// Writes a number as Excel's "General" format shows it in a wide column: whole numbers without
/// a decimal point or exponent, others with at most 15 significant digits (no float noise).
/// A number beyond 15 digits has already lost digits in Excel and is reported.
pub(crate) fn write_number(number: f64, out: &mut String) -> Option<ProblemKind> {
    if !number.is_finite() {
        let _ = write!(out, "{number}");
        return None;
    }
    // Rounds to 15 significant digits, as Excel shows it.
    let rounded: f64 = format!("{number:.*e}", EXCEL_DIGITS - 1)
        .parse()
        .unwrap_or(number);
    let start = out.len();
    if rounded.fract() == 0.0 && rounded.abs() < 1e21 {
        let _ = write!(out, "{rounded:.0}");
    } else {
        let _ = write!(out, "{rounded}");
    }
    let digits = out[start..]
        .trim_start_matches('-')
        .trim_start_matches(['0', '.'])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    (digits > EXCEL_DIGITS).then(|| ProblemKind::DamagedNumber {
        text: out[start..].to_owned(),
    })
}

/// Writes a date as an ISO date (`2024-03-01`), a time as `13:45:00`, both when it has both, and a
/// duration as hours, minutes and seconds. 1900 and 1904 date systems are both honoured.
fn write_date(date: &ExcelDateTime, out: &mut String) {
    let serial = date.as_f64();
    if date.is_duration() {
        let seconds = (serial * 86_400.0).round() as i64;
        let _ = write!(
            out,
            "{}:{:02}:{:02}",
            seconds / 3600,
            (seconds / 60 % 60).abs(),
            (seconds % 60).abs()
        );
        return;
    }
    let (year, month, day, hour, minute, second, milli) = date.to_ymd_hms_milli();
    let has_time = (hour, minute, second, milli) != (0, 0, 0, 0);
    if (0.0..1.0).contains(&serial) && has_time {
        let _ = write!(out, "{hour:02}:{minute:02}:{second:02}");
    } else if has_time {
        let _ = write!(
            out,
            "{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}"
        );
    } else {
        let _ = write!(out, "{year:04}-{month:02}-{day:02}");
    }
}

/// An ISO date-time as the other cells show it: `2021-01-01` for midnight, else
/// `2021-01-01 10:10:10`.
fn iso_date(text: &str) -> String {
    match text.split_once('T') {
        Some((date, "00:00:00")) => date.to_owned(),
        Some((date, time)) if !date.is_empty() => format!("{date} {time}"),
        _ => text.to_owned(),
    }
}

/// True for a number that Excel has turned into scientific notation, such as `5.93991E+11`: the
/// digits after the sixth are gone.
#[inline]
pub(crate) fn is_damaged_number(text: &str) -> bool {
    // The cheap tests first, inlined, as every cell of a CSV file comes here: the mantissa has
    // one digit before its point.
    let bytes = text.as_bytes();
    (4..=24).contains(&bytes.len())
        && bytes[0].is_ascii_digit()
        && matches!(bytes[1], b'.' | b'E')
        && has_scientific_shape(text)
}

/// True for `d.dddE+dd` or `dE+dd`.
fn has_scientific_shape(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(e) = bytes.iter().position(|&b| b == b'E') else {
        return false;
    };
    let (mantissa, exponent) = (&text[..e], &text[e + 1..]);
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            whole.len() == 1 && !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        None => mantissa.len() == 1,
    };
    let exponent_ok = exponent
        .strip_prefix('+')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    fn text(cell: DataRef<'_>) -> (String, Option<ProblemKind>) {
        let mut out = String::new();
        let problem = write_cell(&cell, &mut out);
        (out, problem)
    }

    fn date(serial: f64, is_1904: bool) -> String {
        text(DataRef::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            is_1904,
        )))
        .0
    }

    #[test]
    fn whole_numbers_have_no_float_noise() {
        assert_eq!(text(DataRef::Float(593991234567.0)).0, "593991234567");
        assert_eq!(text(DataRef::Float(0.1 + 0.2)).0, "0.3");
        assert_eq!(text(DataRef::Float(-12.5)).0, "-12.5");
        assert_eq!(text(DataRef::Int(42)).0, "42");
    }

    #[test]
    fn numbers_past_fifteen_digits_are_marked_damaged() {
        let (shown, problem) = text(DataRef::Float(1234567890123456.0));
        assert_eq!(shown, "1234567890123460");
        assert!(matches!(problem, Some(ProblemKind::DamagedNumber { .. })));
    }

    #[test]
    fn dates_are_iso_in_both_date_systems() {
        assert_eq!(date(45352.0, false), "2024-03-01");
        assert_eq!(date(45352.0 - 1462.0, true), "2024-03-01");
        assert_eq!(date(45352.5, false), "2024-03-01 12:00:00");
        assert_eq!(date(0.75, false), "18:00:00");
    }

    #[test]
    fn iso_dates_read_like_serial_dates() {
        assert_eq!(
            text(DataRef::DateTimeIso("2016-10-20T00:00:00".into())).0,
            "2016-10-20"
        );
        assert_eq!(
            text(DataRef::DateTimeIso("2021-01-01T10:10:10".into())).0,
            "2021-01-01 10:10:10"
        );
        assert_eq!(text(DataRef::DateTimeIso("10:10:10".into())).0, "10:10:10");
    }

    #[test]
    fn durations_are_hours_minutes_seconds() {
        let cell = DataRef::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(text(cell).0, "36:00:00");
    }

    #[test]
    fn booleans_and_errors_read_as_excel_shows_them() {
        assert_eq!(text(DataRef::Bool(true)).0, "TRUE");
        let (shown, problem) = text(DataRef::Error(CellErrorType::NA));
        assert_eq!(shown, "#N/A");
        assert_eq!(
            problem,
            Some(ProblemKind::ErrorCell {
                value: "#N/A".into()
            })
        );
    }

    #[test]
    fn scientific_notation_text_is_a_damaged_number() {
        assert!(is_damaged_number("5.93991E+11"));
        assert!(is_damaged_number("6E+15"));
        assert!(!is_damaged_number("5.93991E-11x"));
        assert!(!is_damaged_number("E+11"));
        assert!(!is_damaged_number("593991234567"));
        assert!(!is_damaged_number("12E45 Main St"));
    }
}

//! Dates as people and spreadsheets write them: ISO, day-first, month-first, Excel serials.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar date. The engine never reads the clock: "today" is one of these, handed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|days| (1..=*days).contains(&day))
            .map(|_| Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date `days` after 1970-01-01: what a host that reads the clock hands the engine
    /// (seconds since the Unix epoch divided by 86,400).
    pub fn from_unix_days(days: i64) -> Option<Date> {
        Date::from_excel_serial(days + 25569)
    }

    /// The date `days` after 1899-12-30, which is how Excel (1900 system) counts.
    fn from_excel_serial(days: i64) -> Option<Date> {
        // Civil-from-days (Howard Hinnant), counting from 1970-01-01.
        let z = days - 25569 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;

    /// Reads an ISO date, `2026-11-23`.
    fn from_str(text: &str) -> Result<Date, String> {
        let mut parts = text.trim().splitn(3, '-');
        let mut next = || parts.next().and_then(|part| part.parse::<i32>().ok());
        match (next(), next(), next()) {
            (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
                Date::new(y, m as u8, d as u8)
            }
            _ => None,
        }
        .ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Date, String> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

/// A date read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadDate {
    /// The date.
    pub date: Date,
    /// It could also be read the other way round (03/04/2026) and the country settled it.
    pub ambiguous: bool,
}

/// Whether people in `country` write the month first (`03/24/2026`).
pub fn month_first(country: Option<&str>) -> bool {
    matches!(country, Some("US" | "PH" | "FM" | "MH" | "PW"))
}

/// Reads `text` as a date. `month_first` settles 03/04 forms; `today` places two-digit years
/// (within 80 years before and 20 after it).
pub fn parse_date(text: &str, month_first: bool, today: Option<Date>) -> Option<ReadDate> {
    let text = text.trim();
    // A time after the date (`2026-11-23T10:00`, `23/11/2026 10:00`) is dropped.
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    if let Some(serial) = excel_serial(date_part) {
        return Some(ReadDate {
            date: serial,
            ambiguous: false,
        });
    }
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else {
        return compact_iso(date_part);
    };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<i32>().ok();
    if a.len() == 4 {
        let date = Date::new(
            number(a)?,
            u8::try_from(number(b)?).ok()?,
            u8::try_from(number(c)?).ok()?,
        )?;
        return Some(ReadDate {
            date,
            ambiguous: false,
        });
    }
    let year = match c.len() {
        4 => number(c)?,
        2 => two_digit_year(number(c)?, today),
        _ => return None,
    };
    let (first, second) = (
        u8::try_from(number(a)?).ok()?,
        u8::try_from(number(b)?).ok()?,
    );
    let day_first = Date::new(year, second, first);
    let month_first_date = Date::new(year, first, second);
    let (preferred, other) = if month_first {
        (month_first_date, day_first)
    } else {
        (day_first, month_first_date)
    };
    match (preferred, other) {
        (Some(date), Some(other)) => Some(ReadDate {
            date,
            ambiguous: date != other,
        }),
        (Some(date), None) | (None, Some(date)) => Some(ReadDate {
            date,
            ambiguous: false,
        }),
        (None, None) => None,
    }
}

fn compact_iso(text: &str) -> Option<ReadDate> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = Date::new(
        text[..4].parse().ok()?,
        text[4..6].parse().ok()?,
        text[6..].parse().ok()?,
    )?;
    Some(ReadDate {
        date,
        ambiguous: false,
    })
}

/// An Excel day number (1900 system) between 1900 and 2099: `45000` or `45000.5`.
fn excel_serial(text: &str) -> Option<Date> {
    let int = text.split_once(['.', ',']).map_or(text, |(int, frac)| {
        if frac.bytes().all(|b| b.is_ascii_digit()) {
            int
        } else {
            ""
        }
    });
    if int.len() > 5 || int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days: i64 = int.parse().ok()?;
    // Below 61 Excel counts a 29 February 1900 that never was; such dates are not customers'.
    (61..=73050)
        .contains(&days)
        .then(|| Date::from_excel_serial(days))
        .flatten()
}

fn two_digit_year(yy: i32, today: Option<Date>) -> i32 {
    let this_year = today.map_or(2000, Date::year);
    let latest = this_year + 20;
    let candidate = latest - (latest - yy).rem_euclid(100);
    if candidate > latest {
        candidate - 100
    } else {
        candidate
    }
}

/// Whether `date` is too far from `today` to be meant (before 1900, or more than 100 years ahead).
pub fn is_implausible(date: Date, today: Option<Date>) -> bool {
    let this_year = today.map_or(2000, Date::year);
    date.year < 1900 || date.year > this_year + 100
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, month_first: bool) -> Option<(String, bool)> {
        let today = Date::new(2026, 11, 23);
        parse_date(text, month_first, today).map(|r| (r.date.to_string(), r.ambiguous))
    }

    #[test]
    fn iso_and_compact_iso() {
        assert_eq!(
            read("2026-03-04", false),
            Some(("2026-03-04".into(), false))
        );
        assert_eq!(read("2026/3/4", true), Some(("2026-03-04".into(), false)));
        assert_eq!(read("20260304", false), Some(("2026-03-04".into(), false)));
        assert_eq!(
            read("2026-11-23T10:00:00Z", false),
            Some(("2026-11-23".into(), false))
        );
    }

    #[test]
    fn day_first_or_month_first_by_country() {
        assert_eq!(read("03/04/2026", false), Some(("2026-04-03".into(), true)));
        assert_eq!(read("03/04/2026", true), Some(("2026-03-04".into(), true)));
        assert_eq!(read("24/12/2026", true), Some(("2026-12-24".into(), false)));
        assert_eq!(
            read("24.12.2026", false),
            Some(("2026-12-24".into(), false))
        );
    }

    #[test]
    fn two_digit_years_land_near_today() {
        assert_eq!(read("01/02/30", false).unwrap().0, "2030-02-01");
        assert_eq!(read("01/02/75", false).unwrap().0, "1975-02-01");
    }

    #[test]
    fn excel_serials() {
        assert_eq!(read("45000", false).unwrap().0, "2023-03-15");
        assert_eq!(read("36526.25", false).unwrap().0, "2000-01-01");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(read("31/02/2026", false), None);
        assert_eq!(read("2026-13-01", false), None);
        assert_eq!(read("tomorrow", false), None);
        assert_eq!(Date::new(2025, 2, 29), None);
        assert!(Date::new(2024, 2, 29).is_some());
    }

    #[test]
    fn today_serialises_as_iso() {
        let today: Date = "2026-11-23".parse().unwrap();
        assert_eq!(serde_json::to_string(&today).unwrap(), "\"2026-11-23\"");
    }
}

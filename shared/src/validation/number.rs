//! Numbers and amounts of money as people write them: 1.234,56 and 1,234.56, with symbols.

/// Currency symbols and codes that may stand before or after an amount.
const CURRENCY_MARKS: &[&str] = &[
    "US$", "R$", "S/.", "S/", "zł", "ZŁ", "Bs.", "Bs", "$", "€", "£", "¥", "USD", "EUR", "BRL",
    "PLN", "MXN", "COP", "CLP", "PEN", "ARS", "GBP", "UYU", "GTQ", "Q",
];

/// Whether a comma is the decimal separator in `country` (ISO alpha-2). Mexico, the United
/// States, the United Kingdom and a few others use the point.
pub fn comma_is_decimal(country: Option<&str>) -> bool {
    !matches!(
        country,
        Some(
            "MX" | "US"
                | "GB"
                | "CA"
                | "AU"
                | "NZ"
                | "IE"
                | "PH"
                | "GT"
                | "HN"
                | "SV"
                | "NI"
                | "PA"
                | "DO"
                | "PR"
                | "PE"
                | "IN"
                | "CN"
                | "JP"
                | "KR"
        ) | None
    )
}

/// `text` as a plain decimal (`-1234.56`), or `None` when it is not a number. With `currency`,
/// currency symbols and codes are allowed around it. `comma_decimal` settles `1.234` and `1,234`.
pub fn parse_number(text: &str, currency: bool, comma_decimal: bool) -> Option<String> {
    let mut rest = text.trim().to_owned();
    let mut negative = false;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        rest = inner.trim().to_owned();
    }
    if currency {
        rest = strip_currency(&rest);
    }
    if let Some(r) = rest.strip_prefix('-') {
        negative = !negative;
        rest = r.trim_start().to_owned();
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r.trim_start().to_owned();
    }
    if currency {
        rest = strip_currency(&rest);
    }
    // Thousands may be grouped with spaces (Polish 1 234,56), also no-break ones.
    let body: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let decimal = decimal_separator(&body, comma_decimal)?;
    let (int, frac) = match decimal {
        Some(sep) => body.rsplit_once(sep)?,
        None => (body.as_str(), ""),
    };
    let thousands = match decimal {
        Some('.') => ',',
        Some(_) => '.',
        None if body.contains(',') => ',',
        None => '.',
    };
    let groups: Vec<&str> = int.split(thousands).collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|group| group.len() == 3));
    let int: String = groups.concat();
    if !grouped_well
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (int.is_empty() && frac.is_empty())
    {
        return None;
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    let sign = if negative && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    Some(if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    })
}

/// Which of `.` and `,` is the decimal separator in `body` (digits, points, commas), if any.
fn decimal_separator(body: &str, comma_decimal: bool) -> Option<Option<char>> {
    let points = body.matches('.').count();
    let commas = body.matches(',').count();
    Some(match (points, commas) {
        (0, 0) => None,
        (_, 0) if points > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) | (0, 1) => {
            let sep = if points == 1 { '.' } else { ',' };
            let (int, frac) = body.split_once(sep)?;
            let looks_grouped = frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0";
            let sep_is_decimal_here = (sep == ',') == comma_decimal;
            if looks_grouped && !sep_is_decimal_here {
                None
            } else {
                Some(sep)
            }
        }
        _ => {
            let last_point = body.rfind('.')?;
            let last_comma = body.rfind(',')?;
            let sep = if last_point > last_comma { '.' } else { ',' };
            if body.matches(sep).count() > 1 {
                return None;
            }
            Some(sep)
        }
    })
}

fn strip_currency(text: &str) -> String {
    let mut rest = text.trim();
    for mark in CURRENCY_MARKS {
        if let Some(r) = rest.strip_prefix(mark) {
            rest = r.trim();
            break;
        }
    }
    for mark in CURRENCY_MARKS {
        if let Some(r) = rest.strip_suffix(mark) {
            rest = r.trim();
            break;
        }
    }
    rest.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str, comma_decimal: bool) -> Option<String> {
        parse_number(text, false, comma_decimal)
    }

    #[test]
    fn both_grouping_styles() {
        assert_eq!(number("1.234,56", true).as_deref(), Some("1234.56"));
        assert_eq!(number("1,234.56", true).as_deref(), Some("1234.56"));
        assert_eq!(number("1.234.567", false).as_deref(), Some("1234567"));
        assert_eq!(number("1 234,5", true).as_deref(), Some("1234.5"));
    }

    #[test]
    fn a_lone_separator_follows_the_country() {
        assert_eq!(number("1.234", true).as_deref(), Some("1234"));
        assert_eq!(number("1.234", false).as_deref(), Some("1.234"));
        assert_eq!(number("1,5", false).as_deref(), Some("1.5"));
        assert_eq!(number("0,250", false).as_deref(), Some("0.25"));
    }

    #[test]
    fn currency_symbols_and_signs() {
        assert_eq!(
            parse_number("R$ 1.234,56", true, true).as_deref(),
            Some("1234.56")
        );
        assert_eq!(
            parse_number("-$1,000", true, false).as_deref(),
            Some("-1000")
        );
        assert_eq!(
            parse_number("(12.50 USD)", true, false).as_deref(),
            Some("-12.5")
        );
        assert_eq!(
            parse_number("1 234,00 zł", true, true).as_deref(),
            Some("1234")
        );
        assert_eq!(number("$5", false), None);
    }

    #[test]
    fn bad_grouping_is_not_a_number() {
        assert_eq!(number("12.34.5", true), None);
        assert_eq!(number("1,2,3", false), None);
        assert_eq!(number("abc", false), None);
        assert_eq!(number("", false), None);
    }
}

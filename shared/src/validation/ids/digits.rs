//! Helpers the check-digit algorithms share.

/// `number` without the separators people write (spaces, dots, dashes, slashes), upper-cased.
pub fn compact(number: &str) -> String {
    // Most numbers are written with no separator: copied in one go, not character by character.
    if number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return number.to_ascii_uppercase();
    }
    number
        .chars()
        .filter(|c| !is_separator(*c))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Punctuation people put inside document numbers, including the typographic dashes a word
/// processor substitutes for `-`.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '/' | ',' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}'
    ) || c.is_whitespace()
}

/// The decimal digits of `text`, or `None` if any character is not a digit (or it is empty).
pub fn digits(text: &str) -> Option<Vec<u32>> {
    // Checked first, so that the vector is allocated once at its size.
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().map(|b| u32::from(b - b'0')).collect())
}

/// Σ weight × digit.
pub fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_separators_and_upper_cases() {
        assert_eq!(compact(" 12.345.678-k "), "12345678K");
        assert_eq!(compact("16.727.230/0001-97"), "16727230000197");
        assert_eq!(compact("890 981 268 \u{2014} 4"), "8909812684");
        assert_eq!(compact("12. ABC.345 /01DE\u{2013}35"), "12ABC34501DE35");
        assert_eq!(compact("1712345678"), "1712345678");
        assert_eq!(compact("x1234567k"), "X1234567K");
        assert_eq!(compact("ñ123"), "Ñ123");
        assert_eq!(compact("ß1"), "SS1");
    }

    #[test]
    fn digits_refuses_letters() {
        assert_eq!(digits("123"), Some(vec![1, 2, 3]));
        assert_eq!(digits("12a"), None);
        assert_eq!(digits("1٣"), None);
        assert_eq!(digits("１２"), None);
        assert_eq!(digits(""), None);
    }
}

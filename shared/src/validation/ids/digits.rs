//! Helpers the check-digit algorithms share.

/// `number` without the separators people write (spaces, dots, dashes, slashes), upper-cased.
pub fn compact(number: &str) -> String {
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
    if text.is_empty() {
        return None;
    }
    text.chars().map(|c| c.to_digit(10)).collect()
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
    }

    #[test]
    fn digits_refuses_letters() {
        assert_eq!(digits("123"), Some(vec![1, 2, 3]));
        assert_eq!(digits("12a"), None);
        assert_eq!(digits(""), None);
    }
}

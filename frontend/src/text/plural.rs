//! Which plural form a number takes: English, Spanish and Portuguese have two (one, many),
//! Polish three (1 wiersz, 2–4 wiersze, 5 wierszy).

use clientela_shared::Language;

/// A plural form, named after the Polish categories (the other languages use `One` and `Many`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    /// Exactly one.
    One,
    /// Polish only: ends in 2, 3 or 4, but not in 12, 13 or 14 (2, 3, 22, 104).
    Few,
    /// Everything else (0, 5, 12, 21, 111).
    Many,
}

/// The form `count` takes in `language`.
pub fn plural_form(language: Language, count: u64) -> PluralForm {
    if count == 1 {
        return PluralForm::One;
    }
    let polish_few = matches!(count % 10, 2..=4) && !matches!(count % 100, 12..=14);
    match language {
        Language::Pl if polish_few => PluralForm::Few,
        _ => PluralForm::Many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_has_a_form_for_one_for_two_to_four_and_for_the_rest() {
        let form = |count| plural_form(Language::Pl, count);
        assert_eq!(form(1), PluralForm::One);
        for few in [2, 3, 4, 22, 34, 102, 1_003] {
            assert_eq!(form(few), PluralForm::Few, "{few}");
        }
        for many in [0, 5, 11, 12, 13, 14, 21, 25, 112, 1_000] {
            assert_eq!(form(many), PluralForm::Many, "{many}");
        }
    }

    #[test]
    fn the_other_languages_tell_one_from_the_rest() {
        for language in [Language::En, Language::Es, Language::Pt] {
            assert_eq!(plural_form(language, 1), PluralForm::One);
            for many in [0, 2, 5, 22] {
                assert_eq!(plural_form(language, many), PluralForm::Many);
            }
        }
    }
}

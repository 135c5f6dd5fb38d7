//! Content sniffing: what a column holds, judged from a sample of its cells.

use crate::schema::field::Field;
use crate::validation::choice::{parse_customer_type, parse_status};
use crate::validation::country::country_code;
use crate::validation::email::is_usable_email;
use crate::validation::ids::{IdType, check_id, infer_id_type};

/// The share of non-blank sample cells that must fit for a guess.
const ENOUGH: f32 = 0.8;

/// A field, a test a cell of it passes, and the confidence when most cells pass.
type Guess = (Field, fn(&str) -> bool, u8);

/// The field the non-blank `cells` look like, with a confidence, if most of them fit one.
/// Document numbers of `country` are told by their check digits before anything else, so a
/// column of cédulas is not taken for phones.
pub fn sniff(cells: &[&str], country: Option<&str>) -> Option<(Field, u8)> {
    let cells: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if cells.is_empty() {
        return None;
    }
    let share = |fits: fn(&str) -> bool| {
        cells.iter().filter(|cell| fits(cell)).count() as f32 / cells.len() as f32
    };
    let documents = cells
        .iter()
        .filter(|cell| {
            infer_id_type(country, cell)
                .is_some_and(|kind| kind != IdType::Other && check_id(kind, country, cell).is_ok())
        })
        .count();
    if country.is_some() && documents as f32 / cells.len() as f32 >= ENOUGH {
        return Some((Field::IdNumber, 60));
    }
    let guesses: [Guess; 6] = [
        (Field::Email, |c| is_usable_email(c), 80),
        (Field::Phone, looks_like_phone, 55),
        (Field::Status, |c| parse_status(c).is_some(), 60),
        (
            Field::CustomerType,
            |c| parse_customer_type(c).is_some(),
            60,
        ),
        (Field::IdType, |c| IdType::from_name(c).is_some(), 60),
        (Field::CountryCode, |c| country_code(c).is_some(), 50),
    ];
    guesses
        .into_iter()
        .find(|(_, fits, _)| share(*fits) >= ENOUGH)
        .map(|(field, _, confidence)| (field, confidence))
}

/// 7 to 15 digits with only phone punctuation around them, and not a date.
fn looks_like_phone(cell: &str) -> bool {
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    let punctuation_only = cell
        .trim_start_matches('+')
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'(' | b')' | b'.'));
    (7..=15).contains(&digits) && punctuation_only && !cell.contains("..") && !looks_like_date(cell)
}

/// A year of four digits and a day and month of one or two, in either order, with one
/// separator: `2024-03-01`, `01.03.2024`, `1/3/2024`. Eight digits with dashes would otherwise
/// pass for a phone number.
fn looks_like_date(cell: &str) -> bool {
    let Some(separator) = cell.chars().find(|c| matches!(c, '-' | '.' | '/')) else {
        return false;
    };
    let parts: Vec<&str> = cell.split(separator).collect();
    let all_digits = parts
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    let year = |part: &str| part.len() == 4 && (part.starts_with("19") || part.starts_with("20"));
    let day_or_month = |part: &str| (1..=2).contains(&part.len());
    match parts[..] {
        [first, second, third] if all_digits => {
            (year(first) && day_or_month(second) && day_or_month(third))
                || (day_or_month(first) && day_or_month(second) && year(third))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_of_dates_is_not_phone() {
        for cells in [
            ["2024-03-01", "2023-11-15", "2024-01-20"],
            ["01.03.2024", "15.11.2023", "20.01.2024"],
            ["1/3/2024", "15/11/2023", "20/1/2024"],
        ] {
            assert_eq!(sniff(&cells, None), None, "{cells:?}");
        }
        // Phone numbers written with dashes still are phones.
        let phones = ["099-123-4567", "02-234-5678", "0991-234-567"];
        assert_eq!(sniff(&phones, None).map(|g| g.0), Some(Field::Phone));
    }

    #[test]
    fn a_column_of_emails_is_email() {
        let cells = [
            "ana@example.com",
            "",
            "luis@example.org",
            "pedro@example.net",
        ];
        assert_eq!(sniff(&cells, None).map(|g| g.0), Some(Field::Email));
    }

    #[test]
    fn a_column_of_phones_is_phone() {
        let cells = ["099 123 4567", "+593 2 234 5678", "(02) 234-5678"];
        assert_eq!(sniff(&cells, None).map(|g| g.0), Some(Field::Phone));
    }

    #[test]
    fn statuses_in_spanish_are_status() {
        assert_eq!(
            sniff(&["Activo", "Potencial", "activo"], None).map(|g| g.0),
            Some(Field::Status)
        );
    }

    #[test]
    fn free_text_is_nothing() {
        assert_eq!(sniff(&["hello", "world"], None), None);
        assert_eq!(sniff(&["", " "], None), None);
    }

    #[test]
    fn cedulas_with_good_check_digits_are_documents_not_phones() {
        let cells = ["1714307103", "1790011674001", "0926687856"];
        assert_eq!(
            sniff(&cells, Some("EC")).map(|g| g.0),
            Some(Field::IdNumber)
        );
        let phones = ["0991234567", "0987654321", "0998877665"];
        assert_eq!(sniff(&phones, Some("EC")).map(|g| g.0), Some(Field::Phone));
    }
}

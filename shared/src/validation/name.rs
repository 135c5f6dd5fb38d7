//! Splitting a full name when no first and last name are given.

/// `(first, last)` from a full name: the first word is the first name, the rest the last name,
/// particles included ("Juan de la Cruz" → "Juan", "de la Cruz"); one word is a first name only.
/// Compound first names ("María José Pérez") cannot be told from two surnames and come out as
/// "María" + "José Pérez": a file that cares has separate columns.
pub fn split_full_name(full: &str) -> (String, Option<String>) {
    match full.split_once(' ') {
        Some((first, rest)) => (first.to_owned(), Some(rest.to_owned())),
        None => (full.to_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_is_the_first_name() {
        assert_eq!(
            split_full_name("Ana Pérez Gómez"),
            ("Ana".into(), Some("Pérez Gómez".into()))
        );
        assert_eq!(
            split_full_name("Juan de la Cruz"),
            ("Juan".into(), Some("de la Cruz".into()))
        );
        assert_eq!(split_full_name("Cher"), ("Cher".into(), None));
    }
}

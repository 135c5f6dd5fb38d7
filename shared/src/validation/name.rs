//! Splitting a full name when no first and last name are given.

/// `(first, last)` from a full name: the first word is the first name, the rest the last name
/// ("María José" alone stays a first name). Particles stay with the surname ("Juan de la Cruz").
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

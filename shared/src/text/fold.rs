//! Folding text for comparison: lower case, no accents, punctuation as spaces.

/// The ASCII letter an accented Latin letter is written as when accents are dropped, in lower case.
/// Covers Spanish, Portuguese, Polish and the other Latin-1 / Latin Extended-A letters; other
/// characters are lower-cased and kept.
fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'a'..='z' | '0'..='9' => c,
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ą' => {
            'a'
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' | 'Ę' | 'Ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ś' | 'š' | 'Ś' | 'Š' => 's',
        'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ů' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        'º' | 'ª' => ' ',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `text` folded: lower case, accents dropped, anything but letters and digits turned into one
/// space between words. `"  Teléfono-Móvil (1) "` folds to `"telefono movil 1"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().map(fold_char) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// `text` folded with no spaces at all: `"E-mail"` and `"e mail"` both compact to `"email"`.
pub fn compact(text: &str) -> String {
    // One pass and one allocation: choice columns (status, customer type, document type) are
    // compacted on every row.
    text.chars()
        .map(fold_char)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_fold_away() {
        assert_eq!(fold("  Teléfono-Móvil (1) "), "telefono movil 1");
        assert_eq!(fold("IMIĘ"), "imie");
        assert_eq!(fold("Nº Documento"), "n documento");
        assert_eq!(fold("Endereço"), "endereco");
        assert_eq!(fold("Województwo"), "wojewodztwo");
    }

    #[test]
    fn compact_drops_spaces() {
        assert_eq!(compact("E-mail"), "email");
        assert_eq!(compact("FIRST SURNAME"), "firstsurname");
    }
}

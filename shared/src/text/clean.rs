//! Cleaning a cell: trimmed, inner runs of white space collapsed to one space.

use std::borrow::Cow;

/// The cell trimmed, with every run of white space (tabs, line breaks, no-break spaces)
/// collapsed to one space.
///
/// Most cells are already clean: they come back borrowed, so that validating a file does not
/// allocate a copy of every cell only to read it.
pub fn clean(cell: &str) -> Cow<'_, str> {
    if is_clean(cell) {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    for word in cell.split(|c: char| c.is_whitespace() || c == '\u{feff}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `cell` is blank: empty or white space only (the same as `cell.trim().is_empty()`).
/// Nearly every cell starts with a letter or a digit, and then one byte answers.
pub fn is_blank(cell: &str) -> bool {
    match cell.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => cell.trim().is_empty(),
    }
}

/// Whether `cell` is already clean: ASCII spaces only, single, and not at either end (the
/// common case, checked in one pass over the bytes without building a new string). The pass has
/// no branch per byte, so short cells cost a few nanoseconds.
fn is_clean(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    let mut unclean = false;
    let mut maybe_odd_space = false;
    for &b in bytes {
        let space = b == b' ';
        // Two spaces in a row, or an ASCII control character (tab, line break…).
        unclean |= (space & previous_space) | (b < 0x20) | (b == 0x7F);
        maybe_odd_space |= may_start_odd_space(b);
        previous_space = space;
    }
    !unclean && (!maybe_odd_space || !is_odd_multibyte(cell))
}

/// Whether `b` is the first byte, in UTF-8, of white space beyond ASCII or of a byte-order
/// mark: U+0085 and U+00A0 (0xC2), U+1680 (0xE1), U+2000 to U+205F (0xE2), U+3000 (0xE3),
/// U+FEFF (0xEF). Accented letters (0xC3 to 0xC5 for Latin-1 and Latin Extended-A) are not,
/// so a name such as `Pérez` is found clean without decoding its characters.
fn may_start_odd_space(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// Whether `cell` holds white space or a byte-order mark beyond ASCII (no-break spaces…).
fn is_odd_multibyte(cell: &str) -> bool {
    cell.chars()
        .any(|c| !c.is_ascii() && (c.is_whitespace() || c == '\u{feff}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses_inner_spaces() {
        assert_eq!(
            clean("  Ana \t  María\u{a0}\u{a0}Pérez \n"),
            "Ana María Pérez"
        );
        assert_eq!(clean("   "), "");
        assert_eq!(clean("Ana María"), "Ana María");
        assert_eq!(clean("Ana\u{a0}María\u{feff}"), "Ana María");
        assert_eq!(clean("Ana  María"), "Ana María");
    }

    #[test]
    fn every_kind_of_white_space_is_seen_inside_accented_text() {
        let odd = ('\u{80}'..=char::MAX).filter(|c| c.is_whitespace() || *c == '\u{feff}');
        for space in odd {
            let cell = format!("Pérez{space}Núñez");
            assert_eq!(clean(&cell), "Pérez Núñez", "U+{:04X}", u32::from(space));
        }
        assert!(matches!(clean("Pérez Núñez Łucja"), Cow::Borrowed(_)));
    }

    #[test]
    fn blank_is_white_space_only() {
        for blank in ["", " ", "\t\n", "\u{a0}", "\u{3000} "] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for filled in ["a", " a", "\u{a0}1", "é", "-"] {
            assert!(!is_blank(filled), "{filled:?}");
        }
    }
}

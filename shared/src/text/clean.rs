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

/// Whether `cell` is already clean: ASCII spaces only, single, and not at either end (the
/// common case, checked in one pass over the bytes without building a new string).
fn is_clean(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    let mut multibyte = false;
    for &b in bytes {
        let space = b == b' ';
        if (space && previous_space) || !(b.is_ascii_graphic() || space || b >= 0x80) {
            return false;
        }
        previous_space = space;
        multibyte |= b >= 0x80;
    }
    !multibyte || !is_odd_multibyte(cell)
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
}

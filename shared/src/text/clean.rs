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

/// The cell cleaned line by line: each line as [`clean`] makes it, blank lines at either end
/// dropped, the lines joined with `\n`. For notes, whose line breaks are part of what was
/// written.
pub fn clean_lines(cell: &str) -> Cow<'_, str> {
    if !cell.contains(['\n', '\r']) {
        return clean(cell);
    }
    let lines: Vec<Cow<'_, str>> = cell
        .lines()
        .map(|line| clean(line.trim_end_matches('\r')))
        .collect();
    let first = lines
        .iter()
        .position(|line| !line.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|line| !line.is_empty())
        .map_or(first, |last| last + 1);
    Cow::Owned(lines[first..last].join("\n"))
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
/// common case, checked in one pass over the bytes without building a new string). The pass
/// reads eight bytes at a time (see [`Word`]), so a cell costs a few instructions per word
/// rather than a dozen per byte: every cell of every row comes here.
fn is_clean(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut words = bytes.chunks_exact(8);
    let mut previous_space = false;
    let mut maybe_odd_space = false;
    let mut check = |chunk: &[u8], word: Word| {
        // Two spaces in a row (also across two words), or an ASCII control character (tab, line
        // break…, DEL).
        let spaces = word.spaces();
        let unclean = word.controls() != 0
            || spaces & (spaces << 8) != 0
            || (previous_space && spaces & 0x80 != 0);
        previous_space = spaces >> 63 != 0;
        if word.non_ascii() {
            maybe_odd_space |= chunk.iter().copied().any(may_start_odd_space);
        }
        !unclean
    };
    for chunk in &mut words {
        let word = Word(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if !check(chunk, word) {
            return false;
        }
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        // Padded with a letter, which is neither a space nor a control character.
        let mut padded = [b'a'; 8];
        padded[..rest.len()].copy_from_slice(rest);
        if !check(rest, Word(u64::from_le_bytes(padded))) {
            return false;
        }
    }
    !maybe_odd_space || !is_odd_multibyte(cell)
}

/// Eight bytes of a cell, first byte lowest, each examined at once with arithmetic that never
/// carries from one byte into the next; a byte found is marked by its high bit (0x80).
#[derive(Clone, Copy)]
struct Word(u64);

impl Word {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The zero bytes of `bits`: the low seven bits of a byte plus 0x7F reach its high bit
    /// unless they are all zero, and no byte can overflow into its neighbour.
    fn zero_bytes(bits: u64) -> u64 {
        !(((bits & !Word::HIGH) + !Word::HIGH) | bits | !Word::HIGH)
    }

    /// The ASCII spaces.
    fn spaces(self) -> u64 {
        Word::zero_bytes(self.0 ^ (Word::ONES * u64::from(b' ')))
    }

    /// The ASCII control characters: below 0x20 (an ASCII byte plus 0x60 stays below 0x80
    /// exactly then) or DEL.
    fn controls(self) -> u64 {
        let below_space = !((self.0 & !Word::HIGH) + Word::ONES * 0x60) & !self.0 & Word::HIGH;
        below_space | Word::zero_bytes(self.0 ^ (Word::ONES * 0x7F))
    }

    /// Whether any byte is beyond ASCII (part of an accented letter, or of odd white space).
    fn non_ascii(self) -> bool {
        self.0 & Word::HIGH != 0
    }
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
    fn notes_keep_their_line_breaks_and_lose_the_rest() {
        assert_eq!(clean_lines("linha1\r\nlinha2"), "linha1\nlinha2");
        assert_eq!(clean_lines("\n  a   b \r\n\r\n c\t\n \n"), "a b\n\nc");
        assert_eq!(clean_lines("  one  line "), "one line");
        assert_eq!(clean_lines("\r\n \n"), "");
    }

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

    /// The byte-by-byte check the word-at-a-time one replaced, to compare with.
    fn is_clean_byte_by_byte(cell: &str) -> bool {
        let bytes = cell.as_bytes();
        if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
            return false;
        }
        let mut previous_space = false;
        let mut unclean = false;
        let mut maybe_odd_space = false;
        for &b in bytes {
            let space = b == b' ';
            unclean |= (space & previous_space) | (b < 0x20) | (b == 0x7F);
            maybe_odd_space |= may_start_odd_space(b);
            previous_space = space;
        }
        !unclean && (!maybe_odd_space || !is_odd_multibyte(cell))
    }

    #[test]
    fn words_find_what_bytes_find() {
        // Every character that matters, at every position of cells of 1 to 19 bytes, so that
        // each falls at the start, inside and at the end of a word and of the padded rest.
        let pieces = [
            " ", "  ", "\t", "\n", "\u{7f}", "\u{1f}", "!", "~", "é", "\u{a0}", "\u{feff}",
            "\u{2003}", "Ł", "\u{3000}", "\u{80}", "@", "A",
        ];
        for len in 1..20 {
            for position in 0..len {
                for piece in pieces {
                    for filler in ["a", "b c"] {
                        let mut cell: String = filler.repeat(len).chars().take(len).collect();
                        cell.insert_str(position.min(cell.len()), piece);
                        assert_eq!(is_clean(&cell), is_clean_byte_by_byte(&cell), "{cell:?}");
                    }
                }
            }
        }
        for byte in 0..=0x7F_u8 {
            let cell = format!("abcdefg{}hij{}k", char::from(byte), char::from(byte));
            assert_eq!(is_clean(&cell), is_clean_byte_by_byte(&cell), "{byte:#x}");
        }
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

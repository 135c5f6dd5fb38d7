//! Turning the bytes of a text file into text, whatever encoding the spreadsheet program chose.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1250, WINDOWS_1252};

use crate::detection::{Basis, Detected};
use crate::error::{Error, ErrorKind};

/// How many leading bytes are inspected to tell text from binary data, or UTF-16 without a BOM.
const SNIFF_LEN: usize = 8 * 1024;

/// The text of a file and the encoding it was read with.
pub(crate) type Decoded<'a> = (Cow<'a, str>, Detected<String>);

/// The text of a file handed over by its owner: the text, where it starts (after a byte order
/// mark kept in place), and the encoding it was read with.
pub(crate) type DecodedOwned = (String, usize, Detected<String>);

/// How a file's bytes are to be read, decided from its first bytes before any is decoded.
#[derive(Debug, Clone)]
enum Plan {
    /// UTF-32 (not in `encoding_rs`), after `skip` bytes.
    Utf32 {
        big_endian: bool,
        skip: usize,
        basis: Basis,
    },
    /// An encoding `encoding_rs` knows, after `skip` bytes (a byte order mark).
    Known {
        encoding: &'static Encoding,
        skip: usize,
        basis: Basis,
    },
    /// UTF-8 when every byte is valid, else a single-byte encoding guessed from the letters.
    Utf8OrSingleByte,
}

/// Decodes `bytes` to text, in the encoding named by `chosen` or the detected one.
///
/// A byte order mark wins; then UTF-32 or UTF-16 recognised by their zero bytes; then valid
/// UTF-8; anything else is Windows-1252 (Excel's CSV in Spanish, Portuguese and most Western
/// locales), or Windows-1250 when the letters read as Polish or Czech. `separator`, when the
/// caller chose a control character as the separator, is not taken for a sign of binary data.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    chosen: Option<&str>,
    separator: Option<u8>,
) -> Result<Decoded<'a>, Error> {
    let plan = plan(bytes, chosen, separator)?;
    Ok(follow(bytes, plan))
}

/// Decodes a file like [`decode`], keeping the caller's buffer as the text when it is UTF-8:
/// the file's memory is not needed twice.
pub(crate) fn decode_owned(
    bytes: Vec<u8>,
    chosen: Option<&str>,
    separator: Option<u8>,
) -> Result<DecodedOwned, Error> {
    let plan = plan(&bytes, chosen, separator)?;
    let (skip, basis) = match &plan {
        Plan::Known {
            encoding,
            skip,
            basis,
        } if *encoding == UTF_8 => (*skip, basis.clone()),
        Plan::Utf8OrSingleByte => (0, Basis::ValidUtf8),
        Plan::Utf32 { .. } | Plan::Known { .. } => {
            let (text, encoding) = follow(&bytes, plan);
            return Ok((text.into_owned(), 0, encoding));
        }
    };
    // The one check of the whole file: std's, as no other turns bytes into a String safely.
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, skip, Detected::new("utf-8".into(), basis))),
        Err(err) => {
            let (text, encoding) = follow(err.as_bytes(), plan);
            Ok((text.into_owned(), 0, encoding))
        }
    }
}

/// Decides how to read `bytes`; see [`decode`].
fn plan(bytes: &[u8], chosen: Option<&str>, separator: Option<u8>) -> Result<Plan, Error> {
    if let Some(label) = chosen {
        return plan_chosen(label, bytes);
    }
    if let Some((name, skip)) = utf32_bom(bytes) {
        return Ok(Plan::Utf32 {
            big_endian: name == "utf-32be",
            skip,
            basis: Basis::ByteOrderMark,
        });
    }
    if let Some((big_endian, skip)) = utf32_without_bom(bytes) {
        return Ok(Plan::Utf32 {
            big_endian,
            skip,
            basis: Basis::ZeroBytePattern,
        });
    }
    if let Some((encoding, skip)) = Encoding::for_bom(bytes) {
        return Ok(Plan::Known {
            encoding,
            skip,
            basis: Basis::ByteOrderMark,
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(Plan::Known {
            encoding,
            skip: 0,
            basis: Basis::ZeroBytePattern,
        });
    }
    if let Some(byte) = first_binary_byte(bytes, separator) {
        return Err(ErrorKind::Binary { byte }.into());
    }
    Ok(Plan::Utf8OrSingleByte)
}

/// The encoding the caller named; a matching byte order mark is skipped.
fn plan_chosen(label: &str, bytes: &[u8]) -> Result<Plan, Error> {
    let label = label.trim().to_ascii_lowercase();
    if label == "utf-32le" || label == "utf-32be" {
        let skip = match utf32_bom(bytes) {
            Some((name, len)) if name == label => len,
            _ => 0,
        };
        return Ok(Plan::Utf32 {
            big_endian: label == "utf-32be",
            skip,
            basis: Basis::Chosen,
        });
    }
    let encoding = Encoding::for_label(label.as_bytes()).ok_or_else(|| {
        Error::invalid_option(format!("\"{label}\" is not a known text encoding"))
    })?;
    let skip = match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    };
    Ok(Plan::Known {
        encoding,
        skip,
        basis: Basis::Chosen,
    })
}

/// Decodes `bytes` as `plan` says.
fn follow(bytes: &[u8], plan: Plan) -> Decoded<'_> {
    match plan {
        Plan::Utf32 {
            big_endian,
            skip,
            basis,
        } => {
            let name = if big_endian { "utf-32be" } else { "utf-32le" };
            (
                Cow::Owned(decode_utf32(&bytes[skip..], big_endian)),
                Detected::new(name.into(), basis),
            )
        }
        Plan::Known {
            encoding,
            skip,
            basis,
        } => (
            decode_with(encoding, &bytes[skip..]),
            Detected::new(name_of(encoding), basis),
        ),
        // The whole file is checked once, with SIMD: the parser and the grid never check again.
        Plan::Utf8OrSingleByte => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => (
                Cow::Borrowed(text),
                Detected::new("utf-8".into(), Basis::ValidUtf8),
            ),
            Err(_) => {
                let encoding = single_byte_encoding(bytes);
                (
                    decode_with(encoding, bytes),
                    Detected::new(name_of(encoding), Basis::NotUtf8),
                )
            }
        },
    }
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    encoding.decode_without_bom_handling(bytes).0
}

fn name_of(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

fn utf32_bom(bytes: &[u8]) -> Option<(&'static str, usize)> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some(("utf-32le", 4)),
        [0, 0, 0xFE, 0xFF, ..] => Some(("utf-32be", 4)),
        _ => None,
    }
}

/// UTF-32 is not in the WHATWG encodings that `encoding_rs` knows; it is simple enough to decode.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> String {
    bytes
        .chunks(4)
        .map(|chunk| {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            let code = if big_endian {
                u32::from_be_bytes(word)
            } else {
                u32::from_le_bytes(word)
            };
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// ASCII text in UTF-32 has three zero bytes in every four: the last three for little endian,
/// the first three for big endian. Some programs write a UTF-16 byte order mark before UTF-32
/// text; it is skipped. Gives the byte order (true for big endian) and the bytes to skip.
fn utf32_without_bom(bytes: &[u8]) -> Option<(bool, usize)> {
    let skip = if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        2
    } else {
        0
    };
    let body = &bytes[skip..];
    let sniffed = &body[..body.len().min(SNIFF_LEN) & !3];
    let words = sniffed.len() / 4;
    if words < 2 {
        return None;
    }
    let (mut little, mut big) = (0, 0);
    for word in sniffed.chunks_exact(4) {
        little += usize::from(word[0] != 0 && word[2] == 0 && word[3] == 0);
        big += usize::from(word[0] == 0 && word[1] == 0 && word[3] != 0);
    }
    let most = (words * 3 / 5).max(2);
    if little >= most && big == 0 {
        Some((false, skip))
    } else if big >= most && little == 0 {
        Some((true, skip))
    } else {
        None
    }
}

/// ASCII text in UTF-16 has a zero byte in every pair: the second for little endian, the first
/// for big endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sniffed = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let pairs = sniffed.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut zero_first, mut zero_second) = (0, 0);
    for pair in sniffed.chunks_exact(2) {
        zero_first += usize::from(pair[0] == 0);
        zero_second += usize::from(pair[1] == 0);
    }
    let most = (pairs * 3 / 5).max(2);
    if zero_second >= most && zero_first == 0 {
        Some(UTF_16LE)
    } else if zero_first >= most && zero_second == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text files never hold NUL or most other control bytes; images, archives and programs do.
fn first_binary_byte(bytes: &[u8], separator: Option<u8>) -> Option<u64> {
    let sniffed = &bytes[..bytes.len().min(SNIFF_LEN)];
    sniffed
        .iter()
        .position(|&b| {
            Some(b) != separator
                && (b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a)))
        })
        .map(|at| at as u64)
}

/// Windows-1252 unless the bytes read better as Windows-1250 (Polish, Czech, Hungarian…).
///
/// Each byte above 0x7F is scored in both: a letter that the languages of that encoding use often
/// scores, a symbol between letters (`Wroc³aw`, `£ucja`) costs.
fn single_byte_encoding(bytes: &[u8]) -> &'static Encoding {
    let western_chars = high_half(WINDOWS_1252);
    let central_chars = high_half(WINDOWS_1250);
    let sniffed = &bytes[..bytes.len().min(1 << 20)];
    let (mut western, mut central) = (0i64, 0i64);
    for (at, &byte) in sniffed.iter().enumerate() {
        if byte < 0x80 {
            continue;
        }
        let next_is_letter = sniffed.get(at + 1).is_some_and(u8::is_ascii_alphabetic);
        let prev_is_letter = at > 0 && sniffed[at - 1].is_ascii_alphabetic();
        let between_letters = next_is_letter || prev_is_letter;
        let index = usize::from(byte - 0x80);
        western += score(western_chars[index], WESTERN_LETTERS, between_letters);
        central += score(central_chars[index], CENTRAL_LETTERS, between_letters);
    }
    if central > western {
        WINDOWS_1250
    } else {
        WINDOWS_1252
    }
}

/// What the bytes 0x80 to 0xFF stand for in a single-byte `encoding`.
fn high_half(encoding: &'static Encoding) -> Vec<char> {
    let bytes: Vec<u8> = (0x80..=0xFF).collect();
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() == bytes.len() {
        chars
    } else {
        vec![char::REPLACEMENT_CHARACTER; bytes.len()]
    }
}

/// Letters of Spanish and Portuguese, and of the French, German, Italian and Nordic names
/// that turn up in their customer lists. Not æ, œ or ÿ: their bytes are Polish ć, ś and ź.
const WESTERN_LETTERS: &str = "áéíóúñãõçâêôàüÁÉÍÓÚÑÃÕÇÂÊÔÀÜèëïîûùåäöøßìòÈËÏÎÛÙÅÄÖØÌÒ";
const CENTRAL_LETTERS: &str = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžýČĎĚŇŘŠŤŮŽÝáéíúőűŐŰ";

fn score(c: char, common: &str, between_letters: bool) -> i64 {
    if common.contains(c) {
        2
    } else if c.is_alphabetic() {
        0
    } else if between_letters {
        -2
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes, None, None).unwrap().0.into_owned()
    }

    fn encoding(bytes: &[u8]) -> String {
        decode(bytes, None, None).unwrap().1.value
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_passes_through() {
        assert_eq!(text("Muñoz".as_bytes()), "Muñoz");
        assert_eq!(encoding("Muñoz".as_bytes()), "utf-8");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(text(b"\xEF\xBB\xBFName"), "Name");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        assert_eq!(text(b"Jo\xe3o Mu\xf1oz"), "João Muñoz");
        assert_eq!(encoding(b"Jo\xe3o Mu\xf1oz"), "windows-1252");
    }

    #[test]
    fn french_and_nordic_names_do_not_tip_into_windows_1250() {
        // é, Ø, ñ, è and ë read as Czech letters in Windows-1250 (Ř, ń, č…).
        let file = "Nombre;Ciudad\nRenée Øster;Aarhus\nJosé Señor;Sevilla\nHélène Brontë;Lyon\n";
        let (bytes, _, _) = WINDOWS_1252.encode(file);
        assert_eq!(encoding(&bytes), "windows-1252");
        assert_eq!(text(&bytes), file);
        // Polish without ł, ą or ż still reads as Polish.
        let polish = "Imię;Miasto\nWiśniewska Kasia;Gdańsk\nNowak Józef;Wałcz\n";
        let (bytes, _, _) = WINDOWS_1250.encode(polish);
        assert_eq!(encoding(&bytes), "windows-1250");
        let polish = "Nazwisko\nWiśniewski\nKoń\nCieślak Zofia\n";
        let (bytes, _, _) = WINDOWS_1250.encode(polish);
        assert_eq!(encoding(&bytes), "windows-1250");
    }

    #[test]
    fn polish_letters_pick_windows_1250() {
        assert_eq!(
            text(b"\xa3ucja;Wroc\xb3aw;\xa3\xf3d\x9f"),
            "Łucja;Wrocław;Łódź"
        );
        assert_eq!(encoding(b"\xa3ucja;Wroc\xb3aw"), "windows-1250");
    }

    #[test]
    fn utf16_le_with_bom() {
        assert_eq!(text(b"\xFF\xFEN\0a\0"), "Na");
        assert_eq!(encoding(b"\xFF\xFEN\0a\0"), "utf-16le");
    }

    #[test]
    fn utf16_without_bom_both_byte_orders() {
        assert_eq!(text(&utf16("Name;João\n", false)), "Name;João\n");
        assert_eq!(text(&utf16("Name;João\n", true)), "Name;João\n");
        assert_eq!(encoding(&utf16("Name;João\n", true)), "utf-16be");
    }

    #[test]
    fn utf32_with_bom() {
        assert_eq!(text(b"\xFF\xFE\0\0a\0\0\0"), "a");
        assert_eq!(text(b"\0\0\xFE\xFF\0\0\0a"), "a");
    }

    #[test]
    fn utf32_after_a_utf16_byte_order_mark() {
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for c in "a,b\n".chars() {
            little.extend((c as u32).to_le_bytes());
            big.extend((c as u32).to_be_bytes());
        }
        assert_eq!(text(&little), "a,b\n");
        assert_eq!(encoding(&little), "utf-32le");
        assert_eq!(text(&big), "a,b\n");
        assert_eq!(encoding(&big), "utf-32be");
        assert_eq!(text(&little[2..]), "a,b\n");
    }

    #[test]
    fn a_chosen_control_separator_is_not_binary() {
        assert!(decode(b"a\x1fb", None, Some(0x1f)).is_ok());
        assert!(decode(b"a\x1fb", None, None).is_err());
    }

    #[test]
    fn chosen_encoding_wins() {
        let (text, encoding) = decode("Muñoz".as_bytes(), Some("windows-1252"), None).unwrap();
        assert_eq!(text, "MuÃ±oz");
        assert_eq!(encoding.basis, Basis::Chosen);
    }

    #[test]
    fn unknown_encoding_name_is_an_option_error() {
        let err = decode(b"a", Some("klingon"), None).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidOption { .. }));
    }

    #[test]
    fn owned_utf8_keeps_its_buffer_and_its_byte_order_mark() {
        let bytes = b"\xEF\xBB\xBFName".to_vec();
        let buffer = bytes.as_ptr();
        let (text, start, encoding) = decode_owned(bytes, None, None).unwrap();
        assert_eq!(
            (&text[start..], encoding.basis),
            ("Name", Basis::ByteOrderMark)
        );
        assert_eq!(text.as_ptr(), buffer);
    }

    #[test]
    fn owned_bytes_that_are_not_utf8_are_decoded() {
        let (text, start, encoding) = decode_owned(b"Jo\xe3o".to_vec(), None, None).unwrap();
        assert_eq!((text.as_str(), start), ("João", 0));
        assert_eq!(encoding.value, "windows-1252");
        let chosen = decode_owned("Muñoz".into(), Some("utf-8"), None).unwrap();
        assert_eq!(
            (chosen.0.as_str(), chosen.2.basis),
            ("Muñoz", Basis::Chosen)
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"ab\0cd", None, None).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Binary { byte: 2 });
    }
}

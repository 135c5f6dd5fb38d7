//! Turning the bytes of a text file into text, whatever encoding the spreadsheet program chose.

use std::borrow::Cow;

use encoding_rs::{Encoding, WINDOWS_1252};

use crate::error::{Error, ErrorKind};

/// How many leading bytes are inspected to tell text from binary data.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes `bytes` to text.
///
/// A byte order mark wins; then valid UTF-8; anything else is Windows-1252, the encoding Excel uses
/// for CSV files in Spanish, Portuguese and most Western locales.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_len..]));
    }
    if let Some(byte) = first_binary_byte(bytes) {
        return Err(ErrorKind::Binary { byte }.into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => Ok(decode_with(WINDOWS_1252, bytes)),
    }
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    encoding.decode_without_bom_handling(bytes).0
}

/// Text files never hold NUL or most other control bytes; images, archives and programs do.
fn first_binary_byte(bytes: &[u8]) -> Option<u64> {
    let sniffed = &bytes[..bytes.len().min(SNIFF_LEN)];
    sniffed
        .iter()
        .position(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .map(|at| at as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode("Muñoz".as_bytes()).unwrap(), "Muñoz");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFName").unwrap(), "Name");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        assert_eq!(decode(b"Jo\xe3o Mu\xf1oz").unwrap(), "João Muñoz");
    }

    #[test]
    fn utf16_le_with_bom() {
        assert_eq!(decode(b"\xFF\xFEN\0a\0").unwrap(), "Na");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"ab\0cd").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Binary { byte: 2 });
    }
}

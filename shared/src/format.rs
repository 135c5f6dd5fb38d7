//! Telling a workbook from delimited text by the file's first bytes, whatever its name says.

use crate::detection::Format;
use crate::error::{Error, ErrorKind};
use crate::ole_check::check_ole;
use crate::options::Limits;
use crate::zip_index::zip_entries;

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The workbook format of `bytes`, or `None` for text.
///
/// A zip archive's parts must not expand past [`Limits::max_uncompressed_bytes`].
pub(crate) fn workbook_format(bytes: &[u8], limits: &Limits) -> Result<Option<Format>, Error> {
    if bytes.starts_with(OLE) {
        // Excel 2007+ encrypts a workbook by wrapping it in an OLE file with these streams.
        if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo") {
            return Err(ErrorKind::Encrypted.into());
        }
        check_ole(bytes)?;
        return Ok(Some(Format::Xls));
    }
    if !bytes.starts_with(ZIP) && !bytes.starts_with(EMPTY_ZIP) {
        return Ok(None);
    }
    let entries =
        zip_entries(bytes).ok_or_else(|| corrupt("zip", "its table of contents is missing"))?;
    let size: u64 = entries.iter().map(|entry| entry.uncompressed).sum();
    if size > limits.max_uncompressed_bytes {
        return Err(ErrorKind::UncompressedTooLarge {
            size,
            limit: limits.max_uncompressed_bytes,
        }
        .into());
    }
    let has = |name: &str| {
        entries
            .iter()
            .any(|entry| entry.name.eq_ignore_ascii_case(name))
    };
    let format = if has("xl/workbook.bin") {
        Format::Xlsb
    } else if has("xl/workbook.xml") {
        if has("xl/vbaProject.bin") {
            Format::Xlsm
        } else {
            Format::Xlsx
        }
    } else if has("content.xml") {
        Format::Ods
    } else if entries
        .iter()
        .any(|entry| entry.name.ends_with("workbook.xml"))
    {
        Format::Xlsx
    } else {
        return Err(corrupt(
            "zip",
            "it is a zip archive with no spreadsheet inside (a Word file, or other documents?)",
        ));
    };
    Ok(Some(format))
}

pub(crate) fn corrupt(format: &str, reason: impl Into<String>) -> Error {
    ErrorKind::CorruptWorkbook {
        format: format.into(),
        reason: reason.into(),
    }
    .into()
}

fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zip_index::tests::zip;

    fn format(bytes: &[u8]) -> Result<Option<Format>, Error> {
        workbook_format(bytes, &Limits::default())
    }

    #[test]
    fn text_is_not_a_workbook() {
        assert_eq!(format(b"Name,Email\n").unwrap(), None);
    }

    #[test]
    fn workbook_parts_name_the_format() {
        assert_eq!(
            format(&zip(&[("xl/workbook.xml", b"")])).unwrap(),
            Some(Format::Xlsx)
        );
        assert_eq!(
            format(&zip(&[
                ("xl/workbook.xml", b""),
                ("xl/vbaProject.bin", b"")
            ]))
            .unwrap(),
            Some(Format::Xlsm)
        );
        assert_eq!(
            format(&zip(&[("xl/workbook.bin", b"")])).unwrap(),
            Some(Format::Xlsb)
        );
        assert_eq!(
            format(&zip(&[("content.xml", b"")])).unwrap(),
            Some(Format::Ods)
        );
    }

    #[test]
    fn a_zip_without_a_workbook_is_an_error() {
        let err = format(&zip(&[("word/document.xml", b"")])).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::CorruptWorkbook { .. }));
    }

    #[test]
    fn parts_expanding_past_the_limit_are_refused() {
        let limits = Limits {
            max_uncompressed_bytes: 3,
            ..Limits::default()
        };
        let err =
            workbook_format(&zip(&[("xl/workbook.xml", b"<workbook/>")]), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::UncompressedTooLarge { size: 11, limit: 3 }
        );
    }

    #[test]
    fn encrypted_ooxml_is_recognised() {
        let mut bytes = OLE.to_vec();
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(format(&bytes).unwrap_err().kind(), &ErrorKind::Encrypted);
    }
}

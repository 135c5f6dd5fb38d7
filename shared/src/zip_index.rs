//! Reading the table of contents of a zip archive (an XLSX, XLSB or ODS workbook) without
//! decompressing anything, to name the format and refuse decompression bombs up front.

/// One entry of a zip archive, as its central directory declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZipEntry {
    pub(crate) name: String,
    pub(crate) uncompressed: u64,
}

const END_OF_DIRECTORY: [u8; 4] = *b"PK\x05\x06";
const DIRECTORY_ENTRY: [u8; 4] = *b"PK\x01\x02";

/// The entries of the archive, or `None` when its central directory cannot be found or read.
pub(crate) fn zip_entries(bytes: &[u8]) -> Option<Vec<ZipEntry>> {
    // The end record is in the last 22 bytes, plus a comment of at most 65,535 bytes.
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let end = (search_from..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&at| bytes[at..at + 4] == END_OF_DIRECTORY)?;
    let count = usize::from(u16_at(bytes, end + 10)?);
    let mut at = usize::try_from(u32_at(bytes, end + 16)?).ok()?;
    let mut entries = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if bytes.get(at..at + 4)? != DIRECTORY_ENTRY {
            return None;
        }
        let uncompressed = u32_at(bytes, at + 24)?;
        let name_len = usize::from(u16_at(bytes, at + 28)?);
        let extra_len = usize::from(u16_at(bytes, at + 30)?);
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let name = bytes.get(at + 46..at + 46 + name_len)?;
        entries.push(ZipEntry {
            name: String::from_utf8_lossy(name).into_owned(),
            // 0xFFFFFFFF means the real size is in a ZIP64 field: count it as 4 GiB, too large.
            uncompressed: u64::from(uncompressed),
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(entries)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip archive of stored (uncompressed) entries, as small as the format allows.
    pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let size = data.len() as u32;
            out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            directory.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            directory.extend_from_slice(&size.to_le_bytes());
            directory.extend_from_slice(&size.to_le_bytes());
            directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_offset = out.len() as u32;
        out.extend_from_slice(&directory);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        out.extend_from_slice(&directory_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn entries_are_listed_with_their_sizes() {
        let archive = zip(&[("mimetype", b"abc"), ("content.xml", b"<x/>")]);
        let entries = zip_entries(&archive).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].name, "content.xml");
        assert_eq!(entries[1].uncompressed, 4);
    }

    #[test]
    fn truncated_archive_has_no_entries() {
        let archive = zip(&[("a", b"abc")]);
        assert_eq!(zip_entries(&archive[..archive.len() - 30]), None);
        assert_eq!(zip_entries(b"PK"), None);
    }
}

//! Checking the sector chains of an OLE compound file (an XLS workbook) before calamine reads it,
//! and reading one of its streams once checked.
//!
//! calamine follows each chain until it ends or, for the directory, for ever: a chain that
//! loops back on itself makes it allocate without end, and a chain that points past the
//! sector table makes it panic. Found by fuzzing; a real workbook has neither.

use crate::error::Error;
use crate::format::corrupt;

const HEADER_LEN: usize = 512;
const DIFSECT: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIRECTORY_ENTRY_LEN: usize = 128;
const STREAM: u8 = 2;
const MINI_SECTOR_LEN: usize = 64;
/// Streams shorter than this live in mini sectors.
const MINI_STREAM_CUTOFF: u64 = 4096;

/// Refuses a compound file whose chains calamine could not follow safely.
pub(crate) fn check_ole(bytes: &[u8]) -> Result<(), Error> {
    let file = Ole::new(bytes)?;
    let fats = file.fat()?;
    let directory = file.follow(file.u32_at(48), &fats, usize::MAX, "directory")?;
    let entries: Vec<&[u8]> = directory.chunks_exact(DIRECTORY_ENTRY_LEN).collect();
    let Some(root) = entries.first() else {
        return Ok(());
    };
    let root_len = entry_len(root, file.large)?;
    let mini_fat_len = file.u32_at(64) as usize;
    let (mini_fats, mini_stream_len) = if mini_fat_len > 0 {
        let mini_stream = file.follow(u32_at(root, 116), &fats, root_len, "mini stream")?;
        let mini_fat = file.follow(
            file.u32_at(60),
            &fats,
            mini_fat_len.saturating_mul(file.sector_len),
            "mini sector table",
        )?;
        (words(&mini_fat).collect::<Vec<u32>>(), mini_stream.len())
    } else {
        (Vec::new(), 0)
    };
    for entry in entries.iter().skip(1).filter(|entry| entry[66] == STREAM) {
        let len = entry_len(entry, file.large)?;
        if len == 0 {
            continue;
        }
        let start = u32_at(entry, 116);
        if (len as u64) < MINI_STREAM_CUTOFF {
            // Past the mini stream calamine reads on from wherever the file was left, or
            // panics: only mini sectors inside it are safe.
            let reach = |id: u32| {
                if (id as usize + 1).saturating_mul(MINI_SECTOR_LEN) <= mini_stream_len {
                    Reach::Bytes(MINI_SECTOR_LEN)
                } else {
                    Reach::Panics
                }
            };
            walk(start, &mini_fats, len, reach, "mini stream")?;
        } else {
            file.follow(start, &fats, len, "stream")?;
        }
    }
    Ok(())
}

/// The bytes of the stream called `name` (such as `Workbook`), or `None` when the file has no
/// such stream or it cannot be read. Meant for a file that [`check_ole`] has accepted.
pub(crate) fn ole_stream(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let file = Ole::new(bytes).ok()?;
    let fats = file.fat().ok()?;
    let directory = file
        .follow(file.u32_at(48), &fats, usize::MAX, "directory")
        .ok()?;
    let entries: Vec<&[u8]> = directory.chunks_exact(DIRECTORY_ENTRY_LEN).collect();
    let root = entries.first()?;
    let entry = entries
        .iter()
        .skip(1)
        .find(|entry| entry[66] == STREAM && entry_name(entry).eq_ignore_ascii_case(name))?;
    let len = entry_len(entry, file.large).ok()?;
    let start = u32_at(entry, 116);
    if (len as u64) >= MINI_STREAM_CUTOFF {
        return file.follow(start, &fats, len, "stream").ok();
    }
    let root_len = entry_len(root, file.large).ok()?;
    let mini_stream = file
        .follow(u32_at(root, 116), &fats, root_len, "mini stream")
        .ok()?;
    let mini_fat_len = (file.u32_at(64) as usize).saturating_mul(file.sector_len);
    let mini_fat = file
        .follow(file.u32_at(60), &fats, mini_fat_len, "mini sector table")
        .ok()?;
    let mini_fats: Vec<u32> = words(&mini_fat).collect();
    let mut data = Vec::with_capacity(len);
    let mut id = start;
    while data.len() < len && id != END_OF_CHAIN {
        let at = (id as usize).checked_mul(MINI_SECTOR_LEN)?;
        data.extend_from_slice(mini_stream.get(at..at + MINI_SECTOR_LEN)?);
        id = *mini_fats.get(id as usize)?;
        // A chain longer than the table loops.
        if data.len() > mini_fats.len().saturating_mul(MINI_SECTOR_LEN) {
            return None;
        }
    }
    data.truncate(len);
    Some(data)
}

/// The name of a directory entry (UTF-16, its length in bytes counting the final NUL).
fn entry_name(entry: &[u8]) -> String {
    let len = usize::from(u16::from_le_bytes([entry[64], entry[65]])).min(64);
    let units: Vec<u16> = entry[..len]
        .chunks_exact(2)
        .map(|unit| u16::from_le_bytes([unit[0], unit[1]]))
        .take_while(|&unit| unit != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

/// The parts of the file that the checks read.
struct Ole<'a> {
    bytes: &'a [u8],
    sector_len: usize,
    /// 4096-byte sectors (version 4), whose directory entries hold 64-bit sizes.
    large: bool,
}

impl<'a> Ole<'a> {
    fn new(bytes: &'a [u8]) -> Result<Self, Error> {
        if bytes.len() < HEADER_LEN {
            return Err(corrupt("xls", "the file is shorter than its header"));
        }
        let (sector_len, large) = match u16::from_le_bytes([bytes[30], bytes[31]]) {
            9 => (512, false),
            12 => (4096, true),
            _ => return Err(corrupt("xls", "its sector size is not 512 or 4096 bytes")),
        };
        Ok(Ole {
            bytes,
            sector_len,
            large,
        })
    }

    fn u32_at(&self, at: usize) -> u32 {
        u32_at(self.bytes, at)
    }

    /// Sector `id`, as much of it as the file holds (calamine reads short sectors at the end).
    fn sector(&self, id: u32) -> &'a [u8] {
        let start = (id as usize + 1).saturating_mul(self.sector_len);
        let end = start.saturating_add(self.sector_len).min(self.bytes.len());
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// The highest sector number calamine accepts.
    fn max_id(&self) -> u32 {
        u32::try_from(self.bytes.len() / self.sector_len).unwrap_or(u32::MAX)
    }

    /// How calamine fares reading sector `id`: it panics on the sector just past the end of the
    /// file (a slice with its start past its end), and refuses the ones further out.
    fn reach(&self, id: u32) -> Reach {
        match id.cmp(&self.max_id()) {
            std::cmp::Ordering::Less => Reach::Bytes(self.sector(id).len()),
            std::cmp::Ordering::Equal => Reach::Panics,
            std::cmp::Ordering::Greater => Reach::Refused,
        }
    }

    /// The sector allocation table, gathered the way calamine gathers it.
    fn fat(&self) -> Result<Vec<u32>, Error> {
        let mut difat: Vec<u32> = words(&self.bytes[76..HEADER_LEN]).collect();
        let mut id = self.u32_at(68);
        let mut steps = 0;
        while id < RESERVED && steps <= self.max_id() {
            steps += 1;
            match self.reach(id) {
                Reach::Bytes(_) => difat.extend(words(self.sector(id))),
                Reach::Panics => return Err(past_the_end("sector table")),
                Reach::Refused => break,
            }
            id = difat.pop().unwrap_or(END_OF_CHAIN);
        }
        let mut fats = Vec::new();
        for id in difat.into_iter().filter(|&id| id < DIFSECT) {
            match self.reach(id) {
                Reach::Bytes(_) => fats.extend(words(self.sector(id))),
                Reach::Panics => return Err(past_the_end("sector table")),
                Reach::Refused => break,
            }
        }
        Ok(fats)
    }

    /// The bytes of the chain from `start`, up to `len`; an error if it loops or leaves the table.
    fn follow(&self, start: u32, fats: &[u32], len: usize, what: &str) -> Result<Vec<u8>, Error> {
        let mut data = Vec::new();
        walk(start, fats, len, |id| self.reach(id), what)?;
        let mut id = start;
        while id != END_OF_CHAIN && id < self.max_id() && data.len() < len {
            let sector = self.sector(id);
            data.extend_from_slice(&sector[..sector.len().min(len - data.len())]);
            match fats.get(id as usize) {
                Some(&next) => id = next,
                None => break,
            }
        }
        Ok(data)
    }
}

/// How calamine fares reading one sector.
#[derive(Debug, Clone, Copy)]
enum Reach {
    /// It gets this many bytes.
    Bytes(usize),
    /// It stops with an error of its own.
    Refused,
    /// It panics.
    Panics,
}

fn past_the_end(what: &str) -> Error {
    corrupt("xls", format!("the {what} points past the end of the file"))
}

/// Walks a chain as calamine does, until its end or until `len` bytes are gathered; an error
/// when calamine would loop for ever, panic, or index past the table.
fn walk(
    start: u32,
    table: &[u32],
    len: usize,
    reach: impl Fn(u32) -> Reach,
    what: &str,
) -> Result<(), Error> {
    let mut id = start;
    let mut gathered = 0usize;
    let mut steps = 0usize;
    while id != END_OF_CHAIN {
        match reach(id) {
            Reach::Bytes(bytes) => gathered = gathered.saturating_add(bytes),
            Reach::Refused => return Ok(()),
            Reach::Panics => return Err(past_the_end(&format!("{what} chain"))),
        }
        if gathered >= len {
            return Ok(());
        }
        let Some(&next) = table.get(id as usize) else {
            return Err(corrupt(
                "xls",
                format!("the {what} chain points outside the sector table"),
            ));
        };
        steps += 1;
        if steps > table.len() {
            return Err(corrupt(
                "xls",
                format!("the {what} chain loops back on itself"),
            ));
        }
        id = next;
    }
    Ok(())
}

/// The size of a directory entry's stream; a size past 32 bits is refused (calamine cannot hold
/// it on 32-bit targets such as WebAssembly).
fn entry_len(entry: &[u8], large: bool) -> Result<usize, Error> {
    let len = if large {
        u64::from_le_bytes(entry[120..128].try_into().unwrap_or_default())
    } else {
        u64::from(u32_at(entry, 120))
    };
    u32::try_from(len)
        .map(|len| len as usize)
        .map_err(|_| corrupt("xls", format!("a stream claims {len} bytes")))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).map_or(END_OF_CHAIN, |word| {
        u32::from_le_bytes([word[0], word[1], word[2], word[3]])
    })
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|word| u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    /// A 512-byte-sector compound file: header, one FAT sector (sector 0), one directory sector
    /// (sector 1) whose chain is `fat[1]`.
    fn compound_file(directory_next: u32) -> Vec<u8> {
        let mut bytes = vec![0u8; 512 * 3];
        bytes[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        bytes[26..28].copy_from_slice(&3u16.to_le_bytes());
        bytes[30..32].copy_from_slice(&9u16.to_le_bytes());
        bytes[32..34].copy_from_slice(&6u16.to_le_bytes());
        bytes[44..48].copy_from_slice(&1u32.to_le_bytes());
        bytes[48..52].copy_from_slice(&1u32.to_le_bytes());
        bytes[60..64].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        bytes[68..72].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        for slot in bytes[76..512].chunks_exact_mut(4) {
            slot.copy_from_slice(&u32::MAX.to_le_bytes());
        }
        bytes[76..80].copy_from_slice(&0u32.to_le_bytes());
        let fat = &mut bytes[512..1024];
        for slot in fat.chunks_exact_mut(4) {
            slot.copy_from_slice(&u32::MAX.to_le_bytes());
        }
        fat[0..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
        fat[4..8].copy_from_slice(&directory_next.to_le_bytes());
        bytes
    }

    /// A directory entry named `name` of type `kind`, starting at `start`, of `len` bytes.
    fn directory_entry(name: &str, kind: u8, start: u32, len: u32) -> [u8; DIRECTORY_ENTRY_LEN] {
        let mut entry = [0u8; DIRECTORY_ENTRY_LEN];
        let units: Vec<u16> = name.encode_utf16().chain([0]).collect();
        for (at, unit) in units.iter().enumerate() {
            entry[at * 2..at * 2 + 2].copy_from_slice(&unit.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&(units.len() as u16 * 2).to_le_bytes());
        entry[66] = kind;
        entry[116..120].copy_from_slice(&start.to_le_bytes());
        entry[120..124].copy_from_slice(&len.to_le_bytes());
        entry
    }

    #[test]
    fn a_short_stream_is_read_from_the_mini_stream() {
        // Sector 2 is the mini sector table, sector 3 the mini stream (the root's chain); the
        // stream is in mini sector 1.
        let mut bytes = compound_file(END_OF_CHAIN);
        bytes.resize(512 * 5, 0);
        bytes[60..64].copy_from_slice(&2u32.to_le_bytes());
        bytes[64..68].copy_from_slice(&1u32.to_le_bytes());
        bytes[512 + 8..512 + 16].copy_from_slice(&[0xFE, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF]);
        let root = directory_entry("Root Entry", 5, 3, 128);
        let stream = directory_entry("Workbook", STREAM, 1, 50);
        bytes[1024..1152].copy_from_slice(&root);
        bytes[1152..1280].copy_from_slice(&stream);
        for slot in bytes[1536..2048].chunks_exact_mut(4) {
            slot.copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        }
        bytes[2048 + 64..2048 + 128].fill(b'w');
        assert!(check_ole(&bytes).is_ok());
        assert_eq!(ole_stream(&bytes, "Workbook"), Some(vec![b'w'; 50]));
        assert_eq!(ole_stream(&bytes, "Book"), None);
    }

    #[test]
    fn a_well_formed_chain_passes() {
        assert!(check_ole(&compound_file(END_OF_CHAIN)).is_ok());
    }

    #[test]
    fn a_looping_directory_chain_is_corrupt() {
        let err = check_ole(&compound_file(1)).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::CorruptWorkbook { .. }));
        assert!(err.to_string().contains("loops"), "{err}");
    }

    #[test]
    fn a_chain_past_the_table_is_corrupt() {
        // Sector 150 is in the file, but the one-sector table covers only sectors 0 to 127.
        let mut bytes = compound_file(150);
        bytes.resize(512 * 200, 0);
        let err = check_ole(&bytes).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
    }
}

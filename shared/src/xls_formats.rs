//! Which numbers of an XLS sheet are under a digit pattern (`00000`). calamine reads the numbers
//! of an XLS workbook but keeps their formats to itself, so the format records and the cells'
//! format numbers are read here from the workbook stream (BIFF8), and nothing else.

use crate::digit_pattern::DigitPattern;
use crate::ole_check::ole_stream;

const EOF: u16 = 0x000A;
const BOF: u16 = 0x0809;
const FILEPASS: u16 = 0x002F;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const BIFF8: u16 = 0x0600;

/// The cells of one sheet that are under a digit pattern.
#[derive(Debug, Default)]
pub(crate) struct CellPatterns {
    /// The pattern of each cell format (XF record), by its number.
    by_format: Vec<Option<DigitPattern>>,
    /// `(row, column, format)` of the numbers under a pattern, in order.
    cells: Vec<(u32, u32, u16)>,
}

impl CellPatterns {
    /// The pattern of the number at `(row, column)`, if it is under one.
    pub(crate) fn at(&self, (row, column): (u32, u32)) -> Option<&DigitPattern> {
        let found = self
            .cells
            .binary_search_by_key(&(row, column), |&(row, column, _)| (row, column))
            .ok()?;
        self.by_format
            .get(usize::from(self.cells[found].2))?
            .as_ref()
    }

    /// The patterned cells of the sheet called `sheet` in the XLS workbook `bytes`; none when the
    /// workbook has no digit pattern, or is not BIFF8, or cannot be read here (calamine then
    /// reads its numbers as usual).
    pub(crate) fn of_xls_sheet(bytes: &[u8], sheet: &str) -> CellPatterns {
        match ole_stream(bytes, "Workbook") {
            Some(stream) => CellPatterns::of_stream_sheet(&stream, sheet),
            None => CellPatterns::default(),
        }
    }

    /// The same from the workbook stream.
    fn of_stream_sheet(stream: &[u8], sheet: &str) -> CellPatterns {
        let Some(globals) = Globals::read(stream) else {
            return CellPatterns::default();
        };
        if globals.by_format.iter().all(Option::is_none) {
            return CellPatterns::default();
        }
        let Some(&(start, _)) = globals.sheets.iter().find(|(_, name)| name == sheet) else {
            return CellPatterns::default();
        };
        let mut cells = Vec::new();
        let mut depth = 0usize;
        for (kind, data) in records(stream, start) {
            match kind {
                BOF => depth += 1,
                EOF => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                // Cells of an embedded chart are not the sheet's.
                _ if depth != 1 => {}
                NUMBER | RK | FORMULA if data.len() >= 6 => {
                    let format = u16_at(data, 4);
                    if patterned(&globals.by_format, format) {
                        cells.push((
                            u32::from(u16_at(data, 0)),
                            u32::from(u16_at(data, 2)),
                            format,
                        ));
                    }
                }
                MULRK if data.len() >= 6 => {
                    let row = u32::from(u16_at(data, 0));
                    let first_column = u32::from(u16_at(data, 2));
                    for (index, entry) in data[4..data.len() - 2].chunks_exact(6).enumerate() {
                        let format = u16_at(entry, 0);
                        if patterned(&globals.by_format, format) {
                            cells.push((row, first_column + index as u32, format));
                        }
                    }
                }
                _ => {}
            }
        }
        cells.sort_unstable();
        CellPatterns {
            by_format: globals.by_format,
            cells,
        }
    }
}

/// What the workbook globals say: each cell format's pattern, and where each sheet starts.
struct Globals {
    by_format: Vec<Option<DigitPattern>>,
    sheets: Vec<(usize, String)>,
}

impl Globals {
    /// `None` for an encrypted workbook or one older than BIFF8.
    fn read(stream: &[u8]) -> Option<Globals> {
        let mut codes: Vec<(u16, String)> = Vec::new();
        let mut format_ids: Vec<u16> = Vec::new();
        let mut sheets = Vec::new();
        for (kind, data) in records(stream, 0) {
            match kind {
                BOF if data.len() >= 2 && u16_at(data, 0) != BIFF8 => return None,
                FILEPASS => return None,
                FORMAT if data.len() >= 2 => {
                    codes.push((u16_at(data, 0), unicode_string(&data[2..], 2)?));
                }
                XF if data.len() >= 4 => format_ids.push(u16_at(data, 2)),
                BOUNDSHEET if data.len() >= 6 => {
                    let start = usize::try_from(u32::from_le_bytes(data[..4].try_into().ok()?));
                    sheets.push((start.ok()?, unicode_string(&data[6..], 1)?));
                }
                EOF => break,
                _ => {}
            }
        }
        // Built-in formats (no FORMAT record) are never digit patterns.
        let patterns: Vec<(u16, DigitPattern)> = codes
            .iter()
            .filter_map(|(id, code)| Some((*id, DigitPattern::parse(code)?)))
            .collect();
        let by_format = format_ids
            .iter()
            .map(|id| {
                patterns
                    .iter()
                    .find(|(pattern_id, _)| pattern_id == id)
                    .map(|(_, pattern)| pattern.clone())
            })
            .collect();
        Some(Globals { by_format, sheets })
    }
}

fn patterned(by_format: &[Option<DigitPattern>], format: u16) -> bool {
    by_format
        .get(usize::from(format))
        .is_some_and(Option::is_some)
}

/// The `(kind, data)` records of a BIFF stream from `start`, until the stream ends or a record
/// runs past it.
fn records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = start;
    std::iter::from_fn(move || {
        let header = stream.get(at..at + 4)?;
        let kind = u16_at(header, 0);
        let len = usize::from(u16_at(header, 2));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((kind, data))
    })
}

/// A BIFF8 string: its length in characters (`count_bytes` bytes), a flags byte whose bit 0 says
/// two bytes a character (else one, Latin-1), then the characters.
fn unicode_string(data: &[u8], count_bytes: usize) -> Option<String> {
    let count = match count_bytes {
        1 => usize::from(*data.first()?),
        _ => usize::from(u16_at(data.get(..2)?, 0)),
    };
    let flags = *data.get(count_bytes)?;
    let text = &data[count_bytes + 1..];
    if flags & 1 == 0 {
        Some(text.get(..count)?.iter().map(|&b| char::from(b)).collect())
    } else {
        let units: Vec<u16> = text
            .get(..count * 2)?
            .chunks_exact(2)
            .map(|unit| u16::from_le_bytes([unit[0], unit[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    }
}

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    /// A workbook stream: format 164 is `code`, cell format 1 uses it, and one sheet "S" whose
    /// cells are `cells`.
    fn stream(code: &str, cells: &[Vec<u8>]) -> Vec<u8> {
        let mut format = 164u16.to_le_bytes().to_vec();
        format.extend_from_slice(&(code.len() as u16).to_le_bytes());
        format.push(0);
        format.extend_from_slice(code.as_bytes());
        let globals_before_sheet = [
            record(BOF, &[0x00, 0x06, 0x05, 0x00]),
            record(FORMAT, &format),
            record(XF, &[0, 0, 0, 0]),
            record(XF, &[0, 0, 164, 0]),
        ]
        .concat();
        let boundsheet_len = 4 + 6 + 3;
        let eof = record(EOF, &[]);
        let sheet_start = (globals_before_sheet.len() + boundsheet_len + eof.len()) as u32;
        let mut boundsheet = sheet_start.to_le_bytes().to_vec();
        boundsheet.extend_from_slice(&[0, 0, 1, 0, b'S']);
        let mut out = [globals_before_sheet, record(BOUNDSHEET, &boundsheet), eof].concat();
        out.extend(record(BOF, &[0x00, 0x06, 0x10, 0x00]));
        for cell in cells {
            out.extend_from_slice(cell);
        }
        out.extend(record(EOF, &[]));
        out
    }

    #[test]
    fn numbers_under_a_pattern_are_found_in_single_and_multiple_cell_records() {
        // Row 2: column 0 in format 1 (the pattern), column 1 in format 0; row 3 one RK.
        let mut mulrk = vec![2, 0, 0, 0];
        mulrk.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
        let rk = [3, 0, 4, 0, 1, 0, 0, 0, 0, 0];
        let stream = stream("00000", &[record(MULRK, &mulrk), record(RK, &rk)]);
        let patterns = CellPatterns::of_stream_sheet(&stream, "S");
        assert!(patterns.at((2, 0)).is_some());
        assert!(patterns.at((2, 1)).is_none());
        assert!(patterns.at((3, 4)).is_some());
        assert!(
            CellPatterns::of_stream_sheet(&stream, "Other")
                .at((2, 0))
                .is_none()
        );
    }

    #[test]
    fn a_workbook_without_patterns_finds_no_cell() {
        let rk = [3, 0, 4, 0, 1, 0, 0, 0, 0, 0];
        let stream = stream("0.00", &[record(RK, &rk)]);
        assert!(CellPatterns::of_stream_sheet(&stream, "S").cells.is_empty());
    }

    #[test]
    fn strings_of_one_or_two_bytes_a_character() {
        assert_eq!(
            unicode_string(&[2, 0, 0, b'I', b'D'], 2).as_deref(),
            Some("ID")
        );
        assert_eq!(unicode_string(&[1, 1, 0xAC, 0x20], 1).as_deref(), Some("€"));
        assert_eq!(unicode_string(&[5, 0, b'a'], 1), None);
    }
}

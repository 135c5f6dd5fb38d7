//! Rows' cells packed into one buffer, to send part of a file to a helper worker: one copy that
//! can be transferred, rather than millions of strings. Each row is its cell count, then each
//! cell's length and bytes (lengths as little-endian `u32`).

use std::collections::HashMap;

use clientela_shared::Table;

use super::filled_rows::for_each_filled_row;

/// The non-blank rows of `table` from `first` on (edits included), packed; and their indexes
/// in the table.
pub fn pack_rows(
    table: &Table,
    edits: &HashMap<usize, Vec<String>>,
    first: usize,
) -> (Vec<usize>, Vec<u8>) {
    let mut rows = Vec::new();
    let mut packed = Vec::new();
    for_each_filled_row(table, edits, first..usize::MAX, |index, _, cells| {
        rows.push(index);
        push_length(&mut packed, cells.len());
        for cell in cells {
            push_length(&mut packed, cell.len());
            packed.extend_from_slice(cell.as_bytes());
        }
    });
    (rows, packed)
}

/// Calls `each` with the cells of every packed row, in order; `Err` if `packed` was not made by
/// [`pack_rows`].
pub fn for_each_row(packed: &[u8], mut each: impl FnMut(&[&str])) -> Result<(), String> {
    let mut rest = packed;
    let mut cells: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        let count = take_length(&mut rest)?;
        cells.clear();
        for _ in 0..count {
            let length = take_length(&mut rest)?;
            if rest.len() < length {
                return Err("a packed cell is cut short".to_owned());
            }
            let (cell, after) = rest.split_at(length);
            cells.push(std::str::from_utf8(cell).map_err(|err| err.to_string())?);
            rest = after;
        }
        each(&cells);
    }
    Ok(())
}

fn push_length(packed: &mut Vec<u8>, length: usize) {
    let length = u32::try_from(length).expect("a cell or row under 4 GB");
    packed.extend_from_slice(&length.to_le_bytes());
}

fn take_length(rest: &mut &[u8]) -> Result<usize, String> {
    let Some((length, after)) = rest.split_first_chunk::<4>() else {
        return Err("a packed length is cut short".to_owned());
    };
    *rest = after;
    Ok(u32::from_le_bytes(*length) as usize)
}

#[cfg(test)]
mod tests {
    use clientela_shared::read_table;

    use super::*;

    #[test]
    fn rows_come_back_as_they_were_without_blank_ones_and_with_edits() {
        let table = read_table("A;B\nuno;dos\nñandú;\"con;punto\"\ncuatro;\ncinco;\n".as_bytes())
            .expect("reads");
        let edits = HashMap::from([
            (2, vec![String::new(), " ".to_owned()]),
            (3, vec!["editado".to_owned(), String::new()]),
        ]);
        let (rows, packed) = pack_rows(&table, &edits, 1);
        assert_eq!(rows, [1, 3]);
        let mut seen = Vec::new();
        for_each_row(&packed, |cells| {
            seen.push(cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
        })
        .expect("unpacks");
        assert_eq!(seen, [vec!["ñandú", "con;punto"], vec!["editado", ""]]);
    }

    #[test]
    fn a_cut_buffer_is_an_error() {
        let table = read_table(b"A\nuno\n").expect("reads");
        let (_, packed) = pack_rows(&table, &HashMap::new(), 0);
        assert!(for_each_row(&packed[..packed.len() - 1], |_| {}).is_err());
    }
}

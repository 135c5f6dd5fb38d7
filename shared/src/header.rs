//! Finding the header row under title rows, and giving every column a unique name.

use std::collections::HashSet;

use crate::detection::{Basis, Detected};
use crate::error::{Error, ErrorKind};
use crate::grid::Grid;
use crate::problem::{ProblemKind, Problems};

/// How many rows are inspected for the header.
const SNIFF_ROWS: usize = 20;

/// The record that holds the header: the one on line `chosen`, or the first record that fills
/// more than half as many cells as the rows under it usually do.
pub(crate) fn find_header(
    grid: &Grid,
    chosen: Option<u64>,
) -> Result<(usize, Detected<u64>), Error> {
    if grid.len() == 0 {
        return Err(ErrorKind::Empty.into());
    }
    if let Some(line) = chosen {
        let record = (0..grid.len())
            .find(|&record| grid.line(record) == line)
            .ok_or_else(|| {
                Error::invalid_option(format!("line {line} is blank or not in the file"))
            })?;
        return Ok((record, Detected::new(line, Basis::Chosen)));
    }
    let sniffed = grid.len().min(SNIFF_ROWS);
    let filled: Vec<usize> = (0..sniffed)
        .map(|record| grid.filled_cells(record))
        .collect();
    let typical = most_common(&filled[1.min(sniffed - 1)..]);
    let record = (0..sniffed)
        .find(|&record| filled[record] * 2 > typical && (filled[record] >= 2 || typical < 2))
        .unwrap_or(0);
    let basis = if record == 0 {
        Basis::FirstRowWithData
    } else {
        Basis::TitleRowsAbove {
            skipped: record as u64,
        }
    };
    Ok((record, Detected::new(grid.line(record), basis)))
}

/// The most common value (the larger one on a tie).
fn most_common(values: &[usize]) -> usize {
    let mut best = (0, 0);
    for &value in values {
        let count = values.iter().filter(|&&other| other == value).count();
        if (count, value) > best {
            best = (count, value);
        }
    }
    best.1
}

/// Column names from the header cells: trimmed, blank ones named `Column N`, repeated ones
/// numbered `Email (2)`; each rename is reported. `width` may exceed the header's own cells when
/// rows below are longer.
pub(crate) fn column_names<'a>(
    header: impl Iterator<Item = &'a str>,
    width: usize,
    line: u64,
    problems: &mut Problems,
) -> Vec<String> {
    let mut cells: Vec<&str> = header.map(str::trim).take(width).collect();
    cells.resize(width, "");
    let mut seen: HashSet<String> = HashSet::new();
    let mut names = Vec::with_capacity(width);
    for (index, cell) in cells.into_iter().enumerate() {
        let column = index as u64 + 1;
        let name = if cell.is_empty() {
            let name = unique(&format!("Column {column}"), &seen);
            problems.push(
                line,
                Some(column),
                ProblemKind::BlankHeader {
                    renamed_to: name.clone(),
                },
            );
            name
        } else if seen.contains(&cell.to_lowercase()) {
            let name = unique(cell, &seen);
            problems.push(
                line,
                Some(column),
                ProblemKind::DuplicateHeader {
                    name: cell.to_owned(),
                    renamed_to: name.clone(),
                },
            );
            name
        } else {
            cell.to_owned()
        };
        seen.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// `name`, or `name (2)`, `name (3)`… whichever is not taken yet (ignoring case).
fn unique(name: &str, seen: &HashSet<String>) -> String {
    if !seen.contains(&name.to_lowercase()) {
        return name.to_owned();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !seen.contains(&candidate.to_lowercase()))
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::GridBuilder;
    use crate::options::Limits;

    fn grid(rows: &[&[&str]]) -> Grid {
        let mut builder = GridBuilder::new(Limits::default(), 0);
        for (line, cells) in rows.iter().enumerate() {
            builder.start_record(line as u64 + 1);
            for cell in *cells {
                builder.push_cell(cell).unwrap();
            }
            builder.end_record();
        }
        builder.finish(String::new())
    }

    #[test]
    fn first_row_is_the_header_in_a_plain_file() {
        let grid = grid(&[&["Name", "Email"], &["Ana", "a@x.com"]]);
        let (record, line) = find_header(&grid, None).unwrap();
        assert_eq!(record, 0);
        assert_eq!(line, Detected::new(1, Basis::FirstRowWithData));
    }

    #[test]
    fn header_is_found_under_a_title_and_a_blank_row() {
        let grid = grid(&[
            &["Customers March 2024", "", ""],
            &["", "", ""],
            &["Name", "Email", "City"],
            &["Ana", "a@x.com", "Quito"],
            &["Luis", "", "Lima"],
        ]);
        let (record, line) = find_header(&grid, None).unwrap();
        assert_eq!(record, 1);
        assert_eq!(line, Detected::new(3, Basis::TitleRowsAbove { skipped: 1 }));
    }

    #[test]
    fn a_one_column_file_keeps_its_first_row() {
        let grid = grid(&[&["Email"], &["a@x.com"]]);
        assert_eq!(find_header(&grid, None).unwrap().0, 0);
    }

    #[test]
    fn chosen_header_line_wins() {
        let grid = grid(&[&["Title"], &["Name", "Email"], &["Ana", "a@x.com"]]);
        let (record, line) = find_header(&grid, Some(1)).unwrap();
        assert_eq!(record, 0);
        assert_eq!(line.basis, Basis::Chosen);
        assert!(find_header(&grid, Some(9)).is_err());
    }

    #[test]
    fn blank_and_duplicate_names_are_made_unique_and_reported() {
        let mut problems = Problems::new(10);
        let names = column_names(
            ["Email", " ", "email", "Phone"].into_iter(),
            5,
            3,
            &mut problems,
        );
        assert_eq!(
            names,
            ["Email", "Column 2", "email (2)", "Phone", "Column 5"]
        );
        let problems = problems.finish(3);
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[1].column, Some(3));
    }
}

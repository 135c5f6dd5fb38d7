//! One arena for all the cell text of a file: no allocation per cell or per row.
//!
//! A 1M-row × 15-column file costs its text plus four bytes per cell and twelve per row.

use crate::error::{Error, ErrorKind};
use crate::options::Limits;

/// The non-blank records of a file, each with the line it starts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Grid {
    text: String,
    /// End of each cell's text in `text`.
    cell_ends: Vec<u32>,
    /// End of each record's cells in `cell_ends`.
    record_ends: Vec<u32>,
    /// The line each record starts on, 1-based.
    lines: Vec<u64>,
}

/// Fills a [`Grid`] record by record, enforcing the [`Limits`] and dropping blank records.
#[derive(Debug)]
pub(crate) struct GridBuilder {
    grid: Grid,
    limits: Limits,
    line: u64,
    cell_start: usize,
    /// Index in `cell_ends` of the record's first cell.
    record_start: usize,
    has_text: bool,
}

impl GridBuilder {
    pub(crate) fn new(limits: Limits, text_capacity: usize) -> Self {
        GridBuilder {
            grid: Grid {
                text: String::with_capacity(text_capacity),
                ..Grid::default()
            },
            limits,
            line: 1,
            cell_start: 0,
            record_start: 0,
            has_text: false,
        }
    }

    /// Makes room for about `records` records of `cells` cells in all, so that a large file
    /// does not copy its index again and again as it grows (capped by the cell limit).
    pub(crate) fn reserve(&mut self, records: usize, cells: usize) {
        let cells = cells.min(usize::try_from(self.limits.max_cells).unwrap_or(usize::MAX));
        self.grid.cell_ends.reserve(cells);
        self.grid.record_ends.reserve(records);
        self.grid.lines.reserve(records);
    }

    /// Starts a record on `line`.
    pub(crate) fn start_record(&mut self, line: u64) {
        self.line = line;
    }

    /// Appends text to the cell being built.
    #[inline]
    pub(crate) fn push_str(&mut self, text: &str) {
        self.grid.text.push_str(text);
    }

    /// Ends the cell being built.
    ///
    /// This runs for every cell of a file, so the common case is one combined test of the limits
    /// and the arena's size; which limit was passed is worked out only when one was.
    #[inline]
    pub(crate) fn end_cell(&mut self) -> Result<(), Error> {
        let end = self.grid.text.len();
        let len = end - self.cell_start;
        let cells = self.grid.cell_ends.len();
        let column = cells - self.record_start + 1;
        if len as u64 > self.limits.max_cell_bytes
            || column as u64 > self.limits.max_columns
            || cells as u64 >= self.limits.max_cells
            || end > u32::MAX as usize
        {
            return Err(self.limit_error(len, column, end));
        }
        if !self.has_text && len > 0 {
            self.has_text = !self.grid.text[self.cell_start..].trim().is_empty();
        }
        self.grid.cell_ends.push(end as u32);
        self.cell_start = end;
        Ok(())
    }

    /// The error for a cell of `len` bytes in `column`, ending at `end` in the arena, that passes
    /// one of the limits.
    #[cold]
    fn limit_error(&self, len: usize, column: usize, end: usize) -> Error {
        let kind = if len as u64 > self.limits.max_cell_bytes {
            ErrorKind::CellTooLarge {
                line: self.line,
                column: column as u64,
                limit: self.limits.max_cell_bytes,
            }
        } else if column as u64 > self.limits.max_columns {
            ErrorKind::TooManyColumns {
                line: self.line,
                limit: self.limits.max_columns,
            }
        } else if self.grid.cell_ends.len() as u64 >= self.limits.max_cells {
            ErrorKind::TooManyCells {
                line: self.line,
                limit: self.limits.max_cells,
            }
        } else {
            ErrorKind::FileTooLarge {
                size: end as u64,
                limit: u64::from(u32::MAX),
            }
        };
        kind.into()
    }

    /// Appends a whole cell.
    #[inline]
    pub(crate) fn push_cell(&mut self, text: &str) -> Result<(), Error> {
        self.push_str(text);
        self.end_cell()
    }

    /// Ends the record; a record whose cells are all blank is dropped.
    pub(crate) fn end_record(&mut self) {
        if self.has_text {
            self.grid.record_ends.push(self.grid.cell_ends.len() as u32);
            self.grid.lines.push(self.line);
        } else {
            self.grid.cell_ends.truncate(self.record_start);
            let text_end = self.grid.cell_ends.last().copied().unwrap_or(0) as usize;
            self.grid.text.truncate(text_end);
            self.cell_start = text_end;
        }
        self.record_start = self.grid.cell_ends.len();
        self.has_text = false;
    }

    pub(crate) fn finish(mut self) -> Grid {
        self.grid.text.shrink_to_fit();
        self.grid
    }
}

impl Grid {
    /// How many (non-blank) records there are.
    pub(crate) fn len(&self) -> usize {
        self.record_ends.len()
    }

    /// The line record `record` starts on.
    pub(crate) fn line(&self, record: usize) -> u64 {
        self.lines[record]
    }

    /// The range of `cell_ends` that belongs to `record`.
    fn cell_range(&self, record: usize) -> std::ops::Range<usize> {
        let start = if record == 0 {
            0
        } else {
            self.record_ends[record - 1] as usize
        };
        start..self.record_ends[record] as usize
    }

    /// How many cells record `record` holds.
    pub(crate) fn width(&self, record: usize) -> usize {
        self.cell_range(record).len()
    }

    /// The text of cell `column` of `record`, or `""` past its end.
    pub(crate) fn cell(&self, record: usize, column: usize) -> &str {
        let range = self.cell_range(record);
        if column >= range.len() {
            return "";
        }
        self.cell_at(range.start + column)
    }

    fn cell_at(&self, index: usize) -> &str {
        let start = if index == 0 {
            0
        } else {
            self.cell_ends[index - 1] as usize
        };
        &self.text[start..self.cell_ends[index] as usize]
    }

    /// The cells of `record`.
    pub(crate) fn cells(&self, record: usize) -> impl Iterator<Item = &str> + '_ {
        self.cell_range(record).map(|index| self.cell_at(index))
    }

    /// The bytes of each cell of `record`, in order: a faster walk than [`Grid::cells`] for
    /// checks that look at every cell of a large file.
    pub(crate) fn cell_bytes(&self, record: usize) -> impl Iterator<Item = &[u8]> + '_ {
        let range = self.cell_range(record);
        let mut start = if range.start == 0 {
            0
        } else {
            self.cell_ends[range.start - 1] as usize
        };
        let text = self.text.as_bytes();
        self.cell_ends[range].iter().map(move |&end| {
            let cell = &text[start..end as usize];
            start = end as usize;
            cell
        })
    }

    /// How many cells of `record` come before (and including) its last non-empty one.
    pub(crate) fn filled_width(&self, record: usize) -> usize {
        let range = self.cell_range(record);
        let mut width = range.len();
        while width > 0 && self.cell_at(range.start + width - 1).is_empty() {
            width -= 1;
        }
        width
    }

    /// How many cells of `record` hold text.
    pub(crate) fn filled_cells(&self, record: usize) -> usize {
        self.cells(record)
            .filter(|cell| !cell.trim().is_empty())
            .count()
    }

    /// Bytes held, for memory reports.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.cell_ends.capacity() * 4
            + self.record_ends.capacity() * 4
            + self.lines.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(records: &[(u64, &[&str])]) -> Grid {
        let mut builder = GridBuilder::new(Limits::default(), 0);
        for (line, cells) in records {
            builder.start_record(*line);
            for cell in *cells {
                builder.push_cell(cell).unwrap();
            }
            builder.end_record();
        }
        builder.finish()
    }

    #[test]
    fn cells_come_back_by_record_and_column() {
        let grid = grid(&[(1, &["a", "bc"]), (3, &["", "d", "e"])]);
        assert_eq!(grid.len(), 2);
        assert_eq!(grid.cell(0, 1), "bc");
        assert_eq!(grid.cell(1, 2), "e");
        assert_eq!(grid.cell(1, 9), "");
        assert_eq!(grid.line(1), 3);
        assert_eq!(grid.width(1), 3);
    }

    #[test]
    fn blank_records_are_dropped() {
        let grid = grid(&[(1, &["a"]), (2, &["", " "]), (3, &["b", ""])]);
        assert_eq!(grid.len(), 2);
        assert_eq!(grid.line(1), 3);
        assert_eq!(grid.cells(1).collect::<Vec<_>>(), ["b", ""]);
        assert_eq!(grid.filled_width(1), 1);
    }

    #[test]
    fn a_cell_past_the_size_limit_names_line_and_column() {
        let limits = Limits {
            max_cell_bytes: 3,
            ..Limits::default()
        };
        let mut builder = GridBuilder::new(limits, 0);
        builder.start_record(7);
        builder.push_cell("ok").unwrap();
        let err = builder.push_cell("toolong").unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::CellTooLarge {
                line: 7,
                column: 2,
                limit: 3
            }
        );
    }

    #[test]
    fn too_many_columns_is_an_error() {
        let limits = Limits {
            max_columns: 2,
            ..Limits::default()
        };
        let mut builder = GridBuilder::new(limits, 0);
        builder.start_record(1);
        builder.push_cell("a").unwrap();
        builder.push_cell("b").unwrap();
        let err = builder.push_cell("c").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooManyColumns { line: 1, limit: 2 });
    }
}

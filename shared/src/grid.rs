//! One arena for all the cell text of a file: no allocation per cell or per row.
//!
//! The arena is the file's own text: a cell is a span of it, so reading copies no cell text. The
//! few cells whose text is not one slice of the file (a quoted field with doubled quotes, text
//! after a closing quote) are written to a second, small arena. A 1M-row × 15-column file costs
//! its text plus eight bytes per cell and twelve per row.

use crate::cell_text::is_damaged_number;
use crate::error::{Error, ErrorKind};
use crate::options::Limits;

/// The non-blank records of a file, each with the line it starts on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// The text the cells were found in: a CSV file's decoded text, a workbook's cell text.
    source: String,
    /// The text of cells that are not one slice of `source`.
    written: String,
    /// Where each cell's text is, counting `written` as if it followed `source`.
    spans: Vec<Span>,
    /// End of each record's cells in `spans`.
    record_ends: Vec<u32>,
    /// The line each record starts on, 1-based.
    lines: Vec<u64>,
    /// Index in `spans` of each cell holding a number Excel has turned into scientific notation
    /// (see [`is_damaged_number`]), found while the cell's text is at hand.
    damaged_numbers: Vec<u32>,
}

/// Byte offsets of a cell's text; u32 keeps the index at eight bytes a cell (the arenas are
/// limited to 4 GiB together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

/// Grids are equal when they hold the same cells in the same records on the same lines, wherever
/// their text is kept (a file read from borrowed bytes or from its own buffer).
impl PartialEq for Grid {
    fn eq(&self, other: &Self) -> bool {
        self.lines == other.lines
            && self.record_ends == other.record_ends
            && (0..self.spans.len()).all(|index| self.cell_at(index) == other.cell_at(index))
    }
}

impl Eq for Grid {}

impl Span {
    fn bounds(self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

/// Fills a [`Grid`] record by record, enforcing the [`Limits`] and dropping blank records.
///
/// Cells either point into the source text, which the builder receives only at
/// [`GridBuilder::finish`] (so the parser can read it while the builder grows), or are written.
#[derive(Debug)]
pub(crate) struct GridBuilder {
    grid: Grid,
    limits: Limits,
    /// The length of the source text: written cells' spans start after it.
    source_len: usize,
    line: u64,
    /// Where the written cell being built starts in `written`.
    cell_start: usize,
    /// Index in `spans` of the record's first cell.
    record_start: usize,
    /// Length of `written` when the record started, to drop its text with a blank record.
    record_written: usize,
    /// Length of `damaged_numbers` when the record started, for the same reason.
    record_damaged: usize,
    has_text: bool,
}

impl GridBuilder {
    /// A builder for cells found in a source text of `source_len` bytes (0 when every cell is
    /// written).
    pub(crate) fn new(limits: Limits, source_len: usize) -> Self {
        GridBuilder {
            grid: Grid::default(),
            limits,
            source_len,
            line: 1,
            cell_start: 0,
            record_start: 0,
            record_written: 0,
            record_damaged: 0,
            has_text: false,
        }
    }

    /// Makes room for about `records` records of `cells` cells in all, so that a large file
    /// does not copy its index again and again as it grows (capped by the cell limit).
    pub(crate) fn reserve(&mut self, records: usize, cells: usize) {
        let cells = cells.min(usize::try_from(self.limits.max_cells).unwrap_or(usize::MAX));
        self.grid.spans.reserve(cells);
        self.grid.record_ends.reserve(records);
        self.grid.lines.reserve(records);
    }

    /// Starts a record on `line`.
    pub(crate) fn start_record(&mut self, line: u64) {
        self.line = line;
    }

    /// Appends a cell whose text is `cell`, found at byte `start` of the source text.
    #[inline]
    pub(crate) fn source_cell(&mut self, start: usize, cell: &str) -> Result<(), Error> {
        if !self.has_text {
            self.has_text = has_text(cell);
        }
        self.note_damaged_number(cell);
        self.push_span(start, start + cell.len())
    }

    /// Appends text to the written cell being built.
    #[inline]
    pub(crate) fn push_str(&mut self, text: &str) {
        self.grid.written.push_str(text);
    }

    /// Ends the written cell being built.
    #[inline]
    pub(crate) fn end_cell(&mut self) -> Result<(), Error> {
        let start = self.cell_start;
        let end = self.grid.written.len();
        let cell = &self.grid.written[start..];
        if !self.has_text {
            self.has_text = has_text(cell);
        }
        if is_damaged_number(cell) {
            self.grid.damaged_numbers.push(self.grid.spans.len() as u32);
        }
        self.cell_start = end;
        self.push_span(self.source_len + start, self.source_len + end)
    }

    /// Notes the cell about to be pushed if it holds a damaged number. Reading checks every
    /// cell here, while its text is in the cache, rather than walking the whole file again.
    #[inline]
    fn note_damaged_number(&mut self, cell: &str) {
        if is_damaged_number(cell) {
            self.grid.damaged_numbers.push(self.grid.spans.len() as u32);
        }
    }

    /// Appends a whole written cell.
    #[inline]
    pub(crate) fn push_cell(&mut self, text: &str) -> Result<(), Error> {
        self.push_str(text);
        self.end_cell()
    }

    /// Records a cell's span.
    ///
    /// This runs for every cell of a file, so the common case is one combined test of the limits
    /// and the arena's size; which limit was passed is worked out only when one was.
    #[inline]
    fn push_span(&mut self, start: usize, end: usize) -> Result<(), Error> {
        let len = end - start;
        let cells = self.grid.spans.len();
        let column = cells - self.record_start + 1;
        if len as u64 > self.limits.max_cell_bytes
            || column as u64 > self.limits.max_columns
            || cells as u64 >= self.limits.max_cells
            || end > u32::MAX as usize
        {
            return Err(self.limit_error(len, column, end));
        }
        self.grid.spans.push(Span {
            start: start as u32,
            end: end as u32,
        });
        Ok(())
    }

    /// The error for a cell of `len` bytes in `column`, ending at `end` in the arenas, that
    /// passes one of the limits.
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
        } else if self.grid.spans.len() as u64 >= self.limits.max_cells {
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

    /// Ends the record; a record whose cells are all blank is dropped.
    pub(crate) fn end_record(&mut self) {
        if self.has_text {
            self.grid.record_ends.push(self.grid.spans.len() as u32);
            self.grid.lines.push(self.line);
        } else {
            self.grid.spans.truncate(self.record_start);
            self.grid.written.truncate(self.record_written);
            self.grid.damaged_numbers.truncate(self.record_damaged);
            self.cell_start = self.record_written;
        }
        self.record_start = self.grid.spans.len();
        self.record_written = self.grid.written.len();
        self.record_damaged = self.grid.damaged_numbers.len();
        self.has_text = false;
    }

    /// The grid, holding `source`: the text that [`GridBuilder::source_cell`]'s offsets are in.
    pub(crate) fn finish(mut self, source: String) -> Grid {
        debug_assert_eq!(source.len(), self.source_len, "cells point into this text");
        self.grid.source = source;
        // A table lives on: spare room the caller's buffer had is given back.
        self.grid.source.shrink_to_fit();
        self.grid.written.shrink_to_fit();
        self.grid
    }
}

/// True when `cell` is not blank. Most cells start with a printable ASCII character, which
/// settles it without walking the text.
#[inline]
fn has_text(cell: &str) -> bool {
    match cell.as_bytes().first() {
        None => false,
        Some(&first) if first > b' ' && first.is_ascii() => true,
        Some(_) => !cell.trim().is_empty(),
    }
}

impl Grid {
    /// The text the cells point into.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// How many (non-blank) records there are.
    pub(crate) fn len(&self) -> usize {
        self.record_ends.len()
    }

    /// The line record `record` starts on.
    pub(crate) fn line(&self, record: usize) -> u64 {
        self.lines[record]
    }

    /// The range of `spans` that belongs to `record`.
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
        let (start, end) = self.spans[index].bounds();
        match start.checked_sub(self.source.len()) {
            Some(start) => &self.written[start..end - self.source.len()],
            None => &self.source[start..end],
        }
    }

    /// The cells of `record`.
    pub(crate) fn cells(&self, record: usize) -> impl Iterator<Item = &str> + '_ {
        self.cell_range(record).map(|index| self.cell_at(index))
    }

    /// How many cells of `record` come before (and including) its last non-empty one.
    ///
    /// It looks at the cells' lengths only, never their text, as it runs for every record.
    pub(crate) fn filled_width(&self, record: usize) -> usize {
        let spans = &self.spans[self.cell_range(record)];
        spans
            .iter()
            .rposition(|span| span.end > span.start)
            .map_or(0, |last| last + 1)
    }

    /// The cells holding a number Excel has damaged, as (record, column), in file order.
    pub(crate) fn damaged_numbers(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut record = 0;
        self.damaged_numbers.iter().map(move |&index| {
            let index = index as usize;
            while self.record_ends[record] as usize <= index {
                record += 1;
            }
            (record, index - self.cell_range(record).start)
        })
    }

    /// How many cells of `record` hold text.
    pub(crate) fn filled_cells(&self, record: usize) -> usize {
        self.cells(record)
            .filter(|cell| !cell.trim().is_empty())
            .count()
    }

    /// Bytes held, for memory reports.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.source.capacity()
            + self.written.capacity()
            + self.spans.capacity() * std::mem::size_of::<Span>()
            + self.record_ends.capacity() * 4
            + self.lines.capacity() * 8
            + self.damaged_numbers.capacity() * 4
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
        builder.finish(String::new())
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
    fn source_cells_and_written_cells_mix() {
        let source = "Ana,\"say \"\"hi\"\"\"";
        let mut builder = GridBuilder::new(Limits::default(), source.len());
        builder.start_record(1);
        builder.source_cell(0, &source[0..3]).unwrap();
        builder.push_str("say \"");
        builder.push_str("hi\"");
        builder.end_cell().unwrap();
        builder.source_cell(source.len(), "").unwrap();
        builder.end_record();
        let grid = builder.finish(source.to_owned());
        assert_eq!(grid.cells(0).collect::<Vec<_>>(), ["Ana", "say \"hi\"", ""]);
    }

    #[test]
    fn a_blank_record_drops_its_written_text() {
        let mut builder = GridBuilder::new(Limits::default(), 0);
        builder.start_record(1);
        builder.push_cell(" ").unwrap();
        builder.end_record();
        builder.start_record(2);
        builder.push_cell("a").unwrap();
        builder.end_record();
        let grid = builder.finish(String::new());
        assert_eq!(grid.line(0), 2);
        assert_eq!(grid.cell(0, 0), "a");
        assert_eq!(grid.written, "a");
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

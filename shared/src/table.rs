//! A file read into memory: header names, data rows, what was detected and what looked odd.

use crate::detection::Detection;
use crate::grid::Grid;
use crate::problem::Problem;

/// A file read into memory.
///
/// All cell text lives in one arena; rows and cells are borrowed views of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub(crate) grid: Grid,
    /// The record holding the header; data rows are the records after it.
    pub(crate) header_record: usize,
    pub(crate) columns: Vec<String>,
    pub(crate) detection: Detection,
    pub(crate) problems: Vec<Problem>,
}

impl Table {
    /// The column names, in file order: unique, none blank.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The header row as it stands in the file: its cells untrimmed, blank ones still blank
    /// (compare [`Table::columns`], the names given to the columns).
    pub fn header(&self) -> RowRef<'_> {
        RowRef {
            table: self,
            record: self.header_record,
        }
    }

    /// How many data rows there are (blank lines are not rows).
    pub fn row_count(&self) -> usize {
        self.grid.len() - self.header_record - 1
    }

    /// The data rows, in file order.
    pub fn rows(&self) -> Rows<'_> {
        Rows {
            table: self,
            next: self.header_record + 1,
            end: self.grid.len(),
        }
    }

    /// Data row `index` (0-based), if there is one.
    pub fn row(&self, index: usize) -> Option<RowRef<'_>> {
        (index < self.row_count()).then(|| RowRef {
            table: self,
            record: self.header_record + 1 + index,
        })
    }

    /// The line (sheet row) of the header, 1-based as the user sees it.
    pub fn header_line(&self) -> u64 {
        self.detection.header_line.value
    }

    /// What was detected about the file and why.
    pub fn detection(&self) -> &Detection {
        &self.detection
    }

    /// What looked odd but did not stop the reading: ragged rows, renamed headers, error cells,
    /// damaged numbers…
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The text the cells were read from. For a CSV file it is the whole file decoded: a UTF-8
    /// file's own text (with its byte order mark, if it had one), which is all it takes to read
    /// the file again with other choices. For a workbook it is only text gathered from cells.
    pub fn source_text(&self) -> &str {
        self.grid.source()
    }

    /// Bytes of memory the table holds (cell text and its index), for capacity reports.
    pub fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes()
    }
}

/// One data row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    table: &'a Table,
    record: usize,
}

impl<'a> RowRef<'a> {
    /// The line (sheet row) the row starts on, 1-based, header included, as the user sees it.
    pub fn line(&self) -> u64 {
        self.table.grid.line(self.record)
    }

    /// The text of cell `column` (0-based), or `""` when the row is shorter.
    pub fn cell(&self, column: usize) -> &'a str {
        self.table.grid.cell(self.record, column)
    }

    /// The cells the row holds, in column order (a ragged row holds fewer or more than
    /// [`Table::columns`]).
    pub fn cells(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.table.grid.cells(self.record)
    }

    /// How many cells the row holds.
    pub fn len(&self) -> usize {
        self.table.grid.width(self.record)
    }

    /// True when the row holds no cells (never, for a row of a table).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The data rows of a [`Table`], from [`Table::rows`].
#[derive(Debug, Clone)]
pub struct Rows<'a> {
    table: &'a Table,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Rows<'a> {
    type Item = RowRef<'a>;

    fn next(&mut self) -> Option<RowRef<'a>> {
        (self.next < self.end).then(|| {
            self.next += 1;
            RowRef {
                table: self.table,
                record: self.next - 1,
            }
        })
    }

    fn nth(&mut self, n: usize) -> Option<RowRef<'a>> {
        self.next = self.next.saturating_add(n).min(self.end);
        self.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Rows<'_> {}

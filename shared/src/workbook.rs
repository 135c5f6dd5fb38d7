//! Reading one sheet of an XLSX, XLSM, XLSB, XLS or ODS workbook from memory with calamine.
//!
//! Numbers under a digit pattern (`00000`) are written as Excel shows them, in XLSX and XLS
//! workbooks: calamine gives XLSB and ODS numbers without their formats.

use std::io::Cursor;

use calamine::{
    Data, DataRef, Dimensions, Ods, Reader, SheetType, SheetVisible, Style, Xls, Xlsb, Xlsx,
    open_workbook_from_rs,
};

use crate::cell_text::write_cell;
use crate::detection::{Basis, Detected, Format, SheetInfo};
use crate::digit_pattern::DigitPattern;
use crate::error::{Error, ErrorKind};
use crate::format::corrupt;
use crate::grid::{Grid, GridBuilder};
use crate::options::{Limits, ReadOptions};
use crate::problem::{ProblemKind, Problems};
use crate::xls_formats::CellPatterns;

type Source<'a> = Cursor<&'a [u8]>;

/// An open workbook of any of the supported kinds.
enum Workbook<'a> {
    Xlsx(Xlsx<Source<'a>>),
    Xlsb(Xlsb<Source<'a>>),
    /// With the file's bytes, where the cells' number formats are read (calamine keeps them).
    Xls(Xls<Source<'a>>, &'a [u8]),
    Ods(Ods<Source<'a>>),
}

/// One sheet read into a grid, with what was found on the way.
pub(crate) struct SheetRead {
    pub(crate) grid: Grid,
    pub(crate) sheet: Detected<String>,
    pub(crate) sheets: Vec<SheetInfo>,
}

/// Reads the chosen sheet, or the first visible sheet with data.
pub(crate) fn read_workbook(
    bytes: &[u8],
    format: Format,
    options: &ReadOptions,
    problems: &mut Problems,
) -> Result<SheetRead, Error> {
    let mut workbook = guarded(format, || Workbook::open(bytes, format))??;
    let sheets = workbook.sheets();
    let names: Vec<String> = sheets.iter().map(|sheet| sheet.info.name.clone()).collect();
    if let Some(name) = &options.sheet {
        if !names.contains(name) {
            return Err(ErrorKind::NoSuchSheet {
                name: name.clone(),
                available: names,
            }
            .into());
        }
        let grid = workbook.read_sheet(name, format, &options.limits, problems)?;
        return Ok(SheetRead {
            grid,
            sheet: Detected::new(name.clone(), Basis::Chosen),
            sheets: sheets.into_iter().map(|sheet| sheet.info).collect(),
        });
    }
    for sheet in sheets
        .iter()
        .filter(|sheet| sheet.readable && !sheet.info.hidden)
    {
        let mut sheet_problems = Problems::new(options.limits.max_problems);
        let grid = workbook.read_sheet(
            &sheet.info.name,
            format,
            &options.limits,
            &mut sheet_problems,
        )?;
        if grid.len() > 0 {
            *problems = sheet_problems;
            return Ok(SheetRead {
                grid,
                sheet: Detected::new(sheet.info.name.clone(), Basis::FirstVisibleSheetWithData),
                sheets: sheets.into_iter().map(|sheet| sheet.info).collect(),
            });
        }
    }
    Err(ErrorKind::NoSheetWithData.into())
}

struct Sheet {
    info: SheetInfo,
    /// Worksheets hold cells; chart sheets and macro sheets do not.
    readable: bool,
}

/// A cell on its way into the grid: its position and where its text is.
#[derive(Debug, Clone, Copy)]
struct PlacedCell {
    row: u32,
    column: u32,
    start: u32,
    end: u32,
}

/// The cells of a sheet, in any order, with their text in one buffer.
struct SheetCells<'l> {
    cells: Vec<PlacedCell>,
    text: String,
    limits: &'l Limits,
    problems: Vec<(u32, u32, ProblemKind)>,
}

impl<'l> SheetCells<'l> {
    fn new(limits: &'l Limits) -> Self {
        SheetCells {
            cells: Vec::new(),
            text: String::new(),
            limits,
            problems: Vec::new(),
        }
    }

    /// Adds a cell; a number under a digit pattern (`00000`) is written as the pattern shows it.
    fn push(
        &mut self,
        (row, column): (u32, u32),
        value: &DataRef<'_>,
        pattern: Option<&DigitPattern>,
    ) -> Result<(), Error> {
        if matches!(value, DataRef::Empty) {
            return Ok(());
        }
        let line = u64::from(row) + 1;
        if u64::from(column) >= self.limits.max_columns {
            return Err(ErrorKind::TooManyColumns {
                line,
                limit: self.limits.max_columns,
            }
            .into());
        }
        if self.cells.len() as u64 >= self.limits.max_cells {
            return Err(ErrorKind::TooManyCells {
                line,
                limit: self.limits.max_cells,
            }
            .into());
        }
        let start = self.text.len();
        let problem = match (pattern, value) {
            (Some(pattern), DataRef::Float(number)) => pattern.write(*number, &mut self.text),
            (Some(pattern), DataRef::Int(number)) => pattern.write(*number as f64, &mut self.text),
            _ => write_cell(value, &mut self.text),
        };
        if let Some(problem) = problem {
            self.problems.push((row, column, problem));
        }
        if self.text.len() == start {
            return Ok(());
        }
        let offset = |at: usize| {
            u32::try_from(at).map_err(|_| ErrorKind::UncompressedTooLarge {
                size: at as u64,
                limit: u64::from(u32::MAX),
            })
        };
        self.cells.push(PlacedCell {
            row,
            column,
            start: offset(start)?,
            end: offset(self.text.len())?,
        });
        Ok(())
    }

    /// Copies the value of each merged area's first cell into the rest of the area.
    fn fill_merged(&mut self, regions: &[Dimensions]) -> Result<(), Error> {
        for region in regions {
            let Some(first) = self
                .cells
                .iter()
                .find(|cell| (cell.row, cell.column) == region.start)
                .copied()
            else {
                continue;
            };
            if region.len()
                > self
                    .limits
                    .max_cells
                    .saturating_sub(self.cells.len() as u64)
            {
                return Err(ErrorKind::TooManyCells {
                    line: u64::from(region.start.0) + 1,
                    limit: self.limits.max_cells,
                }
                .into());
            }
            for row in region.start.0..=region.end.0 {
                for column in region.start.1..=region.end.1 {
                    if (row, column) != region.start {
                        self.cells.push(PlacedCell {
                            row,
                            column,
                            ..first
                        });
                    }
                }
            }
            self.problems.push((
                region.start.0,
                region.start.1,
                ProblemKind::MergedCells {
                    rows: u64::from(region.end.0 - region.start.0) + 1,
                    columns: u64::from(region.end.1 - region.start.1) + 1,
                },
            ));
        }
        Ok(())
    }

    /// Lays the cells out row by row; lines are the sheet's own row numbers. Columns left of the
    /// first used one are dropped.
    fn into_grid(mut self, problems: &mut Problems) -> Result<Grid, Error> {
        self.cells.sort_by_key(|cell| (cell.row, cell.column));
        self.cells.dedup_by_key(|cell| (cell.row, cell.column));
        let first_column = self.cells.iter().map(|cell| cell.column).min().unwrap_or(0);
        self.problems
            .sort_by_key(|(row, column, _)| (*row, *column));
        for (row, column, problem) in self.problems {
            problems.push(
                u64::from(row) + 1,
                Some(u64::from(column.saturating_sub(first_column)) + 1),
                problem,
            );
        }
        // The cells' text stays where it was gathered: the grid takes it over.
        let mut text = std::mem::take(&mut self.text);
        text.shrink_to_fit();
        let mut out = GridBuilder::new(*self.limits, text.len());
        let mut cells = self.cells.iter().peekable();
        while let Some(&first) = cells.peek() {
            let row = first.row;
            out.start_record(u64::from(row) + 1);
            let mut next_column = first_column;
            while let Some(cell) = cells.next_if(|cell| cell.row == row) {
                for _ in next_column..cell.column {
                    out.push_cell("")?;
                }
                let (start, end) = (cell.start as usize, cell.end as usize);
                out.source_cell(start, &text[start..end])?;
                next_column = cell.column + 1;
            }
            out.end_record();
        }
        Ok(out.finish(text))
    }
}

impl<'a> Workbook<'a> {
    fn open(bytes: &'a [u8], format: Format) -> Result<Self, Error> {
        let source = Cursor::new(bytes);
        let failed = |reason: String| -> Error {
            if reason.contains("password") {
                ErrorKind::Encrypted.into()
            } else {
                corrupt(format.name(), reason)
            }
        };
        Ok(match format {
            Format::Xlsx | Format::Xlsm => Workbook::Xlsx(
                open_workbook_from_rs(source)
                    .map_err(|e: calamine::XlsxError| failed(e.to_string()))?,
            ),
            Format::Xlsb => Workbook::Xlsb(
                open_workbook_from_rs(source)
                    .map_err(|e: calamine::XlsbError| failed(e.to_string()))?,
            ),
            Format::Xls => Workbook::Xls(
                open_workbook_from_rs(source)
                    .map_err(|e: calamine::XlsError| failed(e.to_string()))?,
                bytes,
            ),
            Format::Ods => Workbook::Ods(
                open_workbook_from_rs(source)
                    .map_err(|e: calamine::OdsError| failed(e.to_string()))?,
            ),
            Format::Csv => return Err(corrupt("csv", "not a workbook")),
        })
    }

    fn sheets(&self) -> Vec<Sheet> {
        let metadata = match self {
            Workbook::Xlsx(book) => book.sheets_metadata(),
            Workbook::Xlsb(book) => book.sheets_metadata(),
            Workbook::Xls(book, _) => book.sheets_metadata(),
            Workbook::Ods(book) => book.sheets_metadata(),
        };
        metadata
            .iter()
            .map(|sheet| Sheet {
                info: SheetInfo {
                    name: sheet.name.clone(),
                    hidden: sheet.visible != SheetVisible::Visible,
                },
                readable: sheet.typ == SheetType::WorkSheet,
            })
            .collect()
    }

    fn read_sheet(
        &mut self,
        name: &str,
        format: Format,
        limits: &Limits,
        problems: &mut Problems,
    ) -> Result<Grid, Error> {
        let failed = |reason: String| corrupt(format.name(), reason);
        let mut cells = SheetCells::new(limits);
        match self {
            Workbook::Xlsx(book) => {
                let merged = guarded(format, || book.merge_cells_by_sheet_name(name))?
                    .map_err(|e| failed(e.to_string()))?;
                let mut reader = guarded(format, || book.worksheet_cells_reader(name))?
                    .map_err(|e| failed(e.to_string()))?;
                let patterns = digit_patterns(reader.styles());
                while let Some((cell, style)) =
                    guarded(format, || reader.next_cell_with_style_id())?
                        .map_err(|e| failed(e.to_string()))?
                {
                    let pattern = patterns.get(style).and_then(Option::as_ref);
                    cells.push(cell.get_position(), cell.get_value(), pattern)?;
                }
                drop(reader);
                cells.fill_merged(&merged)?;
            }
            Workbook::Xlsb(book) => {
                let mut reader = guarded(format, || book.worksheet_cells_reader(name))?
                    .map_err(|e| failed(e.to_string()))?;
                while let Some(cell) =
                    guarded(format, || reader.next_cell())?.map_err(|e| failed(e.to_string()))?
                {
                    cells.push(cell.get_position(), cell.get_value(), None)?;
                }
            }
            Workbook::Xls(book, bytes) => {
                let patterns = guarded(format, || CellPatterns::of_xls_sheet(bytes, name))?;
                let merged =
                    guarded(format, || book.merge_cells_by_sheet_name(name))?.unwrap_or_default();
                let range = guarded(format, || book.worksheet_range(name))?
                    .map_err(|e| failed(e.to_string()))?;
                push_range(&mut cells, &range, &patterns)?;
                cells.fill_merged(&merged)?;
            }
            Workbook::Ods(book) => {
                let range = guarded(format, || book.worksheet_range(name))?
                    .map_err(|e| failed(e.to_string()))?;
                push_range(&mut cells, &range, &CellPatterns::default())?;
            }
        }
        cells.into_grid(problems)
    }
}

/// Runs one call into calamine, turning a panic in it into a [`ErrorKind::CorruptWorkbook`].
///
/// calamine panics on some damaged files instead of returning an error (fuzzing found XLS
/// records shorter than they declare, such as EXTERNSHEET). Where panics unwind (the server, the
/// command line) this keeps one bad upload from taking the process down; in WebAssembly panics
/// abort, so there it guards nothing, and the browser must treat a dead worker as a damaged file.
fn guarded<T>(format: Format, call: impl FnOnce() -> T) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).map_err(|_| {
        corrupt(
            format.name(),
            "the spreadsheet reader could not make sense of its contents",
        )
    })
}

/// The digit pattern of each of the workbook's cell styles, by style number (`None` for the
/// styles whose numbers read as usual).
fn digit_patterns(styles: &[Style]) -> Vec<Option<DigitPattern>> {
    styles
        .iter()
        .map(|style| {
            let format = style.number_format.as_ref()?;
            DigitPattern::parse(&format.format_code)
        })
        .collect()
}

fn push_range(
    cells: &mut SheetCells<'_>,
    range: &calamine::Range<Data>,
    patterns: &CellPatterns,
) -> Result<(), Error> {
    let (top, left) = range.start().unwrap_or((0, 0));
    for (row, column, value) in range.used_cells() {
        let position = (top + row as u32, left + column as u32);
        cells.push(position, &borrowed(value), patterns.at(position))?;
    }
    Ok(())
}

/// The same cell, borrowed.
fn borrowed(value: &Data) -> DataRef<'_> {
    match value {
        Data::Int(number) => DataRef::Int(*number),
        Data::Float(number) => DataRef::Float(*number),
        Data::String(text) => DataRef::SharedString(text),
        Data::Bool(value) => DataRef::Bool(*value),
        Data::DateTime(date) => DataRef::DateTime(*date),
        Data::DateTimeIso(text) => DataRef::DateTimeIso(text.clone()),
        Data::DurationIso(text) => DataRef::DurationIso(text.clone()),
        Data::Error(error) => DataRef::Error(error.clone()),
        Data::Empty => DataRef::Empty,
    }
}

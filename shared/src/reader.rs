//! Reading a file, CSV or workbook, into a [`Table`].

use crate::csv_parser::parse_records;
use crate::decode::{decode, decode_owned};
use crate::delimiter::{detect_delimiter, sep_line};
use crate::detection::{Basis, Detected, Detection, Format};
use crate::error::{Error, ErrorKind};
use crate::format::workbook_format;
use crate::grid::{Grid, GridBuilder};
use crate::header::{column_names, find_header};
use crate::options::ReadOptions;
use crate::problem::{ProblemKind, Problems};
use crate::table::Table;
use crate::workbook::read_workbook;

/// Reads the bytes of a CSV file or a workbook, detecting everything; see [`read_table_with`].
pub fn read_table(bytes: &[u8]) -> Result<Table, Error> {
    read_table_with(bytes, &ReadOptions::default())
}

/// Reads the bytes of a CSV file or a workbook (XLSX, XLSM, XLSB, XLS, ODS).
///
/// The format comes from the content, not the name. For CSV, the encoding and the separator are
/// detected; for a workbook, the first visible sheet with data is read. The header is the first
/// row that fills about as many cells as the rows below it (title rows above are skipped).
/// Anything detected can be overridden through `options`.
///
/// Line numbers are the file's own, as a user sees them in a text editor or on the sheet's row
/// headings (header included).
///
/// The table keeps a copy of the text of a CSV file; a caller that owns the bytes saves that
/// copy with [`read_table_owned_with`].
pub fn read_table_with(bytes: &[u8], options: &ReadOptions) -> Result<Table, Error> {
    check_size(bytes, options)?;
    if let Some(format) = workbook_format(bytes, &options.limits)? {
        return read_workbook_table(bytes, format, options);
    }
    let (text, encoding) = decode(
        bytes,
        options.encoding.as_deref(),
        chosen_separator(options),
    )?;
    read_csv(text.into_owned(), 0, encoding, options)
}

/// Reads a file whose bytes the caller hands over, detecting everything; see
/// [`read_table_owned_with`].
pub fn read_table_owned(bytes: Vec<u8>) -> Result<Table, Error> {
    read_table_owned_with(bytes, &ReadOptions::default())
}

/// Reads a file like [`read_table_with`], taking its bytes: a UTF-8 CSV file's own buffer
/// becomes the table's text (cells point into it), so the file is never held twice. The table
/// is the same either way.
pub fn read_table_owned_with(bytes: Vec<u8>, options: &ReadOptions) -> Result<Table, Error> {
    check_size(&bytes, options)?;
    if let Some(format) = workbook_format(&bytes, &options.limits)? {
        return read_workbook_table(&bytes, format, options);
    }
    let (text, start, encoding) = decode_owned(
        bytes,
        options.encoding.as_deref(),
        chosen_separator(options),
    )?;
    read_csv(text, start, encoding, options)
}

fn check_size(bytes: &[u8], options: &ReadOptions) -> Result<(), Error> {
    let limit = options.limits.max_file_bytes;
    if bytes.len() as u64 > limit {
        return Err(ErrorKind::FileTooLarge {
            size: bytes.len() as u64,
            limit,
        }
        .into());
    }
    if bytes.is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    Ok(())
}

/// The separator the caller chose, as a byte, so that decoding does not take it for binary data.
fn chosen_separator(options: &ReadOptions) -> Option<u8> {
    options
        .delimiter
        .and_then(|delimiter| u8::try_from(delimiter).ok())
}

/// Reads the CSV text `text` from byte `start` on (after a byte order mark).
fn read_csv(
    text: String,
    start: usize,
    encoding: Detected<String>,
    options: &ReadOptions,
) -> Result<Table, Error> {
    let (body, first_line, sep) = match sep_line(&text[start..]) {
        Some((separator, len)) => (start + len, 2, Some(separator)),
        None => (start, 1, None),
    };
    let delimiter = match (options.delimiter, sep) {
        (Some(chosen), _) => Detected::new(chosen, Basis::Chosen),
        (None, Some(separator)) => Detected::new(separator, Basis::SepLine),
        (None, None) => detect_delimiter(&text[body..]),
    };
    let separator = u8::try_from(delimiter.value)
        .ok()
        .filter(|byte| byte.is_ascii() && !matches!(byte, b'"' | b'\r' | b'\n'))
        .ok_or_else(|| {
            Error::invalid_option(format!(
                "the separator {:?} must be one ASCII character other than a quote or line break",
                delimiter.value
            ))
        })?;
    let mut out = GridBuilder::new(options.limits, text.len());
    parse_records(&text, body, separator, first_line, &mut out)?;
    let grid = out.finish(text);
    let problems = Problems::new(options.limits.max_problems);
    assemble(grid, options, problems, true, |header_line| Detection {
        format: Detected::new(Format::Csv, Basis::NoWorkbookSignature),
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        header_line,
        sheet: None,
        sheets: Vec::new(),
    })
}

fn read_workbook_table(
    bytes: &[u8],
    format: Format,
    options: &ReadOptions,
) -> Result<Table, Error> {
    let mut problems = Problems::new(options.limits.max_problems);
    let read = read_workbook(bytes, format, options, &mut problems)?;
    assemble(read.grid, options, problems, false, |header_line| {
        Detection {
            format: Detected::new(format, Basis::FileSignature),
            encoding: None,
            delimiter: None,
            header_line,
            sheet: Some(read.sheet),
            sheets: read.sheets,
        }
    })
}

/// Finds the header, names the columns and reports ragged rows and damaged numbers.
///
/// `text_rows` is true for CSV, where a row with fewer separators than the header is short; a
/// sheet's rows simply end at their last filled cell.
fn assemble(
    grid: Grid,
    options: &ReadOptions,
    mut problems: Problems,
    text_rows: bool,
    detection: impl FnOnce(Detected<u64>) -> Detection,
) -> Result<Table, Error> {
    let (header_record, header_line) = find_header(&grid, options.header_line)?;
    let rows = header_record + 1..grid.len();
    if rows.is_empty() {
        return Err(ErrorKind::NoDataRows {
            header_line: header_line.value,
        }
        .into());
    }
    let header_cells = grid.width(header_record);
    let header_filled = grid.filled_width(header_record);
    let mut width = header_filled;
    // A CSV file's damaged numbers were found while reading, a workbook's by its reader.
    let mut damaged_numbers = grid
        .damaged_numbers()
        .filter(|_| text_rows)
        .skip_while(|&(record, _)| record <= header_record)
        .peekable();
    for record in rows.clone() {
        let line = grid.line(record);
        while let Some((_, column)) =
            damaged_numbers.next_if(|&(damaged_record, _)| damaged_record == record)
        {
            problems.push_with(line, Some(column as u64 + 1), || {
                ProblemKind::DamagedNumber {
                    text: grid.cell(record, column).to_owned(),
                }
            });
        }
        let found = grid.width(record);
        let filled = grid.filled_width(record);
        width = width.max(filled);
        if text_rows && found < header_filled {
            problems.push(
                line,
                None,
                ProblemKind::ShortRow {
                    found: found as u64,
                    expected: header_cells as u64,
                },
            );
        } else if filled > header_cells.max(header_filled) {
            problems.push(
                line,
                None,
                ProblemKind::LongRow {
                    found: filled as u64,
                    expected: header_filled as u64,
                },
            );
        }
    }
    drop(damaged_numbers);
    let columns = column_names(
        grid.cells(header_record),
        width,
        header_line.value,
        &mut problems,
    );
    let last_line = grid.line(grid.len() - 1);
    let mut problems = problems.finish(last_line);
    problems.sort_by_key(|problem| (problem.line, problem.column));
    Ok(Table {
        grid,
        header_record,
        columns,
        detection: detection(header_line),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` both ways a caller can hand it over; they must agree.
    fn read(text: &str) -> Table {
        let table = read_table(text.as_bytes()).unwrap();
        assert_eq!(read_table_owned(text.as_bytes().to_vec()).unwrap(), table);
        table
    }

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table.rows().map(|row| row.cells().collect()).collect()
    }

    fn lines(table: &Table) -> Vec<u64> {
        table.rows().map(|row| row.line()).collect()
    }

    #[test]
    fn header_and_rows_with_their_lines() {
        let table = read("Name,Email\nAna,ana@example.com\n\nLuis,luis@example.com\n");
        assert_eq!(table.columns(), ["Name", "Email"]);
        assert_eq!(table.header_line(), 1);
        assert_eq!(lines(&table), [2, 4]);
        assert_eq!(table.row_count(), 2);
        assert!(table.problems().is_empty());
    }

    #[test]
    fn quoted_newlines_keep_the_starting_line() {
        let table = read("Name,Notes\nAna,\"first\nsecond\"\nLuis,x\n");
        assert_eq!(table.row(0).unwrap().cell(1), "first\nsecond");
        assert_eq!(table.row(1).unwrap().line(), 4);
    }

    #[test]
    fn blank_lines_before_the_header_are_skipped() {
        let table = read("\n\nName;Phone\nAna;0991234567\n");
        assert_eq!(table.header_line(), 3);
        assert_eq!(table.detection().delimiter.as_ref().unwrap().value, ';');
    }

    #[test]
    fn excel_sep_line_is_honoured_and_counted() {
        let table = read("sep=;\r\nName;Notes\r\nAna;a,b\r\n");
        assert_eq!(table.columns(), ["Name", "Notes"]);
        assert_eq!(table.header_line(), 2);
        assert_eq!(lines(&table), [3]);
        assert_eq!(
            table.detection().delimiter.as_ref().unwrap().basis,
            Basis::SepLine
        );
    }

    #[test]
    fn header_under_a_title_and_a_blank_line() {
        let table =
            read("Customers March 2024\n\nName;Email;City\nAna;a@x.com;Quito\nLuis;l@x.com;Lima\n");
        assert_eq!(table.header_line(), 3);
        assert_eq!(table.columns(), ["Name", "Email", "City"]);
        assert_eq!(lines(&table), [4, 5]);
    }

    #[test]
    fn chosen_header_line_and_delimiter_win() {
        let options = ReadOptions {
            header_line: Some(2),
            delimiter: Some(';'),
            ..ReadOptions::default()
        };
        let table = read_table_with(b"x,y\na;b\nc;d\n", &options).unwrap();
        assert_eq!(table.columns(), ["a", "b"]);
        assert_eq!(table.detection().header_line.basis, Basis::Chosen);
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = read_table(b"").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Empty);
        let err = read_table(b"\r\n \n,,\n").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Empty);
    }

    #[test]
    fn header_only_is_an_error_naming_the_line() {
        let err = read_table(b"Name,Email\n").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NoDataRows { header_line: 1 });
        assert!(err.to_string().contains("line 1"));
    }

    #[test]
    fn binary_file_is_an_error() {
        let err = read_table(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Binary { .. }));
    }

    #[test]
    fn ragged_rows_are_kept_and_reported() {
        let table = read("a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n");
        assert_eq!(cells(&table)[0], ["1", "2"]);
        assert_eq!(cells(&table)[1], ["1", "2", "3", "4"]);
        let kinds: Vec<_> = table.problems().iter().map(|p| (p.line, &p.kind)).collect();
        assert_eq!(
            kinds,
            [
                (
                    1,
                    &ProblemKind::BlankHeader {
                        renamed_to: "Column 4".into()
                    }
                ),
                (
                    2,
                    &ProblemKind::ShortRow {
                        found: 2,
                        expected: 3
                    }
                ),
                (
                    3,
                    &ProblemKind::LongRow {
                        found: 4,
                        expected: 3
                    }
                ),
            ]
        );
        assert_eq!(table.columns().len(), 4);
    }

    #[test]
    fn trailing_empty_columns_are_ignored() {
        let table = read("Name,Email,,\nAna,a@x.com,,\n,,,\n");
        assert_eq!(table.columns(), ["Name", "Email"]);
        assert_eq!(table.row_count(), 1);
        assert!(table.problems().is_empty());
    }

    #[test]
    fn duplicate_headers_are_renamed_and_reported() {
        let table = read("Email,Email,\nx,y,z\n");
        assert_eq!(table.columns(), ["Email", "Email (2)", "Column 3"]);
        assert_eq!(table.problems().len(), 2);
    }

    #[test]
    fn scientific_notation_is_kept_and_marked() {
        let table = read("Name,Phone\nAna,5.93991E+11\n");
        assert_eq!(table.row(0).unwrap().cell(1), "5.93991E+11");
        assert_eq!(table.problems()[0].column, Some(2));
    }

    #[test]
    fn damaged_numbers_are_marked_in_data_rows_only() {
        let table = read("1.5E+3\n\nName,Phone,Zip\nAna,5.93991E+11,\n,,\nLuis,\"1.2E+5\",1E+4\n");
        assert_eq!(table.header_line(), 3);
        let places: Vec<_> = table
            .problems()
            .iter()
            .map(|p| (p.line, p.column))
            .collect();
        assert_eq!(places, [(4, Some(2)), (6, Some(2)), (6, Some(3))]);
    }

    #[test]
    fn no_mojibake_in_latin_text() {
        let table = read_table(b"Nome;Cidade\nJo\xe3o;S\xe3o Paulo\nMu\xf1oz;Bogot\xe1\n").unwrap();
        assert_eq!(cells(&table), [["João", "São Paulo"], ["Muñoz", "Bogotá"]]);
        let table = read_table(b"Imie;Miasto\n\xa3ucja;Wroc\xb3aw\n").unwrap();
        assert_eq!(cells(&table), [["Łucja", "Wrocław"]]);
    }

    #[test]
    fn file_past_the_size_limit_is_refused() {
        let mut options = ReadOptions::default();
        options.limits.max_file_bytes = 4;
        let err = read_table_with(b"a,b\n1,2\n", &options).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::FileTooLarge { size: 8, limit: 4 });
    }

    #[test]
    fn a_huge_cell_is_an_error_with_its_place() {
        let mut options = ReadOptions::default();
        options.limits.max_cell_bytes = 10;
        let text = format!("a,b\n1,{}\n", "x".repeat(11));
        let err = read_table_with(text.as_bytes(), &options).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::CellTooLarge {
                line: 2,
                column: 2,
                limit: 10
            }
        );
    }

    #[test]
    fn owned_bytes_read_to_the_same_table() {
        let files: [&[u8]; 6] = [
            b"Name,Notes\r\nAna,\"say \"\"hi\"\"\"\r\n\"Luis\" ,x\r\n",
            "\u{feff}Nombre;Ciudad\nJosé;Bogotá\n".as_bytes(),
            b"sep=|\nName|City\nAna|Quito",
            b"Nome;Cidade\nJo\xe3o;S\xe3o Paulo\n",
            b"\xFF\xFEN\0,\0x\0\n\0a\0,\0b\0",
            b"Name,Notes\nAna,\"a\"b\n\n,,\nLuis,\"x\ny\"\n",
        ];
        for file in files {
            assert_eq!(read_table_owned(file.to_vec()), read_table(file));
        }
        let err = read_table_owned(Vec::new()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Empty);
    }

    #[test]
    fn owned_utf8_text_is_the_file_buffer() {
        let file = "Name,City\nJosé,\"Bogotá\"\n".as_bytes().to_vec();
        let start = file.as_ptr() as usize;
        let end = start + file.len();
        let table = read_table_owned(file).unwrap();
        let cell = table.row(0).unwrap().cell(1);
        assert_eq!(cell, "Bogotá");
        assert!((start..end).contains(&(cell.as_ptr() as usize)));
    }

    #[test]
    fn a_hundred_thousand_columns_is_an_error() {
        let text = format!("{}\n", ",".repeat(100_000));
        let err = read_table(text.as_bytes()).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::TooManyColumns { line: 1, .. }
        ));
    }
}

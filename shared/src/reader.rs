//! Reading a CSV file into a [`Table`].

use crate::csv_parser::{Record, parse_records};
use crate::decode::decode;
use crate::delimiter::detect_delimiter;
use crate::error::{Error, ErrorKind};
use crate::table::{Row, Table};

/// Reads the bytes of a CSV file: detects the encoding and the separator, takes the first
/// non-blank line as the header, and returns every non-blank line under it as a row.
///
/// Line numbers are the file's own, as a user sees them in a text editor (header included).
pub fn read_table(bytes: &[u8]) -> Result<Table, Error> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    let delimiter = detect_delimiter(text.trim_start_matches(['\r', '\n']));

    let mut header: Option<(u64, Vec<String>)> = None;
    let mut rows = Vec::new();
    for Record { line, fields } in parse_records(&text, delimiter)? {
        if fields.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if header.is_none() {
            header = Some((line, fields));
        } else {
            rows.push(Row {
                line,
                values: fields,
            });
        }
    }

    let (header_line, columns) = header.ok_or(ErrorKind::Empty)?;
    if rows.is_empty() {
        return Err(ErrorKind::NoDataRows { header_line }.into());
    }
    Ok(Table {
        columns,
        rows,
        header_line,
        delimiter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Table {
        read_table(text.as_bytes()).unwrap()
    }

    #[test]
    fn header_and_rows_with_their_lines() {
        let table = read("Name,Email\nAna,ana@example.com\n\nLuis,luis@example.com\n");
        assert_eq!(table.columns, ["Name", "Email"]);
        assert_eq!(table.header_line, 1);
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn quoted_newlines_keep_the_starting_line() {
        let table = read("Name,Notes\nAna,\"first\nsecond\"\nLuis,x\n");
        assert_eq!(table.rows[0].values[1], "first\nsecond");
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn blank_lines_before_the_header_are_skipped() {
        let table = read("\n\nName;Phone\nAna;0991234567\n");
        assert_eq!(table.header_line, 3);
        assert_eq!(table.delimiter, ';');
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = read_table(b"").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Empty);
        let err = read_table(b"\r\n \n").unwrap_err();
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
        let err = read_table(b"PK\x03\x04\x14\0\x06\0").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Binary { .. }));
    }

    #[test]
    fn ragged_rows_are_kept() {
        let table = read("a,b,c\n1,2\n1,2,3,4\n");
        assert_eq!(table.rows[0].values.len(), 2);
        assert_eq!(table.rows[1].values.len(), 4);
    }
}

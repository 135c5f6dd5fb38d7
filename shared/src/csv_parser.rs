//! A small CSV parser that keeps each record's line as the user sees it in an editor.
//!
//! It follows RFC 4180 (quotes, doubled quotes, separators and line breaks inside quotes) and is
//! lenient where spreadsheet programs are: CR-only line ends, and a stray quote inside an unquoted
//! field is kept as text.

use crate::error::{Error, ErrorKind};

/// One record of a CSV file, with the line it starts on (1-based).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) line: u64,
    pub(crate) fields: Vec<String>,
}

/// Splits `text` into records separated by `delimiter`.
pub(crate) fn parse_records(text: &str, delimiter: char) -> Result<Vec<Record>, Error> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line: u64 = 1;
    let mut record_line = line;
    let mut quote_line = None;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if quote_line.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quote_line = None,
                _ => {
                    line += u64::from(is_line_break(c, chars.peek()));
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quote_line = Some(line),
            c if c == delimiter => fields.push(std::mem::take(&mut field)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if let Some(opened) = quote_line {
        return Err(ErrorKind::Malformed {
            line: opened,
            reason: "a quoted field is never closed".into(),
        }
        .into());
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

/// True when `c` ends a line: `\n`, or a `\r` not followed by `\n` (which will count instead).
fn is_line_break(c: char, next: Option<&char>) -> bool {
    c == '\n' || (c == '\r' && next != Some(&'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse_records(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    fn lines(text: &str) -> Vec<u64> {
        parse_records(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| r.line)
            .collect()
    }

    #[test]
    fn quotes_and_doubled_quotes() {
        assert_eq!(
            fields("\"a,b\",\"say \"\"hi\"\"\"\n"),
            [["a,b", "say \"hi\""]]
        );
    }

    #[test]
    fn crlf_lf_and_cr_only_line_ends() {
        assert_eq!(lines("a\r\nb\nc\rd"), [1, 2, 3, 4]);
    }

    #[test]
    fn line_breaks_inside_quotes_move_the_next_line() {
        assert_eq!(lines("a,\"x\r\ny\"\nb\n"), [1, 3]);
    }

    #[test]
    fn blank_lines_are_records_with_one_empty_field() {
        assert_eq!(fields("a\n\nb"), [vec!["a"], vec![""], vec!["b"]]);
        assert_eq!(lines("a\n\nb"), [1, 2, 3]);
    }

    #[test]
    fn stray_quote_inside_a_field_is_text() {
        assert_eq!(fields("5\" screen,x"), [["5\" screen", "x"]]);
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        let err = parse_records("a\nb,\"never\nclosed", ',').unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::Malformed {
                line: 2,
                reason: "a quoted field is never closed".into()
            }
        );
    }

    #[test]
    fn trailing_separator_gives_an_empty_last_field() {
        assert_eq!(fields("a,\n"), [["a", ""]]);
    }
}

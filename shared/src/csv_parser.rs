//! A small CSV parser that keeps each record's line as the user sees it in an editor.
//!
//! It follows RFC 4180 (quotes, doubled quotes, separators and line breaks inside quotes) and is
//! lenient where spreadsheet programs are: CR-only line ends, a stray quote inside an unquoted
//! field is kept as text, and text after a closing quote is appended to the field (unless it is
//! only spaces, as in `"Ana" ,`, which are dropped).
//!
//! It works on bytes: the separator, quotes and line breaks are ASCII, so they never occur inside
//! a multi-byte UTF-8 character, and every slice cut at them is valid text.

use crate::error::Error;
use crate::field_ends::FieldEnds;
use crate::grid::GridBuilder;

/// Splits `text`, from byte `start` on, into records separated by `delimiter` and appends them
/// to `out`; byte `start` is on line `first_line` of the file.
///
/// Cells are recorded as spans of `text` wherever their text is one slice of it (unquoted
/// fields, and quoted ones without doubled quotes): `out` must be finished with `text`.
pub(crate) fn parse_records(
    text: &str,
    start: usize,
    delimiter: u8,
    first_line: u64,
    out: &mut GridBuilder,
) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let end = bytes.len();
    let mut at = start;
    let mut line = first_line;
    let mut field_ends = FieldEnds::new(bytes, delimiter);
    reserve_from_sample(&bytes[start..], delimiter, out);

    while at < end {
        out.start_record(line);
        // One record: fields until a line break outside quotes, or the end.
        loop {
            if at < end && bytes[at] == b'"' {
                at = quoted_field(text, at, &mut field_ends, &mut line, out)?;
            } else {
                let field_end = field_ends.field_end(at);
                out.source_cell(at, &text[at..field_end])?;
                at = field_end;
            }
            if at < end && bytes[at] == delimiter {
                // A separator at the very end still opens one last, empty field.
                at += 1;
                continue;
            }
            break;
        }
        // A line break (or the end).
        if at < end {
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at += 1;
            }
            at += 1;
            line += 1;
        }
        out.end_record();
    }
    Ok(())
}

/// Reads the quoted field whose opening quote is at `at`; gives where it ends (at a separator,
/// a line break or the end), and moves `line` past the line breaks inside the quotes.
fn quoted_field(
    text: &str,
    at: usize,
    field_ends: &mut FieldEnds<'_>,
    line: &mut u64,
    out: &mut GridBuilder,
) -> Result<usize, Error> {
    let bytes = text.as_bytes();
    let opened = *line;
    let unclosed = || Error::malformed(opened, "a quoted field is never closed");
    let mut part = at + 1;
    let mut close = closing_quote(bytes, part, line).ok_or_else(unclosed)?;
    // A doubled quote stands for one: the cell is no longer one slice of the file, so its text
    // so far, ending with one of the two quotes, is written out.
    let mut written = false;
    while bytes.get(close + 1) == Some(&b'"') {
        out.push_str(&text[part..=close]);
        written = true;
        part = close + 2;
        close = closing_quote(bytes, part, line).ok_or_else(unclosed)?;
    }
    // Text after the closing quote belongs to the field, unless it is only spaces.
    let after_end = field_ends.field_end(close + 1);
    let after = &text[close + 1..after_end];
    let only_spaces = after.bytes().all(|byte| byte == b' ' || byte == b'\t');
    if written || !only_spaces {
        out.push_str(&text[part..close]);
        if !only_spaces {
            out.push_str(after);
        }
        out.end_cell()?;
    } else {
        out.source_cell(part, &text[part..close])?;
    }
    Ok(after_end)
}

/// Where the next quote is, from `from` on, adding the line breaks before it to `line`.
fn closing_quote(bytes: &[u8], from: usize, line: &mut u64) -> Option<usize> {
    let close = from + memchr::memchr(b'"', &bytes[from..])?;
    *line += line_breaks(&bytes[from..close]);
    Some(close)
}

/// How many line breaks `bytes` holds, CRLF counting as one.
fn line_breaks(bytes: &[u8]) -> u64 {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&at| !(bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n')))
        .count() as u64
}

/// How many bytes of the start of a file are counted to size the grid's index.
const SAMPLE_LEN: usize = 64 * 1024;

/// Sizes the grid's index for the whole file from the separators and line breaks in its first
/// bytes, so that a large file's index is allocated once rather than doubled again and again.
fn reserve_from_sample(bytes: &[u8], delimiter: u8, out: &mut GridBuilder) {
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN)];
    if sample.is_empty() {
        return;
    }
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    let separators = sample.iter().filter(|&&b| b == delimiter).count();
    let scale = bytes.len() as f64 / sample.len() as f64;
    // A little over the estimate, so that a file slightly denser further down still fits.
    let estimate = |count: usize| (count as f64 * scale * 1.05) as usize + 16;
    out.reserve(estimate(lines), estimate(lines + separators));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::grid::Grid;
    use crate::options::Limits;

    fn parse(text: &str) -> Result<Grid, Error> {
        let mut out = GridBuilder::new(Limits::default(), text.len());
        parse_records(text, 0, b',', 1, &mut out)?;
        Ok(out.finish(text.to_owned()))
    }

    fn fields(text: &str) -> Vec<Vec<String>> {
        let grid = parse(text).unwrap();
        (0..grid.len())
            .map(|r| grid.cells(r).map(str::to_owned).collect())
            .collect()
    }

    fn lines(text: &str) -> Vec<u64> {
        let grid = parse(text).unwrap();
        (0..grid.len()).map(|r| grid.line(r)).collect()
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
        assert_eq!(lines("a,\"x\ry\"\rb\n"), [1, 3]);
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        assert_eq!(fields("a\n\nb"), [["a"], ["b"]]);
        assert_eq!(lines("a\n\n,,\nb"), [1, 4]);
    }

    #[test]
    fn stray_quote_inside_a_field_is_text() {
        assert_eq!(fields("5\" screen,x"), [["5\" screen", "x"]]);
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        assert_eq!(fields("\"a\"b,c"), [["ab", "c"]]);
    }

    #[test]
    fn spaces_after_a_closing_quote_are_dropped() {
        assert_eq!(fields("\"a\" ,\"b\"\t\nc,d"), [["a", "b"], ["c", "d"]]);
        assert_eq!(fields("\"a\" x,b"), [["a x", "b"]]);
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        let err = parse("a\nb,\"never\nclosed").unwrap_err();
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
        assert_eq!(fields("a,"), [["a", ""]]);
    }

    #[test]
    fn multibyte_text_is_cut_only_at_ascii() {
        assert_eq!(fields("Łucja,Muñoz\n"), [["Łucja", "Muñoz"]]);
    }
}

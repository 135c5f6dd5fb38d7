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
use crate::grid::GridBuilder;

/// Splits `text` into records separated by `delimiter` and appends them to `out`; `text` starts on
/// line `first_line` of the file.
pub(crate) fn parse_records(
    text: &str,
    delimiter: u8,
    first_line: u64,
    out: &mut GridBuilder,
) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let end = bytes.len();
    let mut at = 0;
    let mut line = first_line;
    reserve_from_sample(bytes, delimiter, out);

    while at < end {
        out.start_record(line);
        // One record: fields until a line break outside quotes, or the end.
        loop {
            let quoted = at < end && bytes[at] == b'"';
            if quoted {
                let opened = line;
                at += 1;
                // Quoted part: up to the closing quote, doubled quotes standing for one.
                loop {
                    let start = at;
                    while at < end && bytes[at] != b'"' {
                        match bytes[at] {
                            b'\n' => line += 1,
                            b'\r' if bytes.get(at + 1) != Some(&b'\n') => line += 1,
                            _ => {}
                        }
                        at += 1;
                    }
                    out.push_str(&text[start..at]);
                    if at >= end {
                        return Err(Error::malformed(opened, "a quoted field is never closed"));
                    }
                    at += 1;
                    if bytes.get(at) == Some(&b'"') {
                        out.push_str("\"");
                        at += 1;
                    } else {
                        break;
                    }
                }
            }
            // Unquoted part (or text after a closing quote): up to a separator or line break.
            // memchr3 looks at many bytes per step (SIMD natively, eight at a time on wasm32)
            // where a byte loop would take one, and this is where most of a file is scanned.
            let start = at;
            at = memchr::memchr3(delimiter, b'\n', b'\r', &bytes[at..])
                .map_or(end, |found| at + found);
            let after_quote = &text[start..at];
            if !(quoted
                && after_quote
                    .bytes()
                    .all(|byte| byte == b' ' || byte == b'\t'))
            {
                out.push_str(after_quote);
            }
            out.end_cell()?;
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
        parse_records(text, b',', 1, &mut out)?;
        Ok(out.finish())
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

//! The CSV of the rows that will not be sent: the file's own columns, then the line and the
//! reasons, so the user can fix them in a spreadsheet and drop the file again.

use clientela_shared::Language;

use crate::text::{Text, text};

/// The separator for the file of rows not sent: the one the user's file had, so their
/// spreadsheet opens it as it opened theirs; for a workbook, the one Excel expects in the
/// user's language (`;` where the decimal mark is a comma).
pub fn separator_for(file_delimiter: Option<char>, language: Language) -> char {
    match (file_delimiter, language) {
        (Some(delimiter @ (',' | ';' | '\t' | '|')), _) => delimiter,
        (_, Language::En) => ',',
        (_, Language::Es | Language::Pt | Language::Pl) => ';',
    }
}

/// Writes `rows` of `(line, cells, reason)` under `headers`, and the line's and the reason's
/// headers in `language`, `separator` between cells.
pub fn problems_csv(
    headers: &[String],
    (language, separator): (Language, char),
    rows: impl Iterator<Item = (u64, Vec<String>, String)>,
) -> String {
    let mut out = String::new();
    let mut header: Vec<&str> = headers.iter().map(String::as_str).collect();
    header.extend([
        text(Text::LineHeader, language),
        text(Text::ProblemHeader, language),
    ]);
    write_record(&mut out, separator, header);
    for (line, cells, reason) in rows {
        let line = line.to_string();
        let mut record: Vec<&str> = cells.iter().map(String::as_str).collect();
        record.resize(headers.len().max(record.len()), "");
        record.extend([line.as_str(), reason.as_str()]);
        write_record(&mut out, separator, record);
    }
    out
}

fn write_record<'a>(out: &mut String, separator: char, cells: impl IntoIterator<Item = &'a str>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(separator);
        }
        write_cell(out, separator, cell);
    }
    out.push_str("\r\n");
}

/// Quotes a cell when it needs it. A cell a spreadsheet would run as a formula (`=`, `@`) gets
/// a leading apostrophe, so opening the file cannot execute anything.
fn write_cell(out: &mut String, separator: char, cell: &str) {
    let neutralised;
    let cell = if cell.starts_with(['=', '@']) {
        neutralised = format!("'{cell}");
        neutralised.as_str()
    } else {
        cell
    };
    if cell.contains([separator, '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_files_or_the_one_excel_expects_in_the_language() {
        assert_eq!(separator_for(Some(';'), Language::En), ';');
        assert_eq!(separator_for(Some('\t'), Language::Es), '\t');
        assert_eq!(separator_for(None, Language::En), ',');
        assert_eq!(separator_for(None, Language::Pt), ';');
        assert_eq!(separator_for(None, Language::Pl), ';');
    }

    #[test]
    fn a_cell_with_the_separator_is_quoted() {
        let rows = [(
            2,
            vec!["A;B".to_owned(), "x,y".to_owned()],
            "why".to_owned(),
        )];
        let headers = ["One".to_owned(), "Two".to_owned()];
        let csv = problems_csv(&headers, (Language::Es, ';'), rows.into_iter());
        assert_eq!(csv.lines().nth(1), Some("\"A;B\";x,y;2;why"));
    }
}

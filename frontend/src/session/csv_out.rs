//! The CSV of the rows that will not be sent: the file's own columns, then the line and the
//! reasons, so the user can fix them in a spreadsheet and drop the file again.

use clientela_shared::Language;

use crate::text::{Text, text};

/// Writes `rows` of `(line, cells, reason)` under `headers`, and the line's and the reason's
/// headers in `language`.
pub fn problems_csv(
    headers: &[String],
    language: Language,
    rows: impl Iterator<Item = (u64, Vec<String>, String)>,
) -> String {
    let mut out = String::new();
    let mut header: Vec<&str> = headers.iter().map(String::as_str).collect();
    header.extend([
        text(Text::LineHeader, language),
        text(Text::ProblemHeader, language),
    ]);
    write_record(&mut out, header);
    for (line, cells, reason) in rows {
        let line = line.to_string();
        let mut record: Vec<&str> = cells.iter().map(String::as_str).collect();
        record.resize(headers.len().max(record.len()), "");
        record.extend([line.as_str(), reason.as_str()]);
        write_record(&mut out, record);
    }
    out
}

fn write_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_cell(out, cell);
    }
    out.push_str("\r\n");
}

/// Quotes a cell when it needs it. A cell a spreadsheet would run as a formula (`=`, `@`) gets
/// a leading apostrophe, so opening the file cannot execute anything.
fn write_cell(out: &mut String, cell: &str) {
    let neutralised;
    let cell = if cell.starts_with(['=', '@']) {
        neutralised = format!("'{cell}");
        neutralised.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

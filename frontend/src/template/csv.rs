//! The CSV template.

use clientela_shared::{Language, Profile};

use super::template_columns;

/// The CSV template's text: the headers and the example row.
pub fn template_csv(profile: &Profile, language: Language) -> String {
    let columns = template_columns(profile, language);
    let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
    let example: Vec<&str> = columns.iter().map(|c| c.example.as_str()).collect();
    format!("{}\r\n{}\r\n", csv_line(&headers), csv_line(&example))
}

fn csv_line(cells: &[&str]) -> String {
    cells
        .iter()
        .map(|cell| {
            if cell.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                (*cell).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

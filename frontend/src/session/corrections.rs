//! Reading an error file the user corrected: the server's `errors.csv` or `errors.xlsx` (a
//! `Line` column, the file's own columns, an `Error` column), or the wizard's file of rows not
//! sent (the file's columns, then the line and the problem, named in the user's language), fixed
//! in a spreadsheet. Each row keeps its original line, so the server knows it for a correction.
use std::collections::HashSet;

use clientela_shared::{
    BatchRow, ColumnMapping, Language, Mapping, MatchReason, Profile, Target, Validator,
    read_table_owned,
};

use crate::protocol::{Corrections, RecordDefaults, StillWrong};
use crate::text::{Text, catalogue, text};

/// The server's name of the error file's reason column.
const ERROR_COLUMN: &str = "Error";

/// Whether `header` names the line column, in the server's file or the wizard's (any language).
fn is_line_column(header: &str) -> bool {
    Language::ALL
        .iter()
        .any(|&language| header == text(Text::LineHeader, language))
}

/// Whether `header` names the column that says what was wrong.
fn is_reason_column(header: &str) -> bool {
    header == ERROR_COLUMN
        || Language::ALL
            .iter()
            .any(|&language| header == text(Text::ProblemHeader, language))
}

/// Checks the corrected rows of `bytes` with the import's `profile` and `mapping` (its columns
/// are found by header); the rows that pass become records to send, with `defaults` applied.
pub fn read_corrections(
    bytes: Vec<u8>,
    profile: &Profile,
    mapping: &Mapping,
    defaults: &RecordDefaults,
    language: Language,
    file_lines: Option<&HashSet<u64>>,
) -> Result<Corrections, String> {
    let texts = catalogue(language);
    let table = read_table_owned(bytes).map_err(|err| err.to_string())?;
    let headers = table.columns();
    let line_at = headers
        .iter()
        .position(|header| is_line_column(header))
        .ok_or_else(|| texts.text(Text::NotAnErrorFile).to_owned())?;
    let kept: Vec<usize> = (0..headers.len())
        .filter(|&column| column != line_at && !is_reason_column(&headers[column]))
        .collect();
    let kept_headers: Vec<String> = kept.iter().map(|&column| headers[column].clone()).collect();
    let own_mapping = Mapping {
        fingerprint: Mapping::fingerprint_of(&kept_headers),
        columns: kept_headers
            .iter()
            .map(|header| ColumnMapping {
                header: header.clone(),
                target: target_of(mapping, header),
                confidence: 100,
                reason: MatchReason::Chosen,
            })
            .collect(),
    };
    let mut validator = Validator::new(profile, &own_mapping, &kept_headers);
    let mut corrections = Corrections::default();
    for row in table.rows() {
        let cells: Vec<String> = row.cells().map(str::to_owned).collect();
        let cell = |column: usize| cells.get(column).map_or("", String::as_str);
        let Ok(line) = cell(line_at).trim().parse::<u64>() else {
            corrections.still_wrong.push(StillWrong {
                line: row.line(),
                message: texts.text(Text::NoLineNumber).to_owned(),
            });
            continue;
        };
        // A line the imported file does not have (mistyped, or a row added to the error file)
        // would be stored as a row of this import that never was one.
        if file_lines.is_some_and(|lines| !lines.contains(&line)) {
            corrections.still_wrong.push(StillWrong {
                line,
                message: texts.text(Text::LineNotInFile).to_owned(),
            });
            continue;
        }
        let source: Vec<String> = kept.iter().map(|&column| restored(cell(column))).collect();
        let source_cells: Vec<&str> = source.iter().map(String::as_str).collect();
        let verdict = validator.check_row(line, &source_cells);
        if !verdict.is_valid() {
            let messages: Vec<String> = verdict
                .findings
                .iter()
                .filter(|finding| finding.is_error())
                .map(|finding| finding.message(language))
                .collect();
            corrections.still_wrong.push(StillWrong {
                line,
                message: messages.join("; "),
            });
            continue;
        }
        let mut record = verdict.record;
        for tag in &defaults.tags {
            record.add_tag(tag.clone());
        }
        if let Some(status) = &defaults.status
            && record.get("status").is_none()
        {
            record.fields.insert("status".into(), status.clone());
        }
        corrections.rows.push(BatchRow {
            line,
            record,
            source,
        });
    }
    Ok(corrections)
}

/// Where the import sent the column with this header; a column it did not have is kept as
/// additional data.
fn target_of(mapping: &Mapping, header: &str) -> Target {
    mapping
        .columns
        .iter()
        .find(|column| column.header == header)
        .map_or(Target::Extra, |column| column.target.clone())
}

/// A cell as the user wrote it: the error file put an apostrophe before values a spreadsheet
/// would run as formulas (`'+593…`); it comes off again.
fn restored(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use clientela_shared::suggest_mapping;

    use super::*;

    fn profile() -> Profile {
        Profile::from_toml("default_country = \"EC\"\nrequired = [\"first_name\"]\n").unwrap()
    }

    #[test]
    fn fixed_rows_keep_their_lines_and_wrong_ones_say_why() {
        let headers = [
            "Nombre".to_owned(),
            "Correo".to_owned(),
            "Teléfono".to_owned(),
        ];
        let sample: [[&str; 3]; 0] = [];
        let mapping = suggest_mapping(&headers, &sample, &profile());
        let file = "Line,Nombre,Correo,Teléfono,Error\n\
                    7,Eva,eva@example.com,'+593991234567,Email is not valid\n\
                    9,,luz@example.com,,First name is required\n\
                    x,Ana,ana@example.com,,?\n";
        let defaults = RecordDefaults {
            tags: vec!["feria".to_owned()],
            status: Some("active".to_owned()),
        };
        let corrections = read_corrections(
            file.as_bytes().to_vec(),
            &profile(),
            &mapping,
            &defaults,
            Language::En,
            None,
        )
        .unwrap();
        assert_eq!(corrections.rows.len(), 1);
        let row = &corrections.rows[0];
        assert_eq!(row.line, 7);
        assert_eq!(
            row.record.get("phone"),
            Some("+593991234567"),
            "the apostrophe came off"
        );
        assert_eq!(row.record.get("status"), Some("active"));
        assert!(row.record.tags.contains(&"feria".to_owned()));
        assert_eq!(row.source, ["Eva", "eva@example.com", "+593991234567"]);
        let lines: Vec<u64> = corrections.still_wrong.iter().map(|w| w.line).collect();
        assert_eq!(
            lines,
            [9, 4],
            "line 9 still lacks a name; the sheet's line 4 has no number"
        );
    }

    #[test]
    fn the_wizards_file_of_rows_not_sent_is_read_in_any_language() {
        let headers = ["Nombre".to_owned(), "Correo".to_owned()];
        let sample: [[&str; 2]; 0] = [];
        let mapping = suggest_mapping(&headers, &sample, &profile());
        let file = "Nombre,Correo,Línea,Problema\nEva,eva@example.com,5,El correo no es válido\n";
        let corrections = read_corrections(
            file.as_bytes().to_vec(),
            &profile(),
            &mapping,
            &RecordDefaults::default(),
            Language::Es,
            Some(&HashSet::from([2, 5])),
        )
        .unwrap();
        assert_eq!(corrections.still_wrong, []);
        assert_eq!(corrections.rows[0].line, 5);
        assert_eq!(corrections.rows[0].source, ["Eva", "eva@example.com"]);
    }

    #[test]
    fn a_file_without_a_line_column_is_not_an_error_file() {
        let mapping = Mapping {
            fingerprint: String::new(),
            columns: Vec::new(),
        };
        let error = read_corrections(
            b"Nombre,Correo\nAna,ana@example.com\n".to_vec(),
            &profile(),
            &mapping,
            &RecordDefaults::default(),
            Language::Es,
            None,
        )
        .unwrap_err();
        assert!(error.contains("Line"), "{error}");
    }

    #[test]
    fn a_line_the_imported_file_does_not_have_is_not_sent() {
        let headers = ["Nombre".to_owned(), "Correo".to_owned()];
        let sample: [[&str; 2]; 0] = [];
        let mapping = suggest_mapping(&headers, &sample, &profile());
        let file = "Nombre,Correo,Line\nBea,bea@example.com,3\nZoe,zoe@example.com,99\n";
        let corrections = read_corrections(
            file.as_bytes().to_vec(),
            &profile(),
            &mapping,
            &RecordDefaults::default(),
            Language::En,
            Some(&HashSet::from([2, 3, 4])),
        )
        .unwrap();
        let sent: Vec<u64> = corrections.rows.iter().map(|row| row.line).collect();
        assert_eq!(sent, [3]);
        assert_eq!(corrections.still_wrong.len(), 1);
        assert_eq!(corrections.still_wrong[0].line, 99);
        assert_eq!(
            corrections.still_wrong[0].message,
            "This line is not a row of the imported file."
        );
    }
}

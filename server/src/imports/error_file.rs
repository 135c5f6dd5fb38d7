//! The error file: the rows the server rejected, in the user's own columns, with the reason in
//! an extra column, ready to fix in a spreadsheet and import again. This file gathers the rows
//! and writes them as CSV; `error_workbook.rs` writes the same rows as an Excel workbook.

use clientela_shared::{Outcome, RowOutcome};
use sqlx::Row;

use super::store::StoredImport;
use crate::db::Db;

/// The header of the column that says what is wrong.
const REASON_COLUMN: &str = "Error";

/// The rejected rows of an import, ready to be written as CSV or as a workbook. Every cell a
/// spreadsheet could run as a formula is already [neutralised](neutralise), so both files agree.
#[derive(Debug)]
pub(crate) struct ErrorFile {
    /// `Line`, the file's own columns, then `Error`.
    pub header: Vec<String>,
    /// One per rejected row, in the order of the file.
    pub rows: Vec<ErrorRow>,
}

/// One rejected row of an [`ErrorFile`].
#[derive(Debug)]
pub(crate) struct ErrorRow {
    /// The line of the file, as the user sees it.
    pub line: i64,
    /// The row's cells in the file's columns (blank when the browser did not send them), then the
    /// reasons it was rejected.
    pub cells: Vec<String>,
}

/// The rejected rows of `import`, in the user's own columns with the reason in an extra one.
pub(crate) async fn error_file(db: &Db, import: &StoredImport) -> Result<ErrorFile, sqlx::Error> {
    let stored = sqlx::query(
        "select line, detail, source from import_row \
         where import_id = $1 and outcome = 'rejected' order by line, id",
    )
    .bind(import.id)
    .fetch_all(db.pool())
    .await?;
    let mut header: Vec<String> = vec!["Line".to_owned()];
    header.extend(import.columns.iter().cloned());
    header.push(REASON_COLUMN.to_owned());
    let mut rows = Vec::with_capacity(stored.len());
    for row in &stored {
        let detail: String = row.try_get("detail")?;
        let source: Option<String> = row.try_get("source")?;
        let outcome: RowOutcome =
            serde_json::from_str(&detail).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
        let mut cells: Vec<String> = source
            .and_then(|source| serde_json::from_str(&source).ok())
            .unwrap_or_default();
        cells.resize(import.columns.len().max(cells.len()), String::new());
        cells.push(reasons(&outcome.outcome));
        rows.push(ErrorRow {
            line: row.try_get("line")?,
            cells: cells.iter().map(|cell| neutralise(cell)).collect(),
        });
    }
    Ok(ErrorFile { header, rows })
}

impl ErrorFile {
    /// The file as CSV (UTF-8 with a byte order mark, so that Excel shows accents right).
    pub(crate) fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        out.write_record(&self.header)?;
        for row in &self.rows {
            let line = row.line.to_string();
            out.write_record(std::iter::once(&line).chain(&row.cells))?;
        }
        out.into_inner()
            .map_err(|err| csv::Error::from(err.into_error()))
    }
}

/// The name of the error file of an import of `file_name`: `clientes.xlsx` gives
/// `clientes-errors.csv` for the `csv` extension.
pub(crate) fn error_file_name(file_name: &str, extension: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    format!("{stem}-errors.{extension}")
}

fn reasons(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Rejected { reasons } => reasons
            .iter()
            .map(|reason| reason.message.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe, so opening the file runs nothing.
pub(crate) fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_are_neutralised_and_plain_text_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+593991234567"), "'+593991234567");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\r=1+1"), "'\r=1+1");
        assert_eq!(neutralise("Muñoz"), "Muñoz");
        assert_eq!(neutralise(""), "");
    }
}

//! The error file: the rows the server rejected, in the user's own columns, with the reason in
//! an extra column, ready to fix in a spreadsheet and import again.

use clientela_shared::{Outcome, RowOutcome};
use sqlx::Row;

use super::store::StoredImport;
use crate::db::Db;

/// The header of the column that says what is wrong.
const REASON_COLUMN: &str = "Error";

/// The rejected rows of `import` as CSV (UTF-8 with a byte order mark, so that Excel shows
/// accents right). Without the original cells, a row shows its line only.
pub(crate) async fn errors_csv(db: &Db, import: &StoredImport) -> Result<Vec<u8>, sqlx::Error> {
    let rows = sqlx::query(
        "select line, detail, source from import_row \
         where import_id = $1 and outcome = 'rejected' order by line, id",
    )
    .bind(import.id)
    .fetch_all(db.pool())
    .await?;
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<String> = vec!["Line".to_owned()];
    header.extend(import.columns.iter().cloned());
    header.push(REASON_COLUMN.to_owned());
    write(&mut out, &header)?;
    for row in &rows {
        let line: i64 = row.try_get("line")?;
        let detail: String = row.try_get("detail")?;
        let source: Option<String> = row.try_get("source")?;
        let outcome: RowOutcome =
            serde_json::from_str(&detail).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
        let mut cells: Vec<String> = source
            .and_then(|source| serde_json::from_str(&source).ok())
            .unwrap_or_default();
        cells.resize(import.columns.len().max(cells.len()), String::new());
        let mut record = vec![line.to_string()];
        record.extend(cells.iter().map(|cell| neutralise(cell)));
        record.push(neutralise(&reasons(&outcome.outcome)));
        write(&mut out, &record)?;
    }
    out.into_inner()
        .map_err(|err| sqlx::Error::Protocol(err.to_string()))
}

fn write(out: &mut csv::Writer<Vec<u8>>, record: &[String]) -> Result<(), sqlx::Error> {
    out.write_record(record)
        .map_err(|err| sqlx::Error::Protocol(err.to_string()))
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
        assert_eq!(neutralise("Muñoz"), "Muñoz");
        assert_eq!(neutralise(""), "");
    }
}

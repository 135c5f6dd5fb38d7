//! The W3C CSV on the Web tests that need no metadata: a plain CSV file, its header row, and the
//! rows expected as objects keyed by the column names.
//!
//! The other CSVW tests are about metadata documents (datatypes, foreign keys, URI templates),
//! which a customer import does not read.

use std::path::Path;

use clientela_shared::read_table;
use serde_json::Value;

use crate::report::Suite;

const MANIFESTS: [&str; 2] = ["manifest-json.jsonld", "manifest-nonnorm.jsonld"];

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("csvw (no-metadata dialect tests)");
    let folder = peer_data.join("csvw-tests");
    for manifest in MANIFESTS {
        let entries: Value = match std::fs::read_to_string(folder.join(manifest))
            .map_err(|e| e.to_string())
            .and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string()))
        {
            Ok(entries) => entries,
            Err(err) => {
                suite.check(manifest, Err(err));
                continue;
            }
        };
        for entry in entries["entries"].as_array().into_iter().flatten() {
            let (Some(action), Some(result)) = (entry["action"].as_str(), entry["result"].as_str())
            else {
                continue;
            };
            let plain_csv = action.ends_with(".csv")
                && entry["option"].get("metadata").is_none()
                && entry["implicit"].as_array().is_none_or(Vec::is_empty)
                && entry.get("httpLink").is_none()
                && entry["type"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("csvt:ToJsonTest"));
            if !plain_csv {
                continue;
            }
            let id = format!(
                "{} {}",
                entry["id"].as_str().unwrap_or("?"),
                entry["name"].as_str().unwrap_or("")
            );
            let outcome = case(&folder, action, result);
            let headerless = entry["contentType"]
                .as_str()
                .is_some_and(|t| t.contains("header=absent"));
            match outcome {
                Err(reason) if headerless => suite.differ(
                    id,
                    format!(
                        "a file without a header row (text/csv;header=absent): Clientela always takes \
                         a row as the header, and the user maps its columns ({reason})"
                    ),
                ),
                outcome => suite.check(id, outcome),
            }
        }
    }
    suite
}

fn case(folder: &Path, action: &str, result: &str) -> Result<(), String> {
    let bytes = std::fs::read(folder.join(action)).map_err(|e| e.to_string())?;
    let json = std::fs::read_to_string(folder.join(result)).map_err(|e| e.to_string())?;
    let expected: Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let rows: Vec<&serde_json::Map<String, Value>> = match &expected {
        // Minimal mode: the rows themselves.
        Value::Array(rows) => rows.iter().filter_map(Value::as_object).collect(),
        // Standard mode: tables → rows → what each row describes.
        _ => expected["tables"][0]["row"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|row| row["describes"][0].as_object())
            .collect(),
    };
    let table = read_table(&bytes).map_err(|err| err.to_string())?;
    if rows.len() != table.row_count() {
        return Err(format!(
            "expected {} rows, got {}",
            rows.len(),
            table.row_count()
        ));
    }
    for (row, want) in table.rows().zip(rows) {
        for (column, name) in table.columns().iter().enumerate() {
            let got = row.cell(column);
            let want_text = want.get(name).map(text_of);
            // CSVW leaves out the cells that are empty.
            if want_text.as_deref() != Some(got) && !(got.is_empty() && want_text.is_none()) {
                return Err(format!(
                    "line {}, {name}: expected {want_text:?}, got {got:?}",
                    row.line()
                ));
            }
        }
    }
    Ok(())
}

/// The text of a JSON value as it stood in the file.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

//! csv-spectrum: eleven CSV edge cases, each with the rows a parser must give as JSON objects
//! keyed by the header.

use std::path::Path;

use clientela_shared::read_table;
use serde_json::Value;

use crate::records::first_difference;
use crate::report::Suite;

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("csv-spectrum");
    let folder = peer_data.join("csv-spectrum");
    let Ok(entries) = std::fs::read_dir(folder.join("csvs")) else {
        suite.check("csvs/", Err("folder missing".into()));
        return suite;
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".csv").map(str::to_owned))
        .collect();
    names.sort();
    for name in names {
        let outcome = case(&folder, &name);
        suite.check(name, outcome);
    }
    suite
}

fn case(folder: &Path, name: &str) -> Result<(), String> {
    let bytes =
        std::fs::read(folder.join(format!("csvs/{name}.csv"))).map_err(|e| e.to_string())?;
    let json = std::fs::read_to_string(folder.join(format!("json/{name}.json")))
        .map_err(|e| e.to_string())?;
    let expected: Vec<serde_json::Map<String, Value>> =
        serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let table = read_table(&bytes).map_err(|err| err.to_string())?;
    let columns = table.columns();
    let expected_rows: Vec<Vec<String>> = expected
        .iter()
        .map(|object| {
            columns
                .iter()
                .map(|column| {
                    object
                        .get(column)
                        .and_then(Value::as_str)
                        .unwrap_or("<missing>")
                        .to_owned()
                })
                .collect()
        })
        .collect();
    let got_rows: Vec<Vec<String>> = table
        .rows()
        .map(|row| {
            (0..columns.len())
                .map(|column| row.cell(column).to_owned())
                .collect()
        })
        .collect();
    let expected_keys = expected.first().map_or(0, serde_json::Map::len);
    if expected_keys != columns.len() {
        return Err(format!("expected {expected_keys} columns, got {columns:?}"));
    }
    if expected_rows != got_rows {
        return Err(first_difference(&expected_rows, &got_rows));
    }
    Ok(())
}

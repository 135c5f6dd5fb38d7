//! Salesforce Data Loader's CSV files: one table in UTF-8, UTF-16 and UTF-32 with and without a
//! byte order mark, and files with doubled quotes, odd separators and wide spaces.
//!
//! The suite has no expected-output files (its expectations live in Java tests), so the
//! expected records are rust-csv's reading of the UTF-8 text.

use std::path::Path;

use clientela_shared::{ReadOptions, read_table};

use crate::records::{Verdict, judge, reference_records};
use crate::report::Suite;

/// The same table in each encoding, and the encoding Clientela must detect.
const ENCODED: [(&str, &str); 6] = [
    ("csvtext.csv", "utf-8"),
    ("csvtext_BOM_UTF8.csv", "utf-8"),
    ("csvtext_BOM_UTF16BE.csv", "utf-16be"),
    ("csvtext_BOM_UTF16LE.csv", "utf-16le"),
    ("csvtext_BOM_UTF32BE.csv", "utf-32be"),
    ("csvtext_BOM_UTF32LE.csv", "utf-32le"),
];

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("salesforce dataloader (encodings)");
    let folder = peer_data.join("csv-edge-salesforce-dataloader");
    let expected = match std::fs::read(folder.join("csvtext.csv")).map_err(|e| e.to_string()) {
        Ok(bytes) => reference_records(&bytes, b','),
        Err(err) => Err(err),
    };
    let expected = match expected {
        Ok(records) => records,
        Err(err) => {
            suite.check("csvtext.csv", Err(err));
            return suite;
        }
    };
    for (name, encoding) in ENCODED {
        let Ok(bytes) = std::fs::read(folder.join(name)) else {
            suite.check(name, Err("file missing".into()));
            continue;
        };
        let detected = read_table(&bytes)
            .ok()
            .and_then(|table| table.detection().encoding.clone())
            .map(|detected| detected.value);
        match judge(&expected, &bytes, &ReadOptions::default()) {
            Verdict::Pass if detected.as_deref() != Some(encoding) => {
                suite.check(
                    name,
                    Err(format!("encoding read as {detected:?}, not {encoding}")),
                );
            }
            verdict => verdict.record(&mut suite, name),
        }
    }
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return suite;
    };
    let mut others: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".csv") && !name.starts_with("csvtext"))
        .collect();
    others.sort();
    for name in others {
        let bytes = match std::fs::read(folder.join(&name)) {
            Ok(bytes) => bytes,
            Err(err) => {
                suite.check(name, Err(err.to_string()));
                continue;
            }
        };
        match reference_records(&bytes, b',') {
            Ok(expected) => {
                judge(&expected, &bytes, &ReadOptions::default()).record(&mut suite, name)
            }
            Err(err) => suite.check(name, Err(err)),
        }
    }
    suite
}

//! rust-csv: csv-core's parser cases (input, reader settings, expected records) and the sample
//! files of rust-csv's examples, read by rust-csv itself for the expected records.

use std::path::Path;

use clientela_shared::{ReadOptions, read_table_with};
use serde_json::Value;

use crate::records::{Verdict, from_json, judge, reference_records};
use crate::report::Suite;

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("rust-csv (csv-core cases + examples)");
    let folder = peer_data.join("rust-csv-examples");
    parser_cases(&folder, &mut suite);
    example_files(&folder, &mut suite);
    suite
}

fn parser_cases(folder: &Path, suite: &mut Suite) {
    let cases: Vec<Value> = match std::fs::read_to_string(folder.join("csv-core-reader-cases.json"))
        .map_err(|e| e.to_string())
        .and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string()))
    {
        Ok(cases) => cases,
        Err(err) => {
            suite.check("csv-core-reader-cases.json", Err(err));
            return;
        }
    };
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?").to_owned();
        let (Some(input), Some(expected)) = (case["input"].as_str(), from_json(&case["expected"]))
        else {
            suite.check(name, Err("case without input or expected records".into()));
            continue;
        };
        let config = case["reader_config_rust"].as_str();
        let mut options = ReadOptions::default();
        let mut unsupported = None;
        match config.map(delimiter_setting) {
            None => {}
            Some(Some(delimiter)) => options.delimiter = Some(delimiter),
            Some(None) => unsupported = config,
        }
        let verdict = judge(&expected, input.as_bytes(), &options);
        let verdict = match unsupported {
            Some(setting) => verdict.without_setting(setting_name(setting)),
            None => verdict,
        };
        verdict.record(suite, name);
    }
}

/// The delimiter a `b.delimiter(b'x')` setting chooses; `None` for any other setting.
fn delimiter_setting(config: &str) -> Option<char> {
    let rest = config.split("b.delimiter(b'").nth(1)?;
    match rest.strip_prefix("\\t") {
        Some(_) => Some('\t'),
        None => rest.chars().next(),
    }
}

/// What a rust-csv reader setting is, in words.
fn setting_name(config: &str) -> &'static str {
    [
        ("terminator", "a custom record terminator"),
        ("ascii", "ASCII unit/record separators"),
        ("escape", "a backslash-style escape character"),
        ("double_quote", "turning doubled-quote escapes off"),
        ("quoting", "turning quoting off"),
        ("quote", "a custom quote character"),
        ("comment", "a comment character"),
    ]
    .into_iter()
    .find(|(word, _)| config.contains(&format!(".{word}(")))
    .map_or("a custom reader setting", |(_, name)| name)
}

fn example_files(folder: &Path, suite: &mut Suite) {
    for (name, delimiter) in [
        ("smallpop.csv", None),
        ("smallpop-no-headers.csv", None),
        ("smallpop-colon.csv", Some(':')),
        ("uspop.csv", None),
        ("uspop-null.csv", None),
    ] {
        let Ok(bytes) = std::fs::read(folder.join(name)) else {
            suite.check(name, Err("file missing".into()));
            continue;
        };
        let expected = match reference_records(&bytes, delimiter.map_or(b',', |d| d as u8)) {
            Ok(records) => records,
            Err(err) => {
                suite.check(name, Err(err));
                continue;
            }
        };
        let options = ReadOptions {
            delimiter,
            ..ReadOptions::default()
        };
        judge(&expected, &bytes, &options).record(suite, name);
    }
    latin1(folder, suite);
    strange(folder, suite);
}

/// uspop-latin1.csv: one Latin-1 byte, so not UTF-8; it must read as Windows-1252 text.
fn latin1(folder: &Path, suite: &mut Suite) {
    let name = "uspop-latin1.csv";
    let Ok(bytes) = std::fs::read(folder.join(name)) else {
        suite.check(name, Err("file missing".into()));
        return;
    };
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let expected = match reference_records(text.as_bytes(), b',') {
        Ok(records) => records,
        Err(err) => return suite.check(name, Err(err)),
    };
    let encoding = read_table_with(&bytes, &ReadOptions::default())
        .ok()
        .and_then(|table| table.detection().encoding.clone())
        .map(|encoding| encoding.value);
    match judge(&expected, &bytes, &ReadOptions::default()) {
        Verdict::Pass if encoding.as_deref() != Some("windows-1252") => {
            suite.check(name, Err(format!("read as {encoding:?}, not windows-1252")));
        }
        verdict => verdict.record(suite, name),
    }
}

/// strange.csv: `;` separators, backslash-escaped quotes and a `#` comment line, as rust-csv's
/// example reads it with those settings.
fn strange(folder: &Path, suite: &mut Suite) {
    let name = "strange.csv";
    let Ok(bytes) = std::fs::read(folder.join(name)) else {
        suite.check(name, Err("file missing".into()));
        return;
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(b';')
        .escape(Some(b'\\'))
        .double_quote(false)
        .comment(Some(b'#'))
        .from_reader(&bytes[..]);
    let expected: Result<Vec<Vec<String>>, _> = reader
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_owned).collect()))
        .collect();
    match expected {
        Ok(expected) => judge(&expected, &bytes, &ReadOptions::default())
            .without_setting("backslash escapes and # comment lines")
            .record(suite, name),
        Err(err) => suite.check(name, Err(err.to_string())),
    }
}

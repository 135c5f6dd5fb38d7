//! Papa Parse: its core parser and parse cases (input, settings, expected rows and errors).

use std::path::Path;

use clientela_shared::{Basis, ErrorKind, ProblemKind, ReadOptions, Table, read_table_with};
use serde_json::Value;

use crate::records::{Verdict, from_json, judge};
use crate::report::Suite;

/// Settings that Clientela does not offer; a case that needs one is read with the defaults, and
/// differs (with the setting named) only if that changes the result.
const NOT_OFFERED: [&str; 12] = [
    "comments",
    "dynamicTyping",
    "escapeChar",
    "fastMode",
    "newline",
    "preview",
    "quoteChar",
    "skipFirstNLines",
    "transform",
    "transformHeader",
    "step",
    "chunk",
];

/// Cases where Clientela differs on purpose, by description, with the reason.
const DELIBERATE: [(&str, &str); 1] = [(
    "Mixed slash n and slash r should choose first as precident",
    "every line end (CRLF, LF or a lone CR) ends a row, as Excel reads a file with mixed line ends; \
     Papa Parse keeps the first kind only",
)];

pub fn run(peer_data: &Path) -> Suite {
    let mut suite = Suite::new("papaparse");
    let path = peer_data.join("papaparse/papaparse-test-cases.json");
    let cases: Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string()))
    {
        Ok(cases) => cases,
        Err(err) => {
            suite.check("papaparse-test-cases.json", Err(err));
            return suite;
        }
    };
    for group in ["CORE_PARSER_TESTS", "PARSE_TESTS"] {
        for (index, case) in cases[group].as_array().into_iter().flatten().enumerate() {
            let id = format!(
                "{group}[{index}] {}",
                case["description"].as_str().unwrap_or("?")
            );
            if case["disabled"].as_bool() == Some(true) {
                suite.differ(id, "disabled in Papa Parse's own suite");
                continue;
            }
            verdict(case).record(&mut suite, id);
        }
    }
    suite
}

fn verdict(case: &Value) -> Verdict {
    let Some(input) = case["input"].as_str() else {
        return Verdict::Differ("input is not text (a file or stream object in JavaScript)".into());
    };
    let config = case["config"].as_object().cloned().unwrap_or_default();
    let mut options = ReadOptions::default();
    if let Some(delimiter) = config.get("delimiter") {
        match delimiter
            .as_str()
            .map(|d| d.chars().collect::<Vec<_>>())
            .as_deref()
        {
            Some([c]) if *c != '\n' && *c != '\r' && *c != '"' => options.delimiter = Some(*c),
            _ => {
                return Verdict::Differ(format!(
                    "the separator {delimiter} is not one character (multi-character, computed or a line break); \
                     Clientela takes a single character"
                ));
            }
        }
    }
    let got = read_table_with(input.as_bytes(), &options);
    let expected = &case["expected"];
    let codes: Vec<&str> = expected["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|error| error["code"].as_str())
        .collect();
    let header = config.get("header").and_then(Value::as_bool) == Some(true);
    let description = case["description"].as_str().unwrap_or_default();
    let verdict = if let Some((_, reason)) = DELIBERATE.iter().find(|(d, _)| *d == description) {
        Verdict::Differ((*reason).into())
    } else if codes.contains(&"InvalidQuotes") {
        Verdict::Differ(
            "a quote after text is kept as text and text after a closing quote is appended, as Excel does; \
             Papa Parse reports InvalidQuotes"
                .into(),
        )
    } else if codes.contains(&"MissingQuotes") {
        match &got {
            Err(err) if matches!(err.kind(), ErrorKind::Malformed { .. }) => Verdict::Pass,
            Err(err) => Verdict::Fail(format!("expected an unclosed-quote error, got: {err}")),
            Ok(_) => Verdict::Fail("an unclosed quote was read without an error".into()),
        }
    } else if header {
        with_header(expected, &got, &codes)
    } else {
        let verdict = match from_json(&expected["data"]) {
            Some(records) => judge(&records, input.as_bytes(), &options),
            None => Verdict::Fail("expected data is not rows of text (typed values)".into()),
        };
        match (verdict, &got) {
            (Verdict::Pass, Ok(table)) if codes.contains(&"UndetectableDelimiter") => {
                let basis = &table
                    .detection()
                    .delimiter
                    .as_ref()
                    .map(|d| d.basis.clone());
                if *basis == Some(Basis::SingleColumn) {
                    Verdict::Pass
                } else {
                    Verdict::Fail(format!(
                        "expected no separator to be detected, got {basis:?}"
                    ))
                }
            }
            (verdict, _) => verdict,
        }
    };
    let mut settings: Vec<&str> = NOT_OFFERED
        .iter()
        .copied()
        .filter(|setting| config.contains_key(*setting))
        .collect();
    if config
        .get("skipEmptyLines")
        .is_some_and(|v| v == &Value::Bool(false))
    {
        settings.push("skipEmptyLines: false");
    }
    if settings.is_empty() {
        verdict
    } else {
        verdict.without_setting(&settings.join(", "))
    }
}

/// Cases read with `header: true`: rows are objects keyed by the header, cells past the header
/// go to `__parsed_extra`, short and long rows are reported.
fn with_header(
    expected: &Value,
    got: &Result<Table, clientela_shared::Error>,
    codes: &[&str],
) -> Verdict {
    let rows = expected["data"].as_array().cloned().unwrap_or_default();
    let table = match got {
        Ok(table) => table,
        Err(err) if rows.is_empty() && matches!(err.kind(), ErrorKind::NoDataRows { .. }) => {
            return Verdict::Differ(format!("a lone header row is refused on purpose: {err}"));
        }
        Err(err) => {
            return Verdict::Fail(format!(
                "expected {} rows, got the error: {err}",
                rows.len()
            ));
        }
    };
    if table
        .problems()
        .iter()
        .any(|p| matches!(p.kind, ProblemKind::DuplicateHeader { .. }))
    {
        return Verdict::Differ(
            "a repeated header is renamed \"A (2)\", as spreadsheet users read it, and reported; \
             Papa Parse renames it \"A_1\""
                .into(),
        );
    }
    let header: Vec<&str> = table.header().cells().collect();
    if table.row_count() != rows.len() {
        return Verdict::Fail(format!(
            "expected {} rows, got {}",
            rows.len(),
            table.row_count()
        ));
    }
    for (row, want) in table.rows().zip(&rows) {
        let Some(want) = want.as_object() else {
            return Verdict::Fail("expected row is not an object".into());
        };
        let cells: Vec<&str> = row.cells().collect();
        let named = cells.len().min(header.len());
        let mut keys = named;
        for column in 0..named {
            if want.get(header[column]).and_then(Value::as_str) != Some(cells[column]) {
                return Verdict::Fail(format!(
                    "line {}: {}: expected {:?}, got {:?}",
                    row.line(),
                    header[column],
                    want.get(header[column]),
                    cells[column]
                ));
            }
        }
        if cells.len() > header.len() {
            keys += 1;
            let extra: Vec<Value> = cells[header.len()..]
                .iter()
                .map(|c| Value::from(*c))
                .collect();
            if want.get("__parsed_extra") != Some(&Value::Array(extra)) {
                return Verdict::Fail(format!("line {}: extra cells differ", row.line()));
            }
        }
        if want.len() != keys {
            return Verdict::Fail(format!(
                "line {}: expected keys {:?}",
                row.line(),
                want.keys()
            ));
        }
    }
    let reported = |kind: fn(&ProblemKind) -> bool| table.problems().iter().any(|p| kind(&p.kind));
    if codes.contains(&"TooFewFields") && !reported(|k| matches!(k, ProblemKind::ShortRow { .. })) {
        return Verdict::Fail("a short row was not reported".into());
    }
    if codes.contains(&"TooManyFields") && !reported(|k| matches!(k, ProblemKind::LongRow { .. })) {
        return Verdict::Fail("a long row was not reported".into());
    }
    Verdict::Pass
}

//! `clientela validate FILE`: reads a customer file, suggests a mapping, and checks every row
//! with the same engine the browser and the server use.
//!
//! Exit status: 0 when every row is valid, 1 when some row (or the file as a whole) has errors,
//! 2 when the file or the profile cannot be read.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use clientela_shared::{
    ColumnMapping, Date, Finding, Language, Mapping, Profile, ReadOptions, Report, RowReport,
    RowStatus, Target, Validator, read_table_owned_with, suggest_mapping_for_table,
};
use serde_json::{Value, json};

use super::table_words;

/// Every row valid.
const EXIT_VALID: i32 = 0;
/// Some row, or the file as a whole, has errors.
const EXIT_INVALID: i32 = 1;
/// The file or the profile cannot be read.
const EXIT_UNREADABLE: i32 = 2;

/// Options of `clientela validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The customer file: CSV (any common dialect and encoding), XLSX, XLSM, XLS, XLSB or ODS.
    file: PathBuf,
    /// Import profile (TOML): required fields, catalogues, custom fields. Without one, nothing is
    /// required and every tag is accepted.
    #[arg(long)]
    profile: Option<PathBuf>,
    /// Country (ISO 3166 alpha-2) for phones and documents when a row names none; overrides the
    /// profile's `default_country`.
    #[arg(long)]
    country: Option<String>,
    /// Language of the messages: en, es, pt or pl.
    #[arg(long, default_value = "en")]
    lang: Language,
    /// The sheet to read from a workbook (default: the first with data).
    #[arg(long)]
    sheet: Option<String>,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// The same as `--format json`.
    #[arg(long)]
    json: bool,
    /// Print only the rows that have errors.
    #[arg(long)]
    errors_only: bool,
}

/// How `clientela validate` prints its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// The mapping, one line per finding, and a summary, for people.
    Table,
    /// One JSON document, for programs.
    Json,
    /// One CSV line per finding: line, column, field, severity, code, message.
    Csv,
}

/// Runs the command and returns the process exit status.
pub fn run(args: &ValidateArgs) -> i32 {
    let status = match check(args) {
        Ok((mapping, report)) => {
            let format = if args.json {
                OutputFormat::Json
            } else {
                args.format
            };
            let text = match format {
                OutputFormat::Table => table(&mapping, &report, args),
                OutputFormat::Json => json_document(&mapping, &report, args),
                OutputFormat::Csv => csv(&report, args),
            };
            print!("{text}");
            if report.has_errors() {
                EXIT_INVALID
            } else {
                EXIT_VALID
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_UNREADABLE
        }
    };
    let _ = std::io::stdout().flush();
    status
}

/// Reads the profile and the file, and validates it.
fn check(args: &ValidateArgs) -> Result<(Mapping, Report), String> {
    let mut profile = match &args.profile {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read the profile {}: {error}", path.display()))?;
            Profile::from_toml(&text).map_err(|error| format!("{}: {error}", path.display()))?
        }
        None => Profile::default(),
    };
    if let Some(country) = &args.country {
        profile.default_country = Some(country.to_ascii_uppercase());
        profile
            .check()
            .map_err(|error| format!("--country: {error}"))?;
    }
    let bytes = std::fs::read(&args.file)
        .map_err(|error| format!("cannot read {}: {error}", args.file.display()))?;
    let options = ReadOptions {
        sheet: args.sheet.clone(),
        ..ReadOptions::default()
    };
    let table = read_table_owned_with(bytes, &options)
        .map_err(|error| format!("{}: {error}", args.file.display()))?;
    let mapping = suggest_mapping_for_table(&table, &profile);
    let mut validator = Validator::new(&profile, &mapping, table.columns());
    if let Some(today) = today() {
        validator = validator.with_today(today);
    }
    Ok((mapping, validator.validate_table(&table)))
}

/// Today's date (UTC), read here because the engine never reads the clock.
fn today() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Date::from_unix_days(i64::try_from(seconds / 86_400).ok()?)
}

/// The rows to print: all of them, or those with errors.
fn shown_rows<'r>(report: &'r Report, args: &ValidateArgs) -> impl Iterator<Item = &'r RowReport> {
    report
        .rows
        .iter()
        .filter(move |row| !args.errors_only || row.status == RowStatus::Invalid)
}

/// Where a column goes, in words: `email`, `custom birthday`, `tag VIP`, `extra`, `ignored`.
fn target_name(column: &ColumnMapping) -> String {
    match &column.target {
        Target::Field(field) => field.key().to_owned(),
        Target::Custom(key) => format!("custom {key}"),
        Target::Tag(tag) => format!("tag {tag}"),
        Target::Extra => "extra data".to_owned(),
        Target::Ignore => "ignored".to_owned(),
    }
}

/// A finding as one line: where it is, and what it says: `line 4, column "Email": …` (or
/// less, for findings about a whole row or the file).
pub(super) fn finding_line(finding: &Finding, language: Language) -> String {
    let place = table_words::place(language, finding.line, finding.column.as_deref());
    let severity = if finding.is_error() {
        ""
    } else {
        table_words::warning_mark(language)
    };
    format!("{place}{severity}: {}", finding.message(language))
}

fn table(mapping: &Mapping, report: &Report, args: &ValidateArgs) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        table_words::mapping_heading(args.lang, &mapping.fingerprint)
    );
    for column in &mapping.columns {
        let _ = writeln!(
            out,
            "  {:<28} -> {} ({}%)",
            format!("\"{}\"", column.header),
            target_name(column),
            column.confidence
        );
    }
    out.push('\n');
    for finding in &report.file_issues {
        let _ = writeln!(out, "{}", finding_line(finding, args.lang));
    }
    for row in shown_rows(report, args) {
        for finding in &row.issues {
            if args.errors_only && !finding.is_error() {
                continue;
            }
            let _ = writeln!(out, "{}", finding_line(finding, args.lang));
        }
    }
    let summary = report.summary;
    let _ = writeln!(
        out,
        "\n{}",
        table_words::summary(
            args.lang,
            summary.rows,
            summary.valid - summary.warnings,
            summary.warnings,
            summary.invalid
        )
    );
    out
}

fn finding_json(finding: &Finding, language: Language) -> Value {
    json!({
        "line": finding.line,
        "column": finding.column,
        "field": finding.field,
        "severity": finding.severity,
        "code": finding.code,
        "message": finding.message(language),
        "params": finding.params,
        "suggestion": finding.suggestion,
    })
}

fn json_document(mapping: &Mapping, report: &Report, args: &ValidateArgs) -> String {
    let rows: Vec<Value> = shown_rows(report, args)
        .map(|row| {
            json!({
                "line": row.line,
                "status": row.status,
                "issues": row.issues.iter().map(|f| finding_json(f, args.lang)).collect::<Vec<_>>(),
                "record": row.record,
            })
        })
        .collect();
    let document = json!({
        "mapping": mapping,
        "file_issues": report.file_issues.iter().map(|f| finding_json(f, args.lang)).collect::<Vec<_>>(),
        "summary": report.summary,
        "rows": rows,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn csv(report: &Report, args: &ValidateArgs) -> String {
    let mut out = String::from("line,column,field,severity,code,message\n");
    let findings = report
        .file_issues
        .iter()
        .chain(shown_rows(report, args).flat_map(|row| &row.issues))
        .filter(|finding| !args.errors_only || finding.is_error());
    for finding in findings {
        let severity = if finding.is_error() {
            "error"
        } else {
            "warning"
        };
        let fields = [
            finding
                .line
                .map(|line| line.to_string())
                .unwrap_or_default(),
            finding.column.clone().unwrap_or_default(),
            finding.field.clone().unwrap_or_default(),
            severity.to_owned(),
            finding.code.to_string(),
            finding.message(args.lang),
        ];
        let quoted: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        let _ = writeln!(out, "{}", quoted.join(","));
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

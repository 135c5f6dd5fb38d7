//! `clientela inspect FILE`: what the reader detects in a file, its problems and its first rows,
//! for a person (a summary and a table) or for a program (`--json`).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use clientela_shared::{Detected, ReadOptions, Table, read_table_owned_with};
use serde_json::{Value, json};

/// Widest a cell is shown in the table of first rows, in characters.
const SHOWN_CELL_CHARS: usize = 24;

/// What `clientela inspect` takes.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The CSV file or workbook (XLSX, XLSM, XLS, XLSB, ODS) to read.
    file: PathBuf,
    /// Read this sheet of a workbook (default: the first visible sheet with data).
    #[arg(long)]
    sheet: Option<String>,
    /// Read a CSV file in this encoding, such as utf-8, utf-16le or windows-1252.
    #[arg(long)]
    encoding: Option<String>,
    /// Separate CSV fields with this character (`tab` for a tab).
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<char>,
    /// The line (sheet row) that holds the header, as the user sees it.
    #[arg(long)]
    header_line: Option<u64>,
    /// How many data rows to show (0 for all).
    #[arg(long, default_value_t = 10)]
    rows: usize,
    /// Print JSON instead of a summary and a table.
    #[arg(long)]
    json: bool,
}

/// Exit status when the file cannot be read.
const CANNOT_READ: i32 = 2;

/// Reads the file and prints what was found. Gives the exit status: 0, or 2 (with a one-line
/// reason on standard error) when the file cannot be read.
pub fn run(args: InspectArgs) -> i32 {
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => return cannot_read(&args, &err.to_string()),
    };
    let options = ReadOptions {
        sheet: args.sheet.clone(),
        encoding: args.encoding.clone(),
        delimiter: args.delimiter,
        header_line: args.header_line,
        ..ReadOptions::default()
    };
    let size = bytes.len();
    // The table keeps the file's own buffer as its text: the file is not held twice.
    let table = match read_table_owned_with(bytes, &options) {
        Ok(table) => table,
        Err(err) => return cannot_read(&args, &err.to_string()),
    };
    let shown = if args.rows == 0 {
        table.row_count()
    } else {
        args.rows
    };
    let text = if args.json {
        format!("{:#}\n", to_json(&table, shown))
    } else {
        summary(&args, size, &table, shown)
    };
    // A closed pipe (`clientela inspect … | head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    0
}

fn cannot_read(args: &InspectArgs, reason: &str) -> i32 {
    let reason = reason.replace(['\n', '\r'], " ");
    eprintln!(
        "clientela inspect: cannot read {}: {reason}",
        args.file.display()
    );
    CANNOT_READ
}

/// `;`, `,`, `|`, `tab` or `\t`: one character.
fn parse_delimiter(text: &str) -> Result<char, String> {
    match text {
        "tab" | "\\t" => Ok('\t'),
        _ => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(format!(
                    "`{text}` is not one character (use `tab` for a tab)"
                )),
            }
        }
    }
}

/// The JSON form: what was detected (flat, then in full with its bases), the columns, the first
/// rows with their lines, and every problem with its message.
fn to_json(table: &Table, shown: usize) -> Value {
    let detection = table.detection();
    let rows: Vec<Value> = table
        .rows()
        .take(shown)
        .map(|row| json!({ "line": row.line(), "cells": row.cells().collect::<Vec<_>>() }))
        .collect();
    let problems: Vec<Value> = table
        .problems()
        .iter()
        .map(|problem| {
            let mut value = serde_json::to_value(problem).unwrap_or(Value::Null);
            value["message"] = Value::from(problem.to_string());
            value
        })
        .collect();
    json!({
        "format": detection.format.value.name(),
        "encoding": detection.encoding.as_ref().map(|e| e.value.as_str()),
        "delimiter": detection.delimiter.as_ref().map(|d| d.value.to_string()),
        "header_line": detection.header_line.value,
        "sheet": detection.sheet.as_ref().map(|s| s.value.as_str()),
        "sheets": detection.sheets,
        "columns": table.columns(),
        "row_count": table.row_count(),
        "rows": rows,
        "problems": problems,
        "detection": detection,
    })
}

/// The human form: what was detected and why, the sheets, the problems and the first rows.
fn summary(args: &InspectArgs, size: usize, table: &Table, shown: usize) -> String {
    let detection = table.detection();
    let mut out = String::new();
    let _ = writeln!(out, "File:       {} ({size} bytes)", args.file.display());
    line(&mut out, "Format", &detection.format, |f| f.to_string());
    if let Some(encoding) = &detection.encoding {
        line(&mut out, "Encoding", encoding, Clone::clone);
    }
    if let Some(delimiter) = &detection.delimiter {
        line(&mut out, "Delimiter", delimiter, |d| match d {
            '\t' => "tab".to_owned(),
            other => format!("\"{other}\""),
        });
    }
    if let Some(sheet) = &detection.sheet {
        line(&mut out, "Sheet", sheet, |s| format!("\"{s}\""));
    }
    if !detection.sheets.is_empty() {
        let sheets: Vec<String> = detection
            .sheets
            .iter()
            .map(|sheet| {
                if sheet.hidden {
                    format!("{} (hidden)", sheet.name)
                } else {
                    sheet.name.clone()
                }
            })
            .collect();
        let _ = writeln!(out, "Sheets:     {}", sheets.join(", "));
    }
    line(&mut out, "Header", &detection.header_line, |n| {
        format!("line {n}")
    });
    let _ = writeln!(
        out,
        "Columns:    {} ({})",
        table.columns().len(),
        table.columns().join(" | ")
    );
    let _ = writeln!(out, "Rows:       {}", table.row_count());
    if table.problems().is_empty() {
        let _ = writeln!(out, "Problems:   none");
    } else {
        let _ = writeln!(out, "Problems:   {}", table.problems().len());
        for problem in table.problems() {
            let _ = writeln!(out, "  {problem}");
        }
    }
    let shown = shown.min(table.row_count());
    let _ = writeln!(out, "\nFirst {shown} rows:");
    out.push_str(&first_rows(table, shown));
    out
}

fn line<T>(out: &mut String, label: &str, detected: &Detected<T>, show: impl Fn(&T) -> String) {
    let label = format!("{label}:");
    let _ = writeln!(
        out,
        "{label:<11} {} ({})",
        show(&detected.value),
        detected.basis
    );
}

/// The header and the first `shown` rows as a text table, each row with its line.
fn first_rows(table: &Table, shown: usize) -> String {
    let mut grid: Vec<Vec<String>> = vec![
        std::iter::once("line".to_owned())
            .chain(table.columns().iter().map(|name| shorten(name)))
            .collect(),
    ];
    for row in table.rows().take(shown) {
        let width = row.len().max(table.columns().len());
        grid.push(
            std::iter::once(row.line().to_string())
                .chain((0..width).map(|column| shorten(row.cell(column))))
                .collect(),
        );
    }
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            grid.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (index, row) in grid.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        let _ = writeln!(out, "{}", cells.join(" | ").trim_end());
        if index == 0 {
            let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
            let _ = writeln!(out, "{}", rule.join("-+-"));
        }
    }
    out
}

/// A cell on one line, cut to [`SHOWN_CELL_CHARS`] with an ellipsis.
fn shorten(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= SHOWN_CELL_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(SHOWN_CELL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

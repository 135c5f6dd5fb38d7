//! Writes a realistic customer file for trying Clientela out and for benchmarks: names with
//! accents, emails, phones in mixed formats (some already damaged by Excel), dates, quoted fields
//! and a few per cent of invalid rows. The same seed always gives the same file.
//!
//! `cargo xtask gen [--rows N] [--format csv|xlsx] [--seed S] [--out FILE]`

#[path = "../bench_read/customers.rs"]
mod customers;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen [--rows N] [--format csv|xlsx] [--seed S] [--out FILE]
  --rows N        data rows (default 1000)
  --format F      csv or xlsx (default csv)
  --seed S        the same seed gives the same file (default 1)
  --out FILE      where to write (default customers-<rows>.<format>)";

/// What to generate.
#[derive(Debug)]
struct Options {
    rows: u64,
    format: String,
    seed: u64,
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match options.format.as_str() {
        "csv" => customers::csv(options.rows, options.seed),
        "xlsx" => customers::xlsx(options.rows, options.seed),
        _ => unreachable!("checked by parse"),
    };
    let out = options
        .out
        .unwrap_or_else(|| PathBuf::from(format!("customers-{}.{}", options.rows, options.format)));
    if let Err(err) = std::fs::write(&out, &bytes) {
        eprintln!("error: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} rows × {} columns, {:.1} MB)",
        out.display(),
        options.rows,
        customers::COLUMNS.len(),
        bytes.len() as f64 / 1e6
    );
    ExitCode::SUCCESS
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        rows: 1000,
        format: "csv".to_owned(),
        seed: 1,
        out: None,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--rows" => options.rows = number(&flag, &value()?)?,
            "--seed" => options.seed = number(&flag, &value()?)?,
            "--format" => {
                options.format = value()?;
                if !matches!(options.format.as_str(), "csv" | "xlsx") {
                    return Err(format!("unknown format {:?}", options.format));
                }
            }
            "--out" => options.out = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(options)
}

fn number(flag: &str, text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{flag} takes a whole number, not {text:?}"))
}

//! `cargo xtask fuzz [SECONDS]`: feeds the reader random and mutated files with cargo-fuzz
//! (libFuzzer), starting from other projects' test files, and stops at the first crash.

use std::path::PathBuf;

use crate::commands::peer_data;
use crate::shell::{Result, cargo, run, step, workspace_root};
use crate::tools;

/// How long to fuzz when no time is given.
const DEFAULT_SECONDS: u64 = 300;

/// The peer-data folders whose files seed the corpus: CSV and workbooks of every kind.
const SEED_FOLDERS: [&str; 7] = [
    "csv-spectrum/csvs",
    "papaparse",
    "rust-csv-examples",
    "csvw-tests",
    "csv-edge-salesforce-dataloader",
    "udsv",
    "spreadsheets/calamine",
];

pub fn fuzz(args: &[String]) -> Result {
    let seconds = match args.first() {
        None => DEFAULT_SECONDS,
        Some(text) => text
            .parse()
            .map_err(|_| format!("`{text}` is not a number of seconds"))?,
    };
    tools::ensure_cargo_fuzz()?;
    let fuzz_dir = workspace_root().join("shared/fuzz");
    // New inputs go here (ignored by git); the peer-data folders are read as seeds only.
    let corpus = fuzz_dir.join("corpus/read_table");
    std::fs::create_dir_all(&corpus)
        .map_err(|error| format!("cannot create {}: {error}", corpus.display()))?;
    let seeds: Vec<PathBuf> = match peer_data::existing_folder() {
        Ok(folder) => SEED_FOLDERS
            .iter()
            .map(|seed| folder.join(seed))
            .filter(|seed| seed.is_dir())
            .collect(),
        Err(message) => {
            eprintln!("note: {message}; starting from the saved corpus only");
            Vec::new()
        }
    };
    step(&format!("Fuzzing read_table for {seconds} s"));
    run(cargo()
        .args(["fuzz", "run", "read_table", "--fuzz-dir"])
        .arg(&fuzz_dir)
        .arg("--release")
        .arg(&corpus)
        .args(&seeds)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(["-rss_limit_mb=2048", "-max_len=131072", "-timeout=10"])
        // cargo-fuzz needs nightly compiler flags; this machine has stable Rust only.
        .env("RUSTC_BOOTSTRAP", "1"))
}

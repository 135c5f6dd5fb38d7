//! `cargo xtask bench`: the figures the issues ask for, on generated files of a million rows:
//! the reader and the validator (release builds, against the csv crate), the server ingesting an
//! import on SQLite and on PostgreSQL, then the browser wizard from drop to review in headless
//! Chromium, and the size of the first page load.

use std::path::Path;

use crate::commands::{build_ui, release_example, shared_example};
use crate::shell::{Result, cargo, command, output, run, step, target_dir, workspace_root};
use crate::system_packages::{self, CHROMIUM, CHROMIUM_DRIVER, POSTGRESQL};
use crate::tools;

/// Rows of the generated files.
const ROWS: &str = "1000000";

pub fn bench() -> Result {
    step("Benchmark: read_table on a generated 1M-row × 15-column CSV (release build)");
    run(&mut shared_example("bench_read"))?;

    step("Benchmark: validation of the same rows (release build)");
    run(&mut shared_example("bench_validate"))?;

    system_packages::ensure(&[POSTGRESQL])?;
    for database in ["sqlite", "postgres"] {
        step(&format!(
            "Benchmark: the server ingesting 1M customers in 5,000-row batches on {database} \
             (release build)"
        ));
        run(release_example("clientela-server", "bench_ingest")
            .env("BENCH_ROWS", ROWS)
            .env("BENCH_DATABASE", database))?;
    }

    tools::ensure_browser_build_tools()?;
    system_packages::ensure(&[CHROMIUM, CHROMIUM_DRIVER])?;
    build_ui()?;
    first_page_load(&workspace_root().join("dist"))?;

    step("Generating the 1M-row CSV for the browser benchmark");
    let file = target_dir().join("bench/customers-1m.csv");
    if !file.is_file() {
        std::fs::create_dir_all(file.parent().expect("a folder"))
            .map_err(|err| format!("cannot create {}: {err}", file.display()))?;
        run(shared_example("gen")
            .args(["--quiet", "--", "--rows", ROWS, "--out"])
            .arg(&file))?;
    }

    // The worker's own work on the same file, without the browser: what a change to the session
    // gains, measured apart from Chromium's noise.
    for (phones, label) in [("data", "kept as data"), ("phones", "validated")] {
        step(&format!(
            "Benchmark: the import worker's session natively on it (open, check), phones {label}"
        ));
        run(release_example("clientela-frontend", "bench_session")
            .arg("--")
            .arg(&file)
            .arg(phones))?;
    }

    step("Building the server for the browser benchmark");
    run(cargo().args(["build", "--locked", "--package", "clientela-server"]))?;

    step("Benchmark: drop to review on 1M rows in headless Chromium");
    run(cargo()
        .args([
            "test",
            "--locked",
            "--package",
            "clientela-e2e",
            "--test",
            "tests",
        ])
        .args(["--", "--ignored", "--nocapture", "bench_drop_to_review"])
        .env("CLIENTELA_BIN", target_dir().join("debug/clientela"))
        .env("CLIENTELA_UI_DIR", workspace_root().join("dist"))
        .env("CLIENTELA_BENCH_FILE", &file)
        .env("CLIENTELA_BENCH_ROWS", ROWS))
}

/// Prints what the first page load transfers (gzipped, as the server sends it): the HTML, the
/// styles, the app's script and first wasm module. The worker's files and the page's split-off
/// modules (`split_*.wasm`, `chunk_*.wasm`) load after the first paint. The build's own gzipped
/// copies (`*.gz`) are what is measured here, so they are not counted again.
fn first_page_load(dist: &Path) -> Result {
    step("First page load (gzip)");
    let entries =
        std::fs::read_dir(dist).map_err(|err| format!("cannot list {}: {err}", dist.display()))?;
    let mut first_load = 0;
    let mut worker = 0;
    let mut later = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".gz") {
            continue;
        }
        let gzipped = output(
            command("sh")
                .arg("-c")
                .arg(format!("gzip -9c '{}' | wc -c", path.display())),
        )
        .and_then(|bytes| bytes.trim().parse::<u64>().ok())
        .ok_or_else(|| format!("cannot gzip {name}"))?;
        if name.starts_with("clientela-worker") {
            worker += gzipped;
        } else if name.starts_with("split_") || name.starts_with("chunk_") {
            later += gzipped;
        } else {
            println!("  {name}: {gzipped} bytes gzipped");
            first_load += gzipped;
        }
    }
    println!(
        "first page load: {first_load} bytes ({:.0} KB) gzipped; after the first paint, the \
         page's other views: {:.0} KB, the worker: {:.0} KB",
        first_load as f64 / 1024.0,
        later as f64 / 1024.0,
        worker as f64 / 1024.0
    );
    Ok(())
}

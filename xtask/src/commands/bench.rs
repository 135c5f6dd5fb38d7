//! `cargo xtask bench`: times the reader on a generated customer file of a million rows
//! (release build) and prints throughput, memory and the comparison with the csv crate.

use crate::shell::{Result, cargo, run, step};

pub fn bench() -> Result {
    step("Benchmark: read_table on a generated 1M-row × 15-column CSV (release build)");
    run(cargo().args([
        "run",
        "--release",
        "--locked",
        "--package",
        "clientela-shared",
        "--example",
        "bench_read",
    ]))
}

//! Times `read_table` on a generated customer file of a million rows and 15 columns (≈180 MB)
//! and prints what the performance section asks: throughput in MB/s and its ratio to
//! the csv crate counting raw `ByteRecord`s on the same bytes, the table's memory against the
//! file size, and the peak memory of the read.
//!
//! Then the same for a 100,000-row XLSX workbook written with rust_xlsxwriter.
//!
//! `cargo xtask bench` runs it in release mode; `BENCH_ROWS` and `BENCH_XLSX_ROWS` change the
//! number of rows.

mod customers;
mod memory;

use std::time::{Duration, Instant};

use clientela_shared::read_table;

const MB: f64 = 1_000_000.0;

fn main() {
    let rows: u64 = std::env::var("BENCH_ROWS")
        .ok()
        .and_then(|rows| rows.parse().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let file = customers::csv(rows, 42);
    let size = file.len() as f64;
    println!(
        "generated {rows} rows × {} columns: {:.1} MB in {:.1} s",
        customers::COLUMNS.len(),
        size / MB,
        started.elapsed().as_secs_f64()
    );

    let csv_time = best_of(3, || {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&file[..]);
        let mut record = csv::ByteRecord::new();
        let mut count = 0u64;
        while reader.read_byte_record(&mut record).expect("csv reads it") {
            count += 1;
        }
        assert_eq!(count, rows + 1);
    });

    let before = memory::current().unwrap_or(0);
    memory::reset_peak();
    let started = Instant::now();
    let table = read_table(&file).expect("the generated file reads");
    let first_time = started.elapsed();
    let peak = memory::peak();
    assert_eq!(table.row_count() as u64, rows);
    let heap = table.heap_bytes() as f64;
    let problems = table.problems().len();
    drop(table);
    let read_time = best_of(2, || {
        read_table(&file).expect("the generated file reads");
    })
    .min(first_time);

    let throughput = size / MB / read_time.as_secs_f64();
    let csv_throughput = size / MB / csv_time.as_secs_f64();
    println!(
        "read_table:           {:.3} s, {throughput:.0} MB/s ({problems} problems listed)",
        read_time.as_secs_f64()
    );
    println!(
        "csv ByteRecord count: {:.3} s, {csv_throughput:.0} MB/s",
        csv_time.as_secs_f64()
    );
    println!(
        "ratio to csv:         {:.2} (goal ≥ 0.6)",
        throughput / csv_throughput
    );
    println!(
        "Table::heap_bytes:    {:.1} MB = {:.2} × the file",
        heap / MB,
        heap / size
    );
    match peak {
        Some(peak) => println!(
            "peak memory:          {:.1} MB resident during the read ({:.1} MB above the {:.1} MB \
             held before it, file included) = {:.2} × the file (goal ≤ 2×)",
            peak as f64 / MB,
            peak.saturating_sub(before) as f64 / MB,
            before as f64 / MB,
            peak as f64 / size
        ),
        None => println!("peak memory:          not measurable on this system (no /proc)"),
    }
    drop(file);
    let xlsx_rows = std::env::var("BENCH_XLSX_ROWS")
        .ok()
        .and_then(|rows| rows.parse().ok())
        .unwrap_or(100_000);
    bench_xlsx(xlsx_rows);
}

/// Times `read_table` on a generated XLSX workbook of `rows` rows.
fn bench_xlsx(rows: u64) {
    let started = Instant::now();
    let file = customers::xlsx(rows, 42);
    let size = file.len() as f64;
    println!(
        "\ngenerated an XLSX of {rows} rows × {} columns: {:.1} MB in {:.1} s",
        customers::COLUMNS.len(),
        size / MB,
        started.elapsed().as_secs_f64()
    );
    let before = memory::current().unwrap_or(0);
    memory::reset_peak();
    let started = Instant::now();
    let table = read_table(&file).expect("the generated workbook reads");
    let time = started.elapsed();
    let peak = memory::peak();
    assert_eq!(table.row_count() as u64, rows);
    println!(
        "read_table (xlsx):    {:.3} s, {:.0} rows/s, {:.1} MB/s of workbook",
        time.as_secs_f64(),
        rows as f64 / time.as_secs_f64(),
        size / MB / time.as_secs_f64()
    );
    println!(
        "Table::heap_bytes:    {:.1} MB",
        table.heap_bytes() as f64 / MB
    );
    if let Some(peak) = peak {
        println!(
            "peak memory:          {:.1} MB above the {:.1} MB held before the read",
            peak.saturating_sub(before) as f64 / MB,
            before as f64 / MB
        );
    }
}

/// The shortest of `runs` timings of `work`.
fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

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

use clientela_shared::{Table, read_table, read_table_owned};

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
        let started = Instant::now();
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
        started.elapsed()
    });
    let csv_throughput = size / MB / csv_time.as_secs_f64();
    println!(
        "csv ByteRecord count: {:.3} s, {csv_throughput:.0} MB/s",
        csv_time.as_secs_f64()
    );

    // The caller keeps the file, so the table holds a copy of its text.
    let mut borrowed = read_once(&file[..], rows, read_table);
    let again = best_time(2, rows, || &file[..], read_table);
    borrowed.time = borrowed.time.min(again);
    borrowed.print("read_table", size, csv_throughput);
    // The caller hands the file over, as the browser worker and the command line do: the
    // table's text is the file's own buffer. The copies fed to the first runs are made before
    // the clock starts; the last run takes the file itself, so the peak counts it once.
    let again = best_time(2, rows, || file.clone(), read_table_owned);
    let mut owned = read_once(file, rows, read_table_owned);
    owned.time = owned.time.min(again);
    owned.print("read_table_owned", size, csv_throughput);

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

/// What one way of reading the file cost.
struct Reading {
    /// The shortest read (the table's drop not included).
    time: Duration,
    /// The table's own count of its memory.
    heap: usize,
    problems: usize,
    /// Resident memory before the first read, and at its peak during it.
    before: Option<u64>,
    peak: Option<u64>,
}

/// Reads `input` once with `read`, measuring time and memory.
fn read_once<F>(input: F, rows: u64, read: impl FnOnce(F) -> ReadResult) -> Reading {
    let before = memory::current();
    memory::reset_peak();
    let (time, table) = timed_read(input, rows, read);
    let peak = memory::peak();
    Reading {
        time,
        heap: table.heap_bytes(),
        problems: table.problems().len(),
        before,
        peak,
    }
}

/// The shortest of `runs` reads with `read` of what `prepare` gives (prepared off the clock).
fn best_time<F>(
    runs: usize,
    rows: u64,
    mut prepare: impl FnMut() -> F,
    mut read: impl FnMut(F) -> ReadResult,
) -> Duration {
    (0..runs)
        .map(|_| timed_read(prepare(), rows, &mut read).0)
        .min()
        .unwrap_or_default()
}

type ReadResult = Result<Table, clientela_shared::Error>;

fn timed_read<F>(file: F, rows: u64, read: impl FnOnce(F) -> ReadResult) -> (Duration, Table) {
    let started = Instant::now();
    let table = read(file).expect("the generated file reads");
    let time = started.elapsed();
    assert_eq!(table.row_count() as u64, rows);
    (time, table)
}

impl Reading {
    fn print(&self, name: &str, size: f64, csv_throughput: f64) {
        let throughput = size / MB / self.time.as_secs_f64();
        println!(
            "{:<22}{:.3} s, {throughput:.0} MB/s, {:.2} of csv's (goal ≥ 0.6); {} problems listed",
            format!("{name}:"),
            self.time.as_secs_f64(),
            throughput / csv_throughput,
            self.problems
        );
        println!(
            "  Table::heap_bytes:   {:.1} MB = {:.2} × the file",
            self.heap as f64 / MB,
            self.heap as f64 / size
        );
        match (self.before, self.peak) {
            (Some(before), Some(peak)) => println!(
                "  peak memory:         {:.1} MB resident during the read ({:.1} MB above the \
                 {:.1} MB held before it, file included) = {:.2} × the file (goal ≤ 2×)",
                peak as f64 / MB,
                peak.saturating_sub(before) as f64 / MB,
                before as f64 / MB,
                peak as f64 / size
            ),
            _ => println!("  peak memory:         not measurable on this system (no /proc)"),
        }
    }
}

/// The shortest of `runs` timings given by `work`.
fn best_of(runs: usize, mut work: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| work()).min().unwrap_or_default()
}

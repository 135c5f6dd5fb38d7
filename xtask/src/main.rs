//! The project's commands, run with `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//!
//! Each command installs what a fresh Debian machine with only the Rust toolchain lacks, then does
//! its work, saying what every step is doing.

mod commands;
mod pins;
mod shell;
mod smtp_sink;
mod system_packages;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  run [SERVER OPTIONS]   build the UI and the server, then start Clientela on http://127.0.0.1:8080
                         (options go to `clientela serve`, e.g. `cargo xtask run --addr 0.0.0.0:8080`)
  test                   format check, clippy (native and wasm32), and every test, browser ones included
                         and the conformance suites (peer data: CLIENTELA_PEER_DATA)
  conformance            run the readers and validators against other projects' test suites and print a
                         pass/fail table (folder: CLIENTELA_PEER_DATA, default ../shared/peer-data)
  fuzz [SECONDS]         fuzz the file reader with cargo-fuzz (default 300 s; installs cargo-fuzz if missing)
  gen [--rows N] [--format csv|xlsx] [--seed S] [--out FILE]
                         write a realistic customer file (accents, mixed phone formats, some invalid rows)
  post-build             split the page's wasm at its split points and gzip the app's files (Trunk runs it
                         after each build)
  bench                  time the reader on a generated 1M-row CSV (and a 100k-row XLSX): MB/s, memory";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => commands::run::run(without_separator(&args[1..])),
        Some("test") => commands::test::test(),
        Some("conformance") => commands::conformance::conformance(),
        Some("fuzz") => commands::fuzz::fuzz(&args[1..]),
        Some("bench") => commands::bench::bench(),
        Some("post-build") => commands::split_page::post_build(),
        Some("gen") => commands::generate::generate(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run -- --addr …` and `cargo xtask run --addr …` mean the same.
fn without_separator(args: &[String]) -> &[String] {
    match args.first() {
        Some(first) if first == "--" => &args[1..],
        _ => args,
    }
}

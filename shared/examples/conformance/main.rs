//! Runs Clientela's readers and validators against other projects' test suites and prints a
//! pass/fail table per suite.
//!
//! The suites live in the team's peer-data folder: `CLIENTELA_PEER_DATA`, by default
//! `../shared/peer-data` beside the workspace. `cargo xtask conformance` runs this.
//! Exit status 1 when a case fails (deliberate differences, listed with their reason, do not).

mod calamine_samples;
mod csv_core;
mod csv_spectrum;
mod csvw;
mod email_vectors;
mod national_ids;
mod papaparse;
mod phone_vectors;
mod records;
mod report;
mod salesforce_encodings;
mod udsv;

use std::path::PathBuf;
use std::process::ExitCode;

use report::Suite;

/// Every suite, in the order the table lists them.
const SUITES: &[(&str, report::RunSuite)] = &[
    ("csv-spectrum", csv_spectrum::run),
    ("papaparse", papaparse::run),
    ("rust-csv", csv_core::run),
    ("csvw", csvw::run),
    ("salesforce", salesforce_encodings::run),
    ("udsv", udsv::run),
    ("calamine", calamine_samples::run),
    ("email-vectors", email_vectors::run),
    ("phone-vectors", phone_vectors::run),
    ("national-ids", national_ids::run),
];

fn main() -> ExitCode {
    let folder = peer_data_folder();
    if !folder.is_dir() {
        eprintln!(
            "error: no peer data at {} (set CLIENTELA_PEER_DATA)",
            folder.display()
        );
        return ExitCode::from(2);
    }
    let suites: Vec<Suite> = SUITES.iter().map(|(_, run)| run(&folder)).collect();
    report::print(&suites);
    if suites.iter().all(Suite::passed_all) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn peer_data_folder() -> PathBuf {
    std::env::var_os("CLIENTELA_PEER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-data"))
}

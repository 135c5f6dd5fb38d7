//! `cargo xtask conformance`: runs the readers against other projects' test suites and prints a
//! pass/fail table per suite.

use crate::commands::peer_data;
use crate::shell::{Result, cargo, run, step};

pub fn conformance() -> Result {
    let folder = peer_data::existing_folder()?;
    step(&format!(
        "Conformance against other projects' test suites in {}",
        folder.display()
    ));
    run(cargo()
        .args([
            "run",
            "--release",
            "--locked",
            "--package",
            "clientela-shared",
            "--example",
            "conformance",
        ])
        .env(peer_data::VARIABLE, &folder))
}

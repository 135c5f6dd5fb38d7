//! `cargo xtask conformance`: runs the readers against other projects' test suites and prints a
//! pass/fail table per suite.

use crate::commands::{peer_data, shared_example};
use crate::shell::{Result, run, step};

pub fn conformance() -> Result {
    let folder = peer_data::existing_folder()?;
    step(&format!(
        "Conformance against other projects' test suites in {}",
        folder.display()
    ));
    run(shared_example("conformance").env(peer_data::VARIABLE, &folder))
}

//! One module per `cargo xtask` command, plus the steps they share.

pub mod bench;
pub mod conformance;
pub mod fuzz;
pub mod generate;
mod peer_data;
pub mod run;
pub mod test;

use crate::shell::{Result, command, run, step};

/// Builds the browser app in release mode into `dist/`, which the server serves.
fn build_ui() -> Result {
    step("Building the browser app (release) into dist/");
    run(command("trunk").args(["build", "--release"]))
}

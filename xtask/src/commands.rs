//! One module per `cargo xtask` command, plus the steps they share.

pub mod bench;
pub mod conformance;
pub mod fuzz;
pub mod generate;
mod peer_data;
mod precompress;
pub mod run;
pub mod split_page;
pub mod test;

use crate::shell::{Result, command, run, step};

/// Builds the browser app in release mode into `dist/`, which the server serves.
fn build_ui() -> Result {
    step("Building the browser app (release) into dist/");
    run(command("trunk").args(["build", "--release"]))
}

/// `cargo run --release` of one of `clientela-shared`'s examples (the benchmarks, the
/// conformance runner); add its arguments and environment to the command.
fn shared_example(name: &str) -> std::process::Command {
    release_example("clientela-shared", name)
}

/// `cargo run --release` of `package`'s example `name`; add its arguments and environment.
fn release_example(package: &str, name: &str) -> std::process::Command {
    let mut command = crate::shell::cargo();
    command
        .args(["run", "--release", "--locked", "--package", package])
        .args(["--example", name]);
    command
}

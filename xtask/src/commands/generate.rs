//! `cargo xtask gen [--rows N] [--format csv|xlsx] [--seed S] [--out FILE]`: writes a realistic
//! customer file (release build of `shared/examples/gen`), relative to where it was started.

use crate::shell::{Result, cargo, run, step, workspace_root};

pub fn generate(args: &[String]) -> Result {
    step("Generating a customer file");
    let here = std::env::current_dir().map_err(|err| format!("no current folder: {err}"))?;
    let manifest = workspace_root().join("Cargo.toml");
    let mut command = cargo();
    command
        .current_dir(here)
        .args(["run", "--quiet", "--release", "--locked", "--manifest-path"])
        .arg(manifest)
        .args(["--package", "clientela-shared", "--example", "gen", "--"])
        .args(args);
    run(&mut command)
}

//! `cargo xtask run`: build everything and start Clientela with an SQLite file in the workspace.

use crate::commands::build_ui;
use crate::shell::{Result, cargo, command, run as run_command, step, target_dir};
use crate::tools;

/// Builds the UI and the server, then runs `clientela serve` with `server_args` until stopped.
pub fn run(server_args: &[String]) -> Result {
    tools::ensure_browser_build_tools()?;
    build_ui()?;
    step("Building the server (release)");
    run_command(cargo().args(["build", "--release", "--package", "clientela-server"]))?;
    step("Starting Clientela (Ctrl-C stops it)");
    let server = target_dir().join("release/clientela");
    run_command(command(server).arg("serve").args(server_args))
}

//! Running programs: every step says what it does, every command is echoed before it runs.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A task's outcome; the error is a message for the person at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

/// Announces the next step of a task.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// The workspace's top folder, where every command runs.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the workspace root")
        .to_owned()
}

/// A command for `program`, run in the workspace root, that also finds the tools
/// `cargo install` puts in Cargo's bin folder (often not on a fresh machine's PATH).
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(workspace_root())
        .env("PATH", search_path());
    command
}

/// A `cargo` command, using the same Cargo that runs this task.
pub fn cargo() -> Command {
    command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command` with the terminal attached, so its own progress shows; fails if it fails.
pub fn run(command: &mut Command) -> Result {
    let line = describe(command);
    eprintln!("    $ {line}");
    let status = command
        .status()
        .map_err(|error| format!("could not start `{line}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// What `command` prints on standard output, if it starts and succeeds.
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Cargo's bin folder followed by the inherited PATH.
fn search_path() -> OsString {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let folders = cargo_home
        .map(|home| home.join("bin"))
        .into_iter()
        .chain(std::env::split_paths(&inherited));
    std::env::join_paths(folders).unwrap_or(inherited)
}

fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_name()
        .unwrap_or(command.get_program())
        .to_string_lossy()
        .into_owned();
    command
        .get_args()
        .map(OsStr::to_string_lossy)
        .fold(program, |line, arg| format!("{line} {arg}"))
}

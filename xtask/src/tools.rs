//! The Rust-side tools that build the browser app, installed when missing.

use std::path::Path;

use crate::pins;
use crate::shell::{Result, cargo, command, output, run, step};

/// The Trunk release that works with this machine's Rust (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm splitter matching the `wasm_split_helpers` runtime Leptos uses.
const WASM_SPLIT_VERSION: &str = "0.2.4";

/// Makes sure the wasm32 target, Trunk, wasm-bindgen's command line tools and the wasm splitter
/// are installed.
pub fn ensure_browser_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    ensure_wasm_split()?;
    // Installs `wasm-bindgen` and `wasm-bindgen-test-runner`; its lock file is not
    // kept up to date upstream, so it is installed without `--locked`.
    ensure_cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &pins::wasm_bindgen()?,
        false,
    )
}

fn ensure_wasm_target() -> Result {
    let sysroot = output(command("rustc").args(["--print", "sysroot"]))
        .ok_or("could not run `rustc --print sysroot`: is the Rust toolchain installed?")?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        return Ok(());
    }
    step(&format!("Installing the Rust target {WASM_TARGET}"));
    run(command("rustup").args(["target", "add", WASM_TARGET])).map_err(|error| {
        format!("{error}\nInstall the target with `rustup target add {WASM_TARGET}`.")
    })
}

/// Installs `package` at `version` with `cargo install` unless `program --version` already
/// reports that version.
fn ensure_cargo_tool(program: &str, package: &str, version: &str, locked: bool) -> Result {
    let installed = output(command(program).arg("--version"));
    if installed.as_deref() == Some(&format!("{program} {version}")) {
        return Ok(());
    }
    let found = installed.map_or("not installed".to_owned(), |line| format!("found `{line}`"));
    step(&format!(
        "Installing {package} {version} with cargo install ({found}; this takes several minutes)"
    ));
    let mut install = cargo();
    install
        .args(["install", package, "--version", version, "--force"])
        // A tool does not need the slow whole-program optimisation; this saves minutes.
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// Installs `wasm-split-cli` unless Cargo lists it as installed at the pinned version (it has
/// no `--version`).
fn ensure_wasm_split() -> Result {
    let package = "wasm_split_cli_support";
    let installed = output(cargo().args(["install", "--list"])).unwrap_or_default();
    if installed.contains(&format!("{package} v{WASM_SPLIT_VERSION}:")) {
        return Ok(());
    }
    step(&format!(
        "Installing {package} {WASM_SPLIT_VERSION} with cargo install (about two minutes)"
    ));
    let mut install = cargo();
    install
        .args([
            "install",
            package,
            "--version",
            WASM_SPLIT_VERSION,
            "--force",
            "--locked",
        ])
        .args(["--features", "build-binary"])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    run(&mut install)
}

/// The cargo-fuzz release the fuzz targets are run with.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Makes sure cargo-fuzz is installed (it runs the reader's fuzz targets).
pub fn ensure_cargo_fuzz() -> Result {
    ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", CARGO_FUZZ_VERSION, true)
}

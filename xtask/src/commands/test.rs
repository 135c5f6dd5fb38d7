//! `cargo xtask test`: every check CI runs, in the order that fails fastest.

use crate::commands::{build_ui, conformance, peer_data};
use crate::shell::{Result, cargo, run, step, target_dir, workspace_root};
use crate::system_packages::{self, CHROMIUM, CHROMIUM_DRIVER, POSTGRESQL};
use crate::{smtp_sink, tools};

/// Crates that also compile to WebAssembly, checked by clippy for that target too.
const WASM_CRATES: [&str; 4] = [
    "--package",
    "clientela-shared",
    "--package",
    "clientela-frontend",
];

pub fn test() -> Result {
    tools::ensure_browser_build_tools()?;
    system_packages::ensure(&[CHROMIUM, CHROMIUM_DRIVER, POSTGRESQL])?;
    smtp_sink::ensure()?;

    step("Checking formatting");
    run(cargo().args(["fmt", "--all", "--check"]))?;

    step("Clippy, native");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("Clippy, wasm32");
    run(cargo()
        .args([
            "clippy",
            "--all-targets",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            // The page's `split` feature too, which only its release build turns on.
            "--all-features",
        ])
        .args(WASM_CRATES)
        .args(["--", "-D", "warnings"]))?;

    build_ui()?;

    step("Building the server for the end-to-end tests");
    run(cargo().args(["build", "--locked", "--package", "clientela-server"]))?;

    step("Unit, integration and end-to-end tests (SQLite, PostgreSQL, headless Chromium)");
    let root = workspace_root();
    run(cargo()
        .args(["test", "--workspace", "--locked"])
        .env(peer_data::VARIABLE, peer_data::folder())
        .env("CLIENTELA_BIN", target_dir().join("debug/clientela"))
        .env("CLIENTELA_UI_DIR", root.join("dist")))?;

    // Like the tests above, the conformance suites need the peer data; a missing folder fails.
    conformance::conformance()?;

    step("Browser component tests (wasm in headless Chromium)");
    run(cargo()
        .args(["test", "--locked", "--package", "clientela-frontend"])
        .args(["--target", "wasm32-unknown-unknown"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", chromedriver())
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root.join("frontend/webdriver.json"),
        ))?;

    step("All checks passed");
    Ok(())
}

/// wasm-bindgen-test-runner needs ChromeDriver's full path.
fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned())
}

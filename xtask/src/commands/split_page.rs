//! `cargo xtask post-build`: run by Trunk after each build (a `post_build` hook in Trunk.toml).
//!
//! The page's wasm has split points (`frontend/src/later_views.rs`): the wizard's later steps
//! and the other pages. `wasm-split-cli` cuts the wasm Cargo built there into the first module
//! and one module per split point (plus chunks they share) and writes `__wasm_split.js`, which
//! fetches them. wasm-bindgen then makes the first module's bindings, in place of the ones
//! Trunk made for the whole wasm, under the same names, so Trunk's `index.html` loads it.

use std::path::{Path, PathBuf};

use crate::shell::{Result, command, run, step, target_dir};

/// The page's binary, as Cargo names its wasm.
const PAGE: &str = "clientela-frontend";

/// What Trunk's `post_build` hook runs (`cargo xtask post-build`), in Trunk's staging folder:
/// the page's wasm is split, then every file gets its gzipped copy. (Trunk runs the hooks of a
/// stage at once, so the two are one hook, in order.)
pub fn post_build() -> Result {
    let staging = PathBuf::from(
        std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("post-build runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?,
    );
    split_page(&staging)?;
    super::precompress::precompress(&staging)
}

/// Splits the page Trunk just built, in Trunk's staging folder.
fn split_page(staging: &Path) -> Result {
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    // Index.html names the Cargo profile the release build uses.
    let profile_dir = if release { "wasm-release" } else { "debug" };
    let built = target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join(format!("{PAGE}.wasm"));
    let stem = staged_stem(staging)?;
    step(&format!("Splitting the page's wasm ({})", built.display()));
    let parts = staging.join("split-parts");
    // Left over from an earlier build that failed half-way.
    let _ = std::fs::remove_dir_all(&parts);
    run(command("wasm-split-cli").arg(&built).arg(&parts).args([
        "--target",
        "web",
        "--out-name",
        &stem,
    ]))?;
    run(command("wasm-bindgen")
        .arg(parts.join(format!("{stem}.wasm")))
        .arg("--out-dir")
        .arg(staging)
        .args(["--out-name", &stem, "--target", "web", "--no-typescript"])
        // The split modules call the first one's functions by their linker names.
        .arg("--keep-lld-exports")
        .args(["--remove-name-section", "--remove-producers-section"]))?;
    for entry in std::fs::read_dir(&parts).map_err(|err| err.to_string())? {
        let path = entry.map_err(|err| err.to_string())?.path();
        let name = path.file_name().unwrap_or_default();
        if name != Path::new(&format!("{stem}.wasm")).as_os_str() {
            std::fs::rename(&path, staging.join(name)).map_err(|err| err.to_string())?;
        }
    }
    std::fs::remove_dir_all(&parts).map_err(|err| err.to_string())
}

/// The name Trunk gave the page's bindings, `clientela-frontend-<hash>`, from its `.js` file.
fn staged_stem(staging: &Path) -> Result<String> {
    let entries = std::fs::read_dir(staging).map_err(|err| err.to_string())?;
    entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".js").map(str::to_owned))
        .find(|stem| stem.starts_with(&format!("{PAGE}-")))
        .ok_or_else(|| format!("Trunk staged no {PAGE}-<hash>.js in {}", staging.display()))
}

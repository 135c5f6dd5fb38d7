//! `cargo xtask post-build` (Trunk's `post_build` hook) writes a gzipped copy beside each of the
//! app's files, once per build, and the server sends it to browsers that take gzip.
//!
//! Compressed on every request instead, the worker's 4.6 MB of wasm took the server 0.8 s
//! (its debug build, which the browser tests run) before the browser could start compiling it.

use std::path::Path;

use crate::shell::{Result, command, run, step};

/// The kinds of file worth compressing: text and wasm. Images and the like are compressed
/// already.
const COMPRESSED: [&str; 4] = ["wasm", "js", "css", "html"];

/// Writes `<file>.gz` beside every such file in `dir` (gzip -9; the file stays).
pub fn precompress(dir: &Path) -> Result {
    step(&format!("Compressing the app's files ({})", dir.display()));
    let entries =
        std::fs::read_dir(dir).map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|err| err.to_string())?.path();
        let compressible = path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| COMPRESSED.contains(&extension));
        if compressible && path.is_file() {
            run(command("gzip")
                .args(["-9", "--keep", "--force", "--no-name"])
                .arg(&path))?;
        }
    }
    Ok(())
}

//! Tool versions pinned in the repository, read from the files that pin them.

use crate::shell::{Result, workspace_root};

/// The `wasm-bindgen` crate version pinned with `=` in the workspace `Cargo.toml`. The
/// wasm-bindgen command line tools must be exactly this version, and so must Trunk.toml's pin.
pub fn wasm_bindgen() -> Result<String> {
    let cargo_pin = pinned_value("Cargo.toml", "wasm-bindgen")?;
    let Some(version) = cargo_pin.strip_prefix('=') else {
        return Err(format!(
            "Cargo.toml must pin wasm-bindgen exactly (`wasm-bindgen = \"={cargo_pin}\"`)"
        ));
    };
    let trunk_pin = pinned_value("Trunk.toml", "wasm_bindgen")?;
    if trunk_pin != version {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen {trunk_pin} but Cargo.toml pins wasm-bindgen {version}: \
             make them equal"
        ));
    }
    Ok(version.to_owned())
}

/// The quoted value of the first `key = "value"` line in `file`.
fn pinned_value(file: &str, key: &str) -> Result<String> {
    let path = workspace_root().join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("could not read {}: {error}", path.display()))?;
    text.lines()
        .filter_map(|line| line.split_once('='))
        .find(|(name, _)| name.trim() == key)
        .and_then(|(_, value)| value.trim().strip_prefix('"')?.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("{file} has no `{key} = \"…\"` line"))
}

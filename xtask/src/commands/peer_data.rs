//! Where other projects' test suites are: `CLIENTELA_PEER_DATA`, by default `../shared/peer-data`
//! beside the workspace.

use std::path::PathBuf;

use crate::shell::workspace_root;

/// The environment variable that names the peer-data folder.
pub const VARIABLE: &str = "CLIENTELA_PEER_DATA";

/// The peer-data folder, absolute, whether or not it exists.
pub fn folder() -> PathBuf {
    let folder = std::env::var_os(VARIABLE)
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/peer-data"));
    let folder = if folder.is_absolute() {
        folder
    } else {
        std::env::current_dir()
            .map(|here| here.join(&folder))
            .unwrap_or(folder)
    };
    folder.canonicalize().unwrap_or(folder)
}

/// The peer-data folder, or a message saying how to provide it.
pub fn existing_folder() -> Result<PathBuf, String> {
    let folder = folder();
    if folder.is_dir() {
        Ok(folder)
    } else {
        Err(format!(
            "no peer data at {}: set {VARIABLE} to the folder of other projects' test suites",
            folder.display()
        ))
    }
}

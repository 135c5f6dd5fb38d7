//! Where other projects' test files are.

use std::path::PathBuf;

/// The peer-data folder, or `None` (the tests that need it are then skipped, saying so).
pub fn folder() -> Option<PathBuf> {
    let folder = std::env::var_os("CLIENTELA_PEER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-data")
        });
    if folder.is_dir() {
        Some(folder)
    } else {
        eprintln!("skipped: no peer data at {}", folder.display());
        None
    }
}

/// The bytes of `relative` under the peer-data folder.
pub fn read(relative: &str) -> Option<Vec<u8>> {
    let path = folder()?.join(relative);
    Some(std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
}

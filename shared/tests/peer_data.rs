//! Where other projects' test files are.
//!
//! The tests that need them fail (never pass silently) when the folder is missing: CI has it,
//! and a developer points `CLIENTELA_PEER_DATA` at a copy.

use std::path::PathBuf;

/// The peer-data folder: `CLIENTELA_PEER_DATA`, by default `../shared/peer-data` beside the
/// workspace. Panics with what to do when it is not there.
pub fn folder() -> PathBuf {
    let folder = std::env::var_os("CLIENTELA_PEER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-data")
        });
    assert!(
        folder.is_dir(),
        "no peer data at {}: set CLIENTELA_PEER_DATA to the folder of other projects' test files",
        folder.display()
    );
    folder
}

/// The bytes of `relative` under the peer-data folder.
pub fn read(relative: &str) -> Vec<u8> {
    let path = folder().join(relative);
    std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

//! The team's phone vectors, for the tests that compare phone paths on them: the file
//! `phone-vectors/phone-vectors.csv` of the peer data (`CLIENTELA_PEER_DATA`, by default
//! `../shared/peer-data` beside the workspace).

use std::path::PathBuf;

/// The vectors' CSV text; `None`, said on stderr, when the peer data is not there (CI always
/// has it; a lone checkout may not).
pub(super) fn phone_vectors() -> Option<String> {
    let folder = std::env::var_os("CLIENTELA_PEER_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-data")
        });
    let path = folder.join("phone-vectors/phone-vectors.csv");
    let vectors = std::fs::read_to_string(&path);
    if vectors.is_err() {
        eprintln!(
            "no phone vectors at {}: only the other tests ran",
            path.display()
        );
    }
    vectors.ok()
}

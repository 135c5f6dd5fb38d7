//! Mappings remembered on this device, by the headers of the file they were made for, so the
//! next file from the same system is mapped the same way without asking.

use clientela_shared::Mapping;

/// The key prefix in the browser's local storage.
const KEY_PREFIX: &str = "clientela.mapping.";

/// Keeps `mapping` for files with the same headers.
pub fn remember(mapping: &Mapping) {
    let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(mapping)) else {
        return;
    };
    // A full storage only means the mapping is not remembered.
    let _ = storage.set_item(&format!("{KEY_PREFIX}{}", mapping.fingerprint), &json);
}

/// The mapping remembered for a file with these headers, if any.
pub fn recall(fingerprint: &str, headers: &[String]) -> Option<Mapping> {
    let json = storage()?
        .get_item(&format!("{KEY_PREFIX}{fingerprint}"))
        .ok()??;
    let mapping: Mapping = serde_json::from_str(&json).ok()?;
    let same_headers = mapping.columns.len() == headers.len()
        && mapping
            .columns
            .iter()
            .zip(headers)
            .all(|(column, header)| &column.header == header);
    same_headers.then_some(mapping)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

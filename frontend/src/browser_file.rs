//! Reading a file the user picked or dropped.

use js_sys::Uint8Array;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// The whole content of `file`.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|err| describe(&err))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A JavaScript error in words.
pub fn describe(err: &JsValue) -> String {
    err.as_string()
        .or_else(|| js_sys::Error::from(err.clone()).message().as_string())
        .unwrap_or_else(|| "unknown browser error".into())
}

//! Both ends of the import worker: [`serve`] runs inside it, [`ask`] sends it a request from the
//! page and waits for the answer.
//!
//! A message is a JavaScript array `[id, json, file?]`; the answer is `[id, json]`. The worker
//! says `[-1, "ready"]` once it listens, since messages sent earlier would be lost.

mod answer;
mod client;
mod helper;
mod server;
mod validate;

pub use answer::Answer;
pub use client::{ask, ask_with_file, ask_with_side_file, start};
pub use server::serve;

/// The id of the worker's "I am listening" message.
const READY: f64 = -1.0;

/// Starts the worker Trunk built (`clientela-worker.js` and its `_bg.wasm`, served from
/// `origin`) through a tiny loader script: the page starts the import worker so, and the
/// import worker its helper.
fn start_worker_code(origin: &str) -> Result<web_sys::Worker, wasm_bindgen::JsValue> {
    use web_sys::{Blob, BlobPropertyBag, Url, Worker};
    let loader = format!(
        "importScripts('{origin}/clientela-worker.js');\
         wasm_bindgen('{origin}/clientela-worker_bg.wasm');"
    );
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob =
        Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&loader.into()), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    Worker::new(&url)
}

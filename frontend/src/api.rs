//! Calls to the Clientela server.

use clientela_shared::{ImportReceipt, ImportRequest};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use crate::browser_file::describe;

/// Sends rows to the server to be stored.
pub async fn import_customers(request: &ImportRequest) -> Result<ImportReceipt, String> {
    let body = serde_json::to_string(request).map_err(|err| err.to_string())?;
    post_json("/api/customers", &body).await
}

async fn post_json<T: DeserializeOwned>(url: &str, body: &str) -> Result<T, String> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let request = Request::new_with_str_and_init(url, &init).map_err(|e| describe(&e))?;
    request
        .headers()
        .set("content-type", "application/json")
        .map_err(|e| describe(&e))?;
    let window = web_sys::window().ok_or("no browser window")?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| "The server cannot be reached. Check your connection and try again.")?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        serde_json::from_str(&text)
            .map_err(|err| format!("Unexpected answer from the server: {err}"))
    } else {
        Err(server_message(response.status(), &text))
    }
}

/// The message of the server's JSON error, or the status when there is none.
fn server_message(status: u16, body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("The server answered with status {status}."))
}

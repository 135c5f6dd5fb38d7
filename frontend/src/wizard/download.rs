//! Saving files the app made (a template, the rows not sent) on the user's computer.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::WizardState;
use crate::protocol::Request;
use crate::text::Text;

/// Asks the worker for the rows that will not be sent (errors, left out) and saves them as
/// `<file>-<suffix>.csv`.
pub fn save_rows_not_sent(state: WizardState, suffix: &'static str) {
    leptos::task::spawn_local(async move {
        let preparing = state.texts().text(Text::PreparingTheFile).to_owned();
        if let Some(text) = state
            .ask::<String>(preparing, &Request::ProblemsCsv, None)
            .await
        {
            let name = state
                .file
                .with_untracked(|f| f.as_ref().map(|f| f.name.clone()))
                .unwrap_or_default();
            save_csv(&format!("{}-{suffix}.csv", stem(&name)), &text);
        }
    });
}

/// A file name without its extension.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Offers `text` as the download `name`. A byte-order mark goes first so Excel reads the CSV
/// as UTF-8.
pub fn save_csv(name: &str, text: &str) {
    let with_bom = format!("\u{feff}{text}");
    if let Err(err) = save(name, "text/csv;charset=utf-8", &with_bom.into()) {
        web_sys::console::error_1(&err);
    }
}

/// Offers the Excel workbook `bytes` as the download `name`.
pub fn save_workbook(name: &str, bytes: &[u8]) {
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if let Err(err) = save(name, XLSX, &Uint8Array::from(bytes).into()) {
        web_sys::console::error_1(&err);
    }
}

/// Offers `content` (a string or bytes) as the download `name`.
fn save(
    name: &str,
    mime: &str,
    content: &wasm_bindgen::JsValue,
) -> Result<(), wasm_bindgen::JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    // The constructor takes strings and bytes alike, whatever web-sys's name says.
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(content), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .ok_or("no window")?
        .document()
        .ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Url::revoke_object_url(&url)
}

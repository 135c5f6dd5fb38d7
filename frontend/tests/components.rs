//! Component tests, run in headless Chromium by `wasm-bindgen-test-runner`
//! (`cargo xtask test` does it; they only exist for `wasm32`).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use clientela_frontend::{App, LoadedFile, TablePreview};
use clientela_shared::read_table;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh element of the page and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    leptos::mount::mount_to(parent.clone(), view).forget();
    parent
}

#[wasm_bindgen_test]
fn preview_shows_counts_separator_and_file_lines() {
    let table = read_table("Nombre;Correo\nJosé;a@x.com\n\nLuis;l@x.com\n".as_bytes()).unwrap();
    let file = Arc::new(LoadedFile {
        name: "clientes.csv".into(),
        table,
    });
    let parent = mount(move || view! { <TablePreview file=file /> });
    let text = parent.text_content().unwrap();
    assert!(
        text.contains(
            "2 rows and 2 columns in clientes.csv (header on line 1, separator semicolon)"
        ),
        "{text}"
    );
    let lines: Vec<String> = (0..2)
        .map(|i| {
            parent
                .query_selector_all("td.line")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, ["2", "4"]);
    assert!(text.contains("José"));
}

#[wasm_bindgen_test]
fn app_offers_a_file_input_for_csv() {
    let parent = mount(App);
    let input = parent
        .query_selector("input#file-input[type=file]")
        .unwrap();
    assert!(input.is_some(), "{}", parent.inner_html());
    assert!(parent.text_content().unwrap().contains("Import customers"));
}

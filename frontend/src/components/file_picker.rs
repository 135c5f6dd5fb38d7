//! A drop zone that also works as a file button, with the keyboard too.

use leptos::prelude::*;
use web_sys::{File, FileList, HtmlInputElement};

use crate::language::{translated, use_language};
use crate::text::Text;

/// The file types the readers understand.
const ACCEPTED: &str = ".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.xlsb,.ods,text/csv";

/// Lets the user drop a file or pick one.
#[component]
pub fn FilePicker(
    /// Called with the file the user gave.
    on_file: Callback<File>,
) -> impl IntoView {
    let language = use_language();
    let dragging = RwSignal::new(false);
    let take_first = move |files: Option<FileList>| {
        if let Some(file) = files.and_then(|list| list.get(0)) {
            on_file.run(file);
        }
    };

    view! {
        <label
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                take_first(ev.data_transfer().and_then(|data| data.files()));
            }
        >
            <strong>{translated(language, Text::DropFileHere)}</strong>
            {translated(language, Text::OrChooseOne)}
            <br />
            <input
                id="file-input"
                type="file"
                accept=ACCEPTED
                on:change=move |ev| {
                    let input: HtmlInputElement = event_target(&ev);
                    take_first(input.files());
                    // Picking the same file again (after fixing it) must fire again.
                    input.set_value("");
                }
            />
        </label>
    }
}

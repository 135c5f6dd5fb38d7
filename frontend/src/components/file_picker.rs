//! A drop zone that also works as a file button, with the keyboard too.

use leptos::prelude::*;
use web_sys::{File, FileList, HtmlInputElement};

use crate::browser_file::read_bytes;

/// A file the user gave us, read into memory.
#[derive(Debug)]
pub struct PickedFile {
    /// The file's name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Lets the user drop a file or pick one.
#[component]
pub fn FilePicker(
    /// Called with the file once its bytes are read.
    on_file: Callback<PickedFile>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let take_first = move |files: Option<FileList>| {
        let Some(file) = files.and_then(|list| list.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_bytes(&file).await {
                Ok(bytes) => {
                    error.set(None);
                    on_file.run(PickedFile {
                        name: file_name(&file),
                        bytes,
                    });
                }
                Err(err) => error.set(Some(format!("Cannot read {}: {err}", file_name(&file)))),
            }
        });
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
            <strong>"Drop a customer file here"</strong>
            " or choose one (CSV)."
            <br />
            <input
                id="file-input"
                type="file"
                accept=".csv,.tsv,.txt,text/csv"
                on:change=move |ev| {
                    let input: HtmlInputElement = event_target(&ev);
                    take_first(input.files());
                }
            />
        </label>
        {move || error.get().map(|message| view! { <p class="message error" role="alert">{message}</p> })}
    }
}

fn file_name(file: &File) -> String {
    file.name()
}

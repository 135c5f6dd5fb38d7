//! The page: pick a file, see what was read, import it.

use std::sync::Arc;

use clientela_shared::{Table, read_table};
use leptos::prelude::*;

use crate::components::file_picker::{FilePicker, PickedFile};
use crate::components::import_button::ImportButton;
use crate::components::table_preview::TablePreview;

/// A file that was read into a table.
#[derive(Debug)]
pub struct LoadedFile {
    /// The file's name, as the user's computer calls it.
    pub name: String,
    /// What was read from it.
    pub table: Table,
}

/// The import page.
#[component]
pub fn App() -> impl IntoView {
    let loaded = RwSignal::new(None::<Arc<LoadedFile>>);
    let read_error = RwSignal::new(None::<String>);

    let on_file = move |PickedFile { name, bytes }: PickedFile| match read_table(&bytes) {
        Ok(table) => {
            read_error.set(None);
            loaded.set(Some(Arc::new(LoadedFile { name, table })));
        }
        Err(err) => {
            loaded.set(None);
            read_error.set(Some(format!("{name}: {err}")));
        }
    };

    view! {
        <main>
            <h1>"Import customers"</h1>
            <FilePicker on_file=Callback::new(on_file) />
            {move || {
                read_error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="message error" role="alert" id="read-error">
                                {message}
                            </p>
                        }
                    })
            }}
            {move || {
                loaded
                    .get()
                    .map(|file| {
                        view! {
                            <TablePreview file=file.clone() />
                            <ImportButton file=file />
                        }
                    })
            }}
        </main>
    }
}

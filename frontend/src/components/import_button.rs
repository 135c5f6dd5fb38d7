//! Sends the rows of a file to the server and says how many were stored.

use std::sync::Arc;

use clientela_shared::{ImportRequest, ImportRow};
use leptos::prelude::*;

use crate::api::import_customers;
use crate::components::app::LoadedFile;

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum Progress {
    Ready,
    Sending { stored: u64, total: usize },
    Done { stored: u64 },
    Failed { stored: u64, message: String },
}

/// The "Import" button and the outcome of the import.
#[component]
pub fn ImportButton(
    /// The file whose rows are imported.
    file: Arc<LoadedFile>,
) -> impl IntoView {
    let progress = RwSignal::new(Progress::Ready);
    let busy = move || matches!(progress.get(), Progress::Sending { .. });

    let start = move |_| {
        let file = file.clone();
        leptos::task::spawn_local(async move { send_all(&file, progress).await });
    };

    view! {
        <button id="import-button" on:click=start disabled=busy>
            "Import"
        </button>
        <div aria-live="polite">
            {move || match progress.get() {
                Progress::Ready => ().into_any(),
                Progress::Sending { stored, total } => {
                    view! { <p class="message">{format!("Importing… {stored} of {total} stored.")}</p> }
                        .into_any()
                }
                Progress::Done { stored } => {
                    view! {
                        <p class="message success" id="import-result" data-stored=stored>
                            {format!("{stored} customers stored.")}
                        </p>
                    }
                        .into_any()
                }
                Progress::Failed { stored, message } => {
                    view! {
                        <p class="message error" role="alert" id="import-error">
                            {format!("Import stopped after {stored} customers: {message}")}
                        </p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Sends the rows in batches the server accepts, one after the other.
async fn send_all(file: &LoadedFile, progress: RwSignal<Progress>) {
    let table = &file.table;
    let total = table.row_count();
    let mut stored = 0;
    for start in (0..total).step_by(ImportRequest::MAX_ROWS) {
        progress.set(Progress::Sending { stored, total });
        let request = ImportRequest {
            file_name: file.name.clone(),
            columns: table.columns().to_vec(),
            rows: table
                .rows()
                .skip(start)
                .take(ImportRequest::MAX_ROWS)
                .map(|row| ImportRow {
                    line: row.line(),
                    values: row.cells().map(str::to_owned).collect(),
                })
                .collect(),
        };
        match import_customers(&request).await {
            Ok(receipt) => stored += receipt.stored,
            Err(message) => {
                progress.set(Progress::Failed { stored, message });
                return;
            }
        }
    }
    progress.set(Progress::Done { stored });
}

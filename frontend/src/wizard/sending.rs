//! Sending the records: opening the import on the server and taking batches from the worker.
//! Batches are numbered from where the rows start, so a retried batch is the same batch and the
//! server stores it once.

use clientela_shared::NewImport;
use leptos::prelude::*;

use super::WizardState;
use crate::api;
use crate::protocol::{BatchSlice, Request};
use crate::text::Text;

/// Opens the import on the server for the current file and options (again: the same client id
/// finds the same import), and returns its id. A change of options makes a new client id.
pub async fn open_import(state: WizardState) -> Option<i64> {
    let options = state.options.get_untracked();
    let opened = state.opened.get_untracked();
    let client_id = match opened {
        Some((id, chosen)) if chosen == options => id,
        _ => new_client_id(),
    };
    let (Some(file), Some(mapping)) = (state.file.get_untracked(), state.mapping.get_untracked())
    else {
        return None;
    };
    let request = NewImport {
        client_id: client_id.clone(),
        file_name: file.name.clone(),
        profile: state.profile(),
        columns: file.columns.clone(),
        mapping: Some(mapping),
        options: options.clone(),
        rows: state
            .counts
            .with_untracked(|counts| counts.as_ref().map(|c| c.rows as u64)),
    };
    let opening = state.texts().text(Text::OpeningTheImport).to_owned();
    state.busy.set(Some(opening));
    let opened = api::open_import(&request).await;
    state.busy.set(None);
    match opened {
        Ok(summary) => {
            let replaced = state
                .import_id
                .get_untracked()
                .filter(|&id| id != summary.id);
            state.opened.set(Some((client_id, options)));
            state.import_id.set(Some(summary.id));
            if let Some(replaced) = replaced {
                discard_unsent(state, replaced);
            }
            Some(summary.id)
        }
        Err(failure) => {
            let language = state.language.get_untracked();
            state.error.set(Some(failure.error.message(language)));
            None
        }
    }
}

/// Deletes the import `id` on the server when nothing was sent to it yet (it was opened for a
/// preview, or for options the user then changed). Should that fail, the empty import stays
/// open in the history; nothing else depends on it.
pub fn discard_unsent(state: WizardState, id: i64) {
    if state.progress.with_untracked(Option::is_some) {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = api::discard_import(id).await;
    });
}

/// The next records from row `start` on.
pub async fn next_batch(state: WizardState, start: usize, max: usize) -> Option<BatchSlice> {
    let request = Request::Batch {
        start,
        max,
        defaults: state.defaults.get_untracked(),
    };
    let preparing = state.texts().text(Text::PreparingRecords).to_owned();
    state.ask(preparing, &request, None).await
}

/// A fresh id for an import, unique across devices.
fn new_client_id() -> String {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| format!("import-{}", js_sys::Date::now()))
}

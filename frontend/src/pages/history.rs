//! The import history: every import of the workspace with its counts, its error file, and a
//! button to undo it.

use clientela_shared::ImportSummary;
use leptos::prelude::*;

use crate::api;

/// The workspace's imports.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let imports = RwSignal::new(Vec::<ImportSummary>::new());
    let message = RwSignal::new(None::<String>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            match api::imports().await {
                Ok(found) => imports.set(found),
                Err(err) => message.set(Some(err)),
            }
        });
    };
    reload();
    let revert = move |import: ImportSummary| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!("Undo the import of {}?", import.file_name))
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        leptos::task::spawn_local(async move {
            match api::revert_import(import.id).await {
                Ok(done) => message.set(Some(format!(
                    "Import of {} undone: {} customers removed, {} restored, {} kept (changed since).",
                    import.file_name, done.removed, done.restored, done.kept
                ))),
                Err(err) => message.set(Some(err)),
            }
            reload();
        });
    };
    view! {
        <main>
            <h1>"Import history"</h1>
            <p id="history-message" aria-live="polite">{move || message.get()}</p>
            <div class="preview">
                <table id="imports">
                    <thead><tr>
                        <th scope="col">"File"</th><th scope="col">"Status"</th><th scope="col">"Created"</th>
                        <th scope="col">"Updated"</th><th scope="col">"Skipped"</th><th scope="col">"Rejected"</th><th scope="col"></th>
                    </tr></thead>
                    <tbody>
                        {move || imports.get().into_iter().map(|import| {
                            let counts = import.counts;
                            let can_revert = import.status == "committed";
                            let errors = (counts.rejected > 0).then(|| view! {
                                <a href=format!("/api/imports/{}/errors.csv", import.id)>"Errors (CSV)"</a>
                            });
                            let this = import.clone();
                            view! {
                                <tr data-import=import.id>
                                    <td>{import.file_name.clone()}</td>
                                    <td>{import.status.clone()}</td>
                                    <td>{counts.created}</td>
                                    <td>{counts.updated}</td>
                                    <td>{counts.skipped}</td>
                                    <td>{counts.rejected}</td>
                                    <td>
                                        {errors}
                                        {can_revert.then(|| view! {
                                            <button class="secondary revert" on:click=move |_| revert(this.clone())>"Undo"</button>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </main>
    }
}

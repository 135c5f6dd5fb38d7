//! Step 6: what happened, the error files, and the way to the next import.

use leptos::prelude::*;

use super::WizardState;
use super::corrections::FixAndFinish;
use super::download::save_rows_not_sent;
use crate::components::app::Page;
use crate::language::translated;
use crate::pages::customers::{ImportShown, OpenWithImport};
use crate::text::{Text, catalogue};

/// The result step.
#[component]
pub fn ResultStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let progress = move || state.progress.get().unwrap_or_default();
    // The rows the server has no outcome for: the review's rows less every outcome, so a row
    // sent later with "Fix and finish" stops counting. The server keeps one outcome a line.
    let not_sent = move || {
        let rows = state.counts.get().map_or(0, |c| c.rows) as u64;
        let counts = progress().counts;
        let answered = counts.created + counts.updated + counts.skipped + counts.rejected;
        rows.saturating_sub(answered) as usize
    };
    let download_not_sent = move |_| save_rows_not_sent(state, "not-imported");
    // A memo, so the counts changing while corrections are sent do not rebuild the section;
    // once offered it stays, with what the last corrected file did, after every row is in.
    let offer_fix = Memo::new(move |offered: Option<&bool>| {
        offered == Some(&true) || progress().counts.rejected > 0 || not_sent() > 0
    });
    let language = state.language;
    let tr = move |key| translated(language, key);
    let open_with_import = use_context::<OpenWithImport>();
    view! {
        <section aria-labelledby="result-title">
            <h2 id="result-title">{tr(Text::ResultTitle)}</h2>
            <p id="import-result" class="message success" role="status">
                {move || catalogue(language.get()).import_result(&progress().counts, not_sent())}
            </p>
            <ul class="links">
                {move || (progress().counts.rejected > 0).then(|| view! {
                    <li><a id="server-errors" href=format!("/api/imports/{}/errors.csv", progress().id)>{tr(Text::DownloadServerRejected)}</a></li>
                })}
                {move || (not_sent() > 0).then(|| view! {
                    <li><button class="link" id="download-not-sent" on:click=download_not_sent>{tr(Text::DownloadNotSent)}</button></li>
                })}
            </ul>
            {move || offer_fix.get().then(|| view! { <FixAndFinish /> })}
            {use_context::<RwSignal<Page>>().map(|page| view! {
                <p class="toolbar">
                    <button class="secondary" id="see-customers" on:click=move |_| {
                        show_customers_of_import(state, open_with_import);
                        page.set(Page::Customers);
                    }>{tr(Text::SeeTheCustomers)}</button>
                    <button class="secondary" id="see-history" on:click=move |_| page.set(Page::History)>{tr(Text::SeeInHistory)}</button>
                </p>
            })}
            <button id="import-another" on:click=move |_| {
                state.forget_file();
                state.step.set(super::Step::File);
            }>{tr(Text::ImportAnother)}</button>
        </section>
    }
}

/// Opens the customers page on the customers this import created or updated.
fn show_customers_of_import(state: WizardState, open_with_import: Option<OpenWithImport>) {
    let Some(open) = open_with_import else {
        return;
    };
    let id = state.progress.with_untracked(|p| p.as_ref().map(|p| p.id));
    let file_name = state
        .file
        .with_untracked(|f| f.as_ref().map(|f| f.name.clone()))
        .unwrap_or_default();
    open.0.set(id.map(|id| ImportShown { id, file_name }));
}

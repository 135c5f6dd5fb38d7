//! "Fix and finish" on the result step: the user drops the error file they corrected; the
//! worker checks its rows with the import's mapping and profile; the fixed ones go to the same
//! import (the server replaces their rejections) and the import is committed again.

use clientela_shared::{Batch, Outcome};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::WizardState;
use super::import_step::{BATCH_ROWS, send_with_retries};
use crate::api;
use crate::language::translated;
use crate::protocol::{Corrections, Request, StillWrong};
use crate::text::{Text, catalogue};
use crate::worker::{Answer, ask_with_side_file};

/// What the last corrected file did.
#[derive(Debug, Clone, PartialEq)]
struct Sent {
    sent: usize,
    still_wrong: Vec<StillWrong>,
}

/// The drop zone for the corrected error file, and what it did.
#[component]
pub fn FixAndFinish() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let language = state.language;
    let tr = move |key| translated(language, key);
    let result = RwSignal::new(None::<Sent>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        result.set(None);
        leptos::task::spawn_local(async move {
            if let Some(sent) = send_corrections(state, &file).await {
                result.set(Some(sent));
            }
        });
    };
    view! {
        <section aria-labelledby="fix-title" class="fix-and-finish">
            <h3 id="fix-title">{tr(Text::FixAndFinish)}</h3>
            <label class="drop-zone">
                {tr(Text::FixAndFinishHint)}
                <br />
                <input id="corrections-input" type="file" accept=".csv,.xlsx,.xls,.ods,text/csv" on:change=on_change />
            </label>
            {move || result.get().map(|sent| view! {
                <p id="corrections-result" class="summary" role="status">
                    {catalogue(language.get()).corrections_sent(sent.sent, sent.still_wrong.len())}
                </p>
                <ul id="corrections-still-wrong">
                    {sent.still_wrong.into_iter().map(|wrong| view! {
                        <li>{format!("{}: {}", wrong.line, wrong.message)}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// Reads, sends and commits the corrections; `None` after a failure (shown by the wizard).
async fn send_corrections(state: WizardState, file: &web_sys::File) -> Option<Sent> {
    let progress = state.progress.get_untracked()?;
    let mapping = state.mapping.get_untracked()?;
    let language = state.language.get_untracked();
    let request = Request::Corrections {
        profile: state.profile(),
        mapping,
        defaults: state.defaults.get_untracked(),
        language,
    };
    state.error.set(None);
    state.busy.set(Some(
        state.texts().text(Text::SendingCorrections).to_owned(),
    ));
    let corrections: Corrections = match ask_with_side_file(&request, file).await {
        Answer::Got(corrections) => corrections,
        Answer::Failed(message) => return fail(state, message),
        Answer::Stopped(why) => return fail(state, state.stopped_message(why)),
    };
    for (seq, chunk) in (progress.next_seq..).zip(corrections.rows.chunks(BATCH_ROWS)) {
        let batch = Batch {
            rows: chunk.to_vec(),
        };
        let Some(answer) = send_with_retries(state, progress.id, seq, &batch, None).await else {
            // The failure is shown already; the corrected file can be dropped again.
            state.busy.set(None);
            return None;
        };
        let rejected = answer
            .rows
            .iter()
            .filter(|row| matches!(row.outcome, Outcome::Rejected { .. }))
            .count();
        state.progress.update(|p| {
            if let Some(p) = p {
                p.next_seq = seq + 1;
                p.sent += batch.rows.len() as u64;
                p.confirmed += (batch.rows.len() - rejected) as u64;
            }
        });
    }
    match api::commit_import(progress.id).await {
        Ok(summary) => state.progress.update(|p| {
            if let Some(p) = p {
                p.counts = summary.counts;
            }
        }),
        Err(failure) => return fail(state, failure.error.message(language)),
    }
    state.busy.set(None);
    Some(Sent {
        sent: corrections.rows.len(),
        still_wrong: corrections.still_wrong,
    })
}

fn fail<T>(state: WizardState, message: String) -> Option<T> {
    state.busy.set(None);
    state.error.set(Some(message));
    None
}

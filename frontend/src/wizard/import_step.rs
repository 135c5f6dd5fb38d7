//! Step 5: the records go to the server in numbered batches, with a progress bar (sent and
//! confirmed), pause and resume. A failed batch is sent again after a growing pause; the
//! server stores a batch once however often it comes.

use clientela_shared::{Batch, Outcome};
use leptos::prelude::*;

use super::WizardState;
use super::sending::{next_batch, open_import};
use super::state::{ImportProgress, Step};
use crate::api;
use crate::language::translated;
use crate::text::{Text, catalogue, text};

/// Records per batch: small enough that a retry is cheap, large enough to be fast.
pub(super) const BATCH_ROWS: usize = 1_000;
/// Tries per batch before the import pauses and asks the user.
const MAX_TRIES: u32 = 6;
/// The first pause between tries, doubled after each.
const FIRST_BACKOFF_MS: i32 = 500;

/// The import step.
#[component]
pub fn ImportStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let (running, paused) = (state.sending, state.paused);
    let language = state.language;
    let tr = move |key| translated(language, key);

    let run = move || {
        paused.set(false);
        // A sender still finishing its batch sees the resume and goes on by itself.
        if running.get_untracked() {
            return;
        }
        running.set(true);
        leptos::task::spawn_local(async move {
            send_all(state).await;
            running.set(false);
        });
    };
    // Starts at once when the step opens for the first time.
    if state.progress.get_untracked().is_none() {
        run();
    }

    let progress = move || state.progress.get().unwrap_or_default();
    let percent = move || {
        let p = progress();
        if p.total == 0 {
            100.0
        } else {
            p.confirmed as f64 * 100.0 / p.total as f64
        }
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{tr(Text::ImportTitle)}</h2>
            <progress id="import-progress" max="100" value=move || percent().to_string() aria-label=tr(Text::ConfirmedByServer)></progress>
            <p id="import-status" class="summary" aria-live="polite">
                {move || {
                    let p = progress();
                    let doing = if p.finished {
                        Text::Done
                    } else if paused.get() {
                        Text::Paused
                    } else if running.get() {
                        Text::Sending
                    } else {
                        Text::Stopped
                    };
                    let texts = catalogue(language.get());
                    format!("{} {}", texts.text(doing), texts.import_status(p.sent, p.confirmed, p.total))
                }}
            </p>
            {move || (!progress().finished).then(|| {
                if running.get() && !paused.get() {
                    view! { <button id="pause-button" class="secondary" on:click=move |_| paused.set(true)>{tr(Text::Pause)}</button> }.into_any()
                } else {
                    view! { <button id="resume-button" on:click=move |_| run()>{tr(Text::Resume)}</button> }.into_any()
                }
            })}
            {move || progress().finished.then(|| view! {
                <button id="to-result" on:click=move |_| state.step.set(Step::Result)>{tr(Text::SeeTheResult)}</button>
            })}
        </section>
    }
}

/// Sends every batch from where the import stands, then commits it. Stops when paused, when a
/// batch keeps failing, or when the user opens another file; calling it again resumes.
async fn send_all(state: WizardState) {
    let Some(import_id) = open_import(state).await else {
        return;
    };
    if state
        .progress
        .get_untracked()
        .is_none_or(|p| p.id != import_id)
    {
        let total = state.counts.get_untracked().map_or(0, |c| c.ready as u64);
        state
            .progress
            .set(Some(ImportProgress::new(import_id, total)));
    }
    let still_this_import =
        move || state.progress.with_untracked(|p| p.as_ref().map(|p| p.id)) == Some(import_id);
    let next = move || {
        state
            .progress
            .with_untracked(|p| p.as_ref().and_then(|p| Some((p.next_seq, p.next_start?))))
    };
    while let Some((seq, start)) = next() {
        if state.paused.get_untracked() || !still_this_import() {
            return;
        }
        let Some(slice) = next_batch(state, start, BATCH_ROWS).await else {
            return;
        };
        if !still_this_import() {
            return;
        }
        if slice.rows.is_empty() {
            state.progress.update(|p| {
                if let Some(p) = p {
                    p.next_start = slice.next
                }
            });
            continue;
        }
        let rows = slice.rows.len() as u64;
        state.progress.update(|p| {
            if let Some(p) = p {
                p.sent += rows
            }
        });
        let batch = Batch { rows: slice.rows };
        let answer = send_with_retries(
            state,
            import_id,
            seq,
            &batch,
            Some(Text::PausedAfterFailure),
        )
        .await;
        if !still_this_import() {
            return;
        }
        let Some(answer) = answer else {
            state.progress.update(|p| {
                if let Some(p) = p {
                    p.sent -= rows
                }
            });
            state.paused.set(true);
            return;
        };
        state.progress.update(|p| {
            let Some(p) = p else { return };
            p.confirmed += answer.rows.len() as u64;
            for row in &answer.rows {
                match row.outcome {
                    Outcome::Created { .. } => p.counts.created += 1,
                    Outcome::Updated { .. } => p.counts.updated += 1,
                    Outcome::Skipped { .. } => p.counts.skipped += 1,
                    Outcome::Rejected { .. } => p.counts.rejected += 1,
                }
            }
            p.next_seq = seq + 1;
            p.next_start = slice.next;
        });
    }
    if !still_this_import() {
        return;
    }
    let finishing = state.texts().text(Text::FinishingTheImport).to_owned();
    state.busy.set(Some(finishing));
    let committed = api::commit_import(import_id).await;
    state.busy.set(None);
    match committed {
        Ok(summary) => {
            state.progress.update(|p| {
                if let Some(p) = p {
                    p.counts = summary.counts;
                    p.finished = true;
                }
            });
            state.step.set(Step::Result);
        }
        Err(failure) => {
            let message = failure.error.message(state.language.get_untracked());
            state.error.set(Some(message));
        }
    }
}

/// Sends one batch, trying again after a growing pause when the failure may pass. `after_failure`
/// is what the message of a final failure goes on with (what the user can do next).
pub(super) async fn send_with_retries(
    state: WizardState,
    import_id: i64,
    seq: u64,
    batch: &Batch,
    after_failure: Option<Text>,
) -> Option<clientela_shared::BatchAnswer> {
    let mut backoff = FIRST_BACKOFF_MS;
    for attempt in 1..=MAX_TRIES {
        let language = state.language.get_untracked();
        match api::send_batch(import_id, seq, batch).await {
            Ok(answer) => {
                state.error.set(None);
                return Some(answer);
            }
            Err(failure) if failure.retryable && attempt < MAX_TRIES => {
                let retrying = catalogue(language).retrying(backoff / 1000, attempt, MAX_TRIES);
                let message = failure.error.message(language);
                state.error.set(Some(format!("{message} {retrying}")));
                sleep(backoff).await;
                backoff *= 2;
            }
            Err(failure) => {
                let message = failure.error.message(language);
                let next = after_failure.map_or("", |next| text(next, language));
                state
                    .error
                    .set(Some(format!("{message} {next}").trim_end().to_owned()));
                return None;
            }
        }
    }
    None
}

/// Waits `ms` milliseconds without blocking the page.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

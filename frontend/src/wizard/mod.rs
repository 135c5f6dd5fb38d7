//! The import wizard: file, columns, review, options, import, result. The user can go back and
//! forward at any time; what was chosen stays, because it all lives in one [`WizardState`].

mod columns_step;
mod corrections;
mod download;
mod file_step;
mod grid;
mod grid_cursor;
mod grid_row;
mod import_step;
mod opened_file;
mod options_step;
mod remembered_mapping;
mod result_step;
mod review_step;
mod sending;
mod state;
mod target_choice;

use leptos::prelude::*;

pub use state::{Step, WizardState};

use crate::components::app::Page;
use crate::language::translated;
use crate::later_views::{self, shown_when_fetched};
use crate::protocol::Request;
use crate::text::Text;

pub use columns_step::ColumnsStep;
pub use file_step::{DetectedFile, FileStep};
pub(crate) use import_step::ImportStep;
pub(crate) use opened_file::fetch_opened_file;
pub use options_step::OptionsStep;
pub(crate) use result_step::ResultStep;
pub(crate) use review_step::ReviewStep;

/// The wizard, from dropping a file to the import's result.
#[component]
pub fn ImportWizard() -> impl IntoView {
    let state = WizardState::new();
    provide_context(state);
    state.load_schema();
    // The wizard stays open behind the other pages: coming back to it, it asks for the schema
    // again, so a profile, field or tag an admin just saved applies to the next file.
    if let Some(page) = use_context::<RwSignal<Page>>() {
        Effect::watch(
            move || page.get(),
            move |&now, before, _| {
                if now == Page::Import && before.is_some_and(|&before| before != Page::Import) {
                    state.load_schema();
                }
            },
            false,
        );
    }
    // The rows' messages come from the worker: once the rows were checked, it speaks the
    // language the user switches to, and the grid asks for its rows again.
    Effect::watch(
        move || state.language.get(),
        move |&language, _, _| {
            if state.counts.get_untracked().is_some() {
                state.change(Text::Updating, Request::SetLanguage { language });
            }
        },
        false,
    );
    // Closing or reloading the page while records are being sent would leave the import half
    // done: the browser asks first.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |event| {
        let sending = state
            .progress
            .with_untracked(|progress| progress.as_ref().is_some_and(|p| !p.finished));
        if sending {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || leaving.remove());

    view! {
        <main class="wizard">
            <h1>{translated(state.language, Text::ImportCustomers)}</h1>
            <StepNav />
            <p class="message error" role="alert" id="wizard-error" hidden=move || state.error.get().is_none()>
                {move || state.error.get()}
            </p>
            <p class="busy" aria-live="polite" id="wizard-busy">
                {move || state.busy.get()}
            </p>
            {move || match state.step.get() {
                Step::File => view! { <FileStep /> }.into_any(),
                Step::Columns => shown_when_fetched(later_views::columns_step()),
                Step::Review => shown_when_fetched(later_views::review_step()),
                Step::Options => shown_when_fetched(later_views::options_step()),
                Step::Import => shown_when_fetched(later_views::import_step()),
                Step::Result => shown_when_fetched(later_views::result_step()),
            }}
        </main>
    }
}

/// The steps as buttons: the current one marked, the ones not reachable yet disabled.
#[component]
fn StepNav() -> impl IntoView {
    let state = expect_context::<WizardState>();
    view! {
        <nav aria-label=translated(state.language, Text::ImportStepsNav)>
            <ol class="steps">
                {Step::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(number, step)| {
                        view! {
                            <li>
                                <button
                                    class="step"
                                    id=format!("step-{}", step.id())
                                    aria-current=move || (state.step.get() == step).then_some("step")
                                    disabled=move || !state.can_go_to(step)
                                    on:click=move |_| state.step.set(step)
                                >
                                    {move || format!("{} {}", number + 1, step.title(state.language.get()))}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

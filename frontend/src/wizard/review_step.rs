//! Step 3: every row, marked; filters, the next problem, fixes for all rows, the live counts.

use leptos::prelude::*;

use super::WizardState;
use super::download::save_rows_not_sent;
use super::grid::Grid;
use super::state::Step;
use crate::language::translated;
use crate::protocol::{BulkFix, Request, ReviewCounts, RowFilter};
use crate::text::{Text, catalogue, text};

/// Countries offered as the default for rows that name none.
const COUNTRIES: [(&str, Text); 12] = [
    ("", Text::AsInProfile),
    ("AR", Text::Argentina),
    ("BR", Text::Brazil),
    ("CL", Text::Chile),
    ("CO", Text::Colombia),
    ("EC", Text::Ecuador),
    ("ES", Text::Spain),
    ("MX", Text::Mexico),
    ("PE", Text::Peru),
    ("PL", Text::Poland),
    ("PT", Text::Portugal),
    ("US", Text::UnitedStates),
];

/// The review step.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let filter = RwSignal::new(RowFilter::All);
    let jump_to = RwSignal::new(None::<usize>);
    let problem_at = RwSignal::new(None::<usize>);
    let counts = move || state.counts.get().unwrap_or_default();
    let language = state.language;
    let tr = move |key| translated(language, key);

    let next_problem = move |_| {
        leptos::task::spawn_local(async move {
            let after = jump_to.get_untracked();
            let request = Request::NextProblem {
                filter: filter.get_untracked(),
                after,
            };
            let looking = state.texts().text(Text::LookingForNextProblem).to_owned();
            match state.ask::<Option<usize>>(looking, &request, None).await {
                Some(Some(position)) => {
                    jump_to.set(Some(position));
                    problem_at.set(Some(position));
                }
                Some(None) => {
                    let none_left = state.texts().text(Text::NoProblemsLeft).to_owned();
                    state.busy.set(Some(none_left));
                }
                _ => {}
            }
        });
    };
    let download_problems = move |_| save_rows_not_sent(state, "problems");
    let filter_button = move |value: RowFilter,
                              id: &'static str,
                              label: Text,
                              count: fn(&ReviewCounts) -> usize| {
        view! {
            <button
                class="filter"
                id=id
                aria-pressed=move || (filter.get() == value).to_string()
                on:click=move |_| {
                    filter.set(value);
                    jump_to.set(Some(0));
                }
            >
                {move || format!("{} ({})", text(label, language.get()), count(&counts()))}
            </button>
        }
    };

    view! {
        <section aria-labelledby="review-title">
            <h2 id="review-title">{tr(Text::ReviewTitle)}</h2>
            <p id="review-counts" class="summary" aria-live="polite">
                {move || catalogue(language.get()).review_counts(&counts())}
            </p>
            {move || {
                let errors = counts().file_errors;
                (!errors.is_empty()).then(|| view! {
                    <p id="file-errors" class="message error" role="alert">{errors.join(" ")}</p>
                })
            }}
            <div class="toolbar" role="toolbar" aria-label=tr(Text::RowsToolbar)>
                {filter_button(RowFilter::All, "filter-all", Text::AllRows, |c| c.rows)}
                {filter_button(RowFilter::Errors, "filter-errors", Text::WithErrors, |c| c.errors)}
                {filter_button(RowFilter::Warnings, "filter-warnings", Text::WithWarnings, |c| c.warnings)}
                {filter_button(RowFilter::Excluded, "filter-excluded", Text::LeftOut, |c| c.excluded)}
                <button id="next-problem" on:click=next_problem>{tr(Text::NextProblem)}</button>
            </div>
            <div class="toolbar" role="toolbar" aria-label=tr(Text::FixesForEveryRow)>
                <button
                    id="apply-suggestions"
                    disabled=move || counts().suggestions == 0
                    on:click=move |_| state.change(Text::ApplyingSuggestions, Request::BulkFix { fix: BulkFix::ApplySuggestions })
                >
                    {move || catalogue(language.get()).apply_suggestions(counts().suggestions)}
                </button>
                <button id="trim" on:click=move |_| state.change(Text::TrimmingSpaces, Request::BulkFix { fix: BulkFix::Trim })>
                    {tr(Text::TrimSpaces)}
                </button>
                <label>
                    {tr(Text::DefaultCountry)}
                    <select id="default-country" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        state.default_country.set((!code.is_empty()).then_some(code));
                        state.validate();
                    }>
                        {COUNTRIES.map(|(code, name)| {
                            let selected = state.default_country.get_untracked().as_deref().unwrap_or("") == code;
                            view! { <option value=code selected=selected>{tr(name)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button class="link" id="download-problems" on:click=download_problems>
                    {tr(Text::DownloadProblems)}
                </button>
            </div>
            <p class="hint" id="grid-keys">{tr(Text::EditHint)}</p>
            <Grid filter=filter jump_to=jump_to problem_at=problem_at />
            <button
                id="to-options"
                disabled=move || !state.can_go_to(Step::Options)
                on:click=move |_| state.step.set(Step::Options)
            >
                {tr(Text::NextOptions)}
            </button>
        </section>
    }
}

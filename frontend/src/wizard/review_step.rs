//! Step 3: every row, marked; filters, the next problem, fixes for all rows, the live counts.

use leptos::prelude::*;

use super::WizardState;
use super::download::save_rows_not_sent;
use super::grid::Grid;
use super::state::Step;
use crate::protocol::{BulkFix, Request, Response, ReviewCounts, RowFilter};

/// Countries offered as the default for rows that name none.
const COUNTRIES: [(&str, &str); 12] = [
    ("", "As in the profile"),
    ("AR", "Argentina"),
    ("BR", "Brazil"),
    ("CL", "Chile"),
    ("CO", "Colombia"),
    ("EC", "Ecuador"),
    ("ES", "Spain"),
    ("MX", "Mexico"),
    ("PE", "Peru"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("US", "United States"),
];

/// The review step.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let filter = RwSignal::new(RowFilter::All);
    let jump_to = RwSignal::new(None::<usize>);
    let counts = move || state.counts.get().unwrap_or_default();

    let next_problem = move |_| {
        leptos::task::spawn_local(async move {
            let after = jump_to.get_untracked();
            let request = Request::NextProblem {
                filter: filter.get_untracked(),
                after,
            };
            match state
                .ask("Looking for the next problem…", &request, None)
                .await
            {
                Some(Response::Position(Some(position))) => jump_to.set(Some(position)),
                Some(Response::Position(None)) => {
                    state.busy.set(Some("No problems left.".to_owned()))
                }
                _ => {}
            }
        });
    };
    let download_problems = move |_| save_rows_not_sent(state, "problems");
    let filter_button =
        move |value: RowFilter, id: &'static str, label: fn(&ReviewCounts) -> String| {
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
                    {move || label(&counts())}
                </button>
            }
        };

    view! {
        <section aria-labelledby="review-title">
            <h2 id="review-title">"3. Review"</h2>
            <p id="review-counts" class="summary" aria-live="polite">{move || counts_text(&counts())}</p>
            <div class="toolbar" role="toolbar" aria-label="Rows">
                {filter_button(RowFilter::All, "filter-all", |c| format!("All ({})", c.rows))}
                {filter_button(RowFilter::Errors, "filter-errors", |c| format!("With errors ({})", c.errors))}
                {filter_button(RowFilter::Warnings, "filter-warnings", |c| format!("With warnings ({})", c.warnings))}
                {filter_button(RowFilter::Excluded, "filter-excluded", |c| format!("Left out ({})", c.excluded))}
                <button id="next-problem" on:click=next_problem>"Next problem"</button>
            </div>
            <div class="toolbar" role="toolbar" aria-label="Fixes for every row">
                <button
                    id="apply-suggestions"
                    disabled=move || counts().suggestions == 0
                    on:click=move |_| state.change("Applying the suggestions…", Request::BulkFix { fix: BulkFix::ApplySuggestions })
                >
                    {move || format!("Apply {} suggested fixes", counts().suggestions)}
                </button>
                <button id="trim" on:click=move |_| state.change("Trimming spaces…", Request::BulkFix { fix: BulkFix::Trim })>
                    "Trim spaces"
                </button>
                <label>
                    "Default country "
                    <select id="default-country" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        state.default_country.set((!code.is_empty()).then_some(code));
                        state.validate();
                    }>
                        {COUNTRIES.map(|(code, name)| {
                            let selected = state.default_country.get_untracked().as_deref().unwrap_or("") == code;
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button class="link" id="download-problems" on:click=download_problems>
                    "Download the rows with problems (CSV)"
                </button>
            </div>
            <p class="hint">"Double-click a cell or press Enter on it to change it; the row is checked again at once."</p>
            <Grid filter=filter jump_to=jump_to />
            <button id="to-options" on:click=move |_| state.step.set(Step::Options)>"Next: options"</button>
        </section>
    }
}

/// The counts in words.
fn counts_text(counts: &ReviewCounts) -> String {
    format!(
        "{} rows: {} ready to import, {} with errors, {} with warnings, {} left out.",
        counts.rows, counts.ready, counts.errors, counts.warnings, counts.excluded
    )
}

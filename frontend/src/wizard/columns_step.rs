//! Step 2: every column with its suggested field, confidence and sample values; change it,
//! ignore it or keep it as additional data. Problems of the mapping are called out above.

use clientela_shared::{Code, Language, MatchReason, Target};
use leptos::prelude::*;

use super::WizardState;
use super::target_choice::{choices, decode, encode};
use crate::language::translated;
use crate::text::{Text, text};

/// The columns step.
#[component]
pub fn ColumnsStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    // The mapping's problems, found once per change of the mapping.
    let findings = Memo::new(move |_| {
        let profile = state.profile();
        state
            .mapping
            .with(|mapping| mapping.as_ref().map(|m| m.problems(&profile)))
            .unwrap_or_default()
    });
    let problems = move || {
        let language = state.language.get();
        findings.with(|findings| {
            findings
                .iter()
                .map(|finding| finding.message(language))
                .collect::<Vec<_>>()
        })
    };
    // Two columns for one field cannot both be checked: every row would fail. The way on
    // opens once the user picks one (the problem above says which).
    let mapped_twice = move || {
        findings.with(|findings| {
            findings
                .iter()
                .any(|finding| finding.code == Code::MappingDuplicateField)
        })
    };
    let rows = move || {
        let (Some(file), Some(mapping)) = (state.file.get(), state.mapping.get()) else {
            return Vec::new();
        };
        let profile = state.profile();
        let language = state.language.get();
        mapping
            .columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let samples = file.samples.get(index).cloned().unwrap_or_default().join(" · ");
                let options = choices(&profile, &column.target, language);
                let chosen = encode(&column.target);
                let confidence =
                    confidence_text(column.confidence, column.reason, &column.target, language);
                let select_id = format!("map-{index}");
                view! {
                    <tr>
                        <th scope="row"><label for=select_id.clone()>{column.header.clone()}</label></th>
                        <td class="samples">{samples}</td>
                        <td>
                            <select id=select_id on:change=move |ev| {
                                if let Some(target) = decode(&event_target_value(&ev)) {
                                    state.mapping.update(|mapping| {
                                        if let Some(mapping) = mapping {
                                            mapping.choose(index, target);
                                        }
                                    });
                                }
                            }>
                                {options.into_iter().map(|choice| {
                                    let selected = choice.value == chosen;
                                    view! { <option value=choice.value selected=selected>{choice.label}</option> }
                                }).collect_view()}
                            </select>
                        </td>
                        <td class="confidence">{confidence}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let tr = move |key| translated(state.language, key);
    view! {
        <section aria-labelledby="columns-title">
            <h2 id="columns-title">{tr(Text::ColumnsTitle)}</h2>
            {move || state.mapping_remembered.get().then(|| view! {
                <p class="message info" id="mapping-remembered">{tr(Text::MappingRemembered)}</p>
            })}
            <ul class="problems" id="mapping-problems" aria-live="polite">
                {move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            // On a narrow screen the table scrolls sideways in its own box.
            <div class="preview">
            <table class="mapping">
                <thead>
                    <tr>
                        <th scope="col">{tr(Text::Column)}</th>
                        <th scope="col">{tr(Text::SampleValues)}</th>
                        <th scope="col">{tr(Text::GoesTo)}</th>
                        <th scope="col">{tr(Text::Confidence)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <button id="to-review" disabled=mapped_twice aria-describedby="mapping-problems" on:click=move |_| state.validate()>
                {tr(Text::NextCheckEveryRow)}
            </button>
        </section>
    }
}

/// How sure the suggestion is, in words.
fn confidence_text(
    confidence: u8,
    reason: MatchReason,
    target: &Target,
    language: Language,
) -> String {
    match (reason, target) {
        (MatchReason::Chosen, _) => text(Text::YourChoice, language).to_owned(),
        (_, Target::Ignore | Target::Extra) | (MatchReason::None, _) => {
            text(Text::NoMatch, language).to_owned()
        }
        _ => format!("{confidence}%"),
    }
}

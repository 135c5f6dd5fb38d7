//! Step 1: drop or pick a file, see what was detected, correct it in one click.

use leptos::prelude::*;

use super::WizardState;
use super::download::save_csv;
use super::state::Step;
use super::template::template_csv;
use crate::components::file_picker::FilePicker;
use crate::protocol::{FileOverview, Overrides};

/// Encodings offered when the detected one is wrong (WHATWG labels).
const ENCODINGS: [&str; 6] = [
    "utf-8",
    "windows-1252",
    "windows-1250",
    "iso-8859-2",
    "utf-16le",
    "utf-16be",
];

/// Delimiters offered, with their names.
const DELIMITERS: [(char, &str); 4] = [
    (',', "comma"),
    (';', "semicolon"),
    ('\t', "tab"),
    ('|', "vertical bar"),
];

/// The file step.
#[component]
pub fn FileStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    view! {
        <section aria-labelledby="file-title">
            <h2 id="file-title">"1. Your file"</h2>
            <FilePicker on_file=Callback::new(move |file| state.open_file(file)) />
            <p>
                <button class="link" id="template-csv" on:click=move |_| download_template(state)>
                    "Download a CSV template"
                </button>
                " with every field of this workspace and an example row."
            </p>
            {move || state.file.get().map(|file| view! { <Detected file=file /> })}
        </section>
    }
}

/// What was detected, the overrides, the preview, and the way on.
#[component]
fn Detected(file: FileOverview) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let delimiter_name = file.delimiter.map(|d| {
        DELIMITERS
            .iter()
            .find(|(c, _)| *c == d)
            .map_or(d.to_string(), |(_, n)| (*n).to_owned())
    });
    let mut facts = vec![file.format.to_uppercase()];
    facts.extend(file.encoding.clone());
    facts.extend(delimiter_name.map(|name| format!("separator {name}")));
    facts.extend(file.sheet.as_ref().map(|sheet| format!("sheet {sheet}")));
    facts.push(format!("header on line {}", file.header_line));
    let summary = format!(
        "{}: {} rows, {} columns ({})",
        file.name,
        file.rows,
        file.columns.len(),
        facts.join(", ")
    );
    let overrides = move || state.overrides.get_untracked();
    let is_text = file.encoding.is_some();
    let sheets = file.sheets.clone();
    view! {
        <p id="file-summary" class="summary" aria-live="polite">{summary}</p>
        <div class="overrides">
            {is_text.then(|| view! {
                <label>
                    "Encoding "
                    <select id="encoding" on:change=move |ev| {
                        state.reread(Overrides { encoding: Some(event_target_value(&ev)), ..overrides() });
                    }>
                        {ENCODINGS.map(|encoding| view! {
                            <option value=encoding selected=file.encoding.as_deref() == Some(encoding)>{encoding}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    "Separator "
                    <select id="delimiter" on:change=move |ev| {
                        let delimiter = event_target_value(&ev).chars().next();
                        state.reread(Overrides { delimiter, ..overrides() });
                    }>
                        {DELIMITERS.map(|(delimiter, name)| view! {
                            <option value=delimiter.to_string() selected=file.delimiter == Some(delimiter)>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            {(!sheets.is_empty()).then(|| view! {
                <label>
                    "Sheet "
                    <select id="sheet" on:change=move |ev| {
                        state.reread(Overrides { sheet: Some(event_target_value(&ev)), ..overrides() });
                    }>
                        {sheets.iter().map(|sheet| view! {
                            <option value=sheet.name.clone() selected=file.sheet.as_ref() == Some(&sheet.name)>
                                {if sheet.hidden { format!("{} (hidden)", sheet.name) } else { sheet.name.clone() }}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label>
                "Header on line "
                <input id="header-line" type="number" min="1" value=file.header_line on:change=move |ev| {
                    if let Ok(line) = event_target_value(&ev).parse::<u64>() {
                        state.reread(Overrides { header_line: Some(line.max(1)), ..overrides() });
                    }
                } />
            </label>
        </div>
        {(!file.problems.is_empty()).then(|| view! {
            <ul class="problems" id="read-problems">
                {file.problems.iter().take(20).map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
            </ul>
        })}
        <div class="preview" id="preview">
            <table>
                <caption class="visually-hidden">"The first rows of the file"</caption>
                <thead><tr>{file.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {file.preview.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <button id="to-columns" on:click=move |_| state.step.set(Step::Columns)>"Next: columns"</button>
    }
}

/// Saves the template for this workspace.
fn download_template(state: WizardState) {
    let language = state.language.get_untracked();
    let schema = state.schema.get_untracked();
    save_csv(
        "clientela-template.csv",
        &template_csv(schema.as_ref(), language),
    );
}

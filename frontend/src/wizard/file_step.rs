//! Step 1: drop or pick a file, see what was detected, correct it in one click.

use clientela_shared::Language;
use leptos::prelude::*;

use super::WizardState;
use super::download::{save_csv, save_workbook};
use super::state::Step;
use crate::components::file_picker::FilePicker;
use crate::language::translated;
use crate::later_views::{self, shown_when_fetched};
use crate::protocol::{FileOverview, Overrides, Request};
use crate::template::template_csv;
use crate::text::{Text, catalogue};

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
const DELIMITERS: [(char, Text); 4] = [
    (',', Text::Comma),
    (';', Text::Semicolon),
    ('\t', Text::Tab),
    ('|', Text::VerticalBar),
];

/// The file step.
#[component]
pub fn FileStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let tr = move |key| translated(state.language, key);
    let has_file = Memo::new(move |_| state.file.with(Option::is_some));
    view! {
        <section aria-labelledby="file-title">
            <h2 id="file-title">{tr(Text::FileTitle)}</h2>
            <ProfileChoice />
            <FilePicker on_file=Callback::new(move |file| state.open_file(file)) />
            <p>
                <button class="link" id="template-csv" on:click=move |_| download_csv_template(state)>
                    {tr(Text::DownloadCsvTemplate)}
                </button>
                {tr(Text::TemplateOr)}
                <button class="link" id="template-xlsx" on:click=move |_| download_xlsx_template(state)>
                    {tr(Text::DownloadXlsxTemplate)}
                </button>
                {tr(Text::TemplateHint)}
            </p>
            {move || has_file.get().then(|| shown_when_fetched(later_views::detected_file()))}
        </section>
    }
}

/// What was detected in the file read, once there is one. Its code is split off (see
/// `later_views`): the first view does not need it.
#[component]
pub fn DetectedFile() -> impl IntoView {
    let state = expect_context::<WizardState>();
    move || {
        state
            .file
            .get()
            .map(|file| view! { <Detected file=file /> })
    }
}

/// Which saved import profile the rows are checked with (shown once any is saved).
#[component]
fn ProfileChoice() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let tr = move |key| translated(state.language, key);
    move || {
        let names: Vec<String> = state.schema.with(|schema| {
            schema
                .iter()
                .flat_map(|schema| &schema.profiles)
                .map(|named| named.name.clone())
                .collect()
        });
        if names.is_empty() {
            return None;
        }
        let chosen = state
            .profile_choice
            .get()
            .unwrap_or_else(|| names[0].clone());
        Some(view! {
            <p>
                <label>
                    {tr(Text::ImportProfile)}
                    <select id="profile" on:change=move |ev| state.choose_profile(event_target_value(&ev))>
                        {names.into_iter().map(|name| {
                            let selected = name == chosen;
                            let label = name.clone();
                            view! { <option value=name selected=selected>{label}</option> }
                        }).collect_view()}
                        <option value="" selected=chosen.is_empty()>{tr(Text::NoProfile)}</option>
                    </select>
                </label>
            </p>
        })
    }
}

/// What was detected, the overrides, the preview, and the way on.
#[component]
fn Detected(file: FileOverview) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let language = state.language;
    let tr = move |key| translated(language, key);
    let summary = {
        let file = file.clone();
        move || detected_summary(&file, language.get())
    };
    let overrides = move || state.overrides.get_untracked();
    let is_text = file.encoding.is_some();
    let sheets = file.sheets.clone();
    view! {
        <p id="file-summary" class="summary" aria-live="polite">{summary}</p>
        <div class="overrides">
            {is_text.then(|| view! {
                <label>
                    {tr(Text::Encoding)}
                    <select id="encoding" on:change=move |ev| {
                        state.reread(Overrides { encoding: Some(event_target_value(&ev)), ..overrides() });
                    }>
                        {ENCODINGS.map(|encoding| view! {
                            <option value=encoding selected=file.encoding.as_deref() == Some(encoding)>{encoding}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    {tr(Text::Separator)}
                    <select id="delimiter" on:change=move |ev| {
                        let delimiter = event_target_value(&ev).chars().next();
                        state.reread(Overrides { delimiter, ..overrides() });
                    }>
                        {DELIMITERS.map(|(delimiter, name)| view! {
                            <option value=delimiter.to_string() selected=file.delimiter == Some(delimiter)>{tr(name)}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            {(!sheets.is_empty()).then(|| view! {
                <label>
                    {tr(Text::Sheet)}
                    <select id="sheet" on:change=move |ev| {
                        state.reread(Overrides { sheet: Some(event_target_value(&ev)), ..overrides() });
                    }>
                        {sheets.iter().map(|sheet| {
                            let (name, hidden) = (sheet.name.clone(), sheet.hidden);
                            let label = move || if hidden { catalogue(language.get()).hidden_sheet(&name) } else { name.clone() };
                            view! {
                                <option value=sheet.name.clone() selected=file.sheet.as_ref() == Some(&sheet.name)>
                                    {label}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label>
                {tr(Text::HeaderOnLine)}
                <input id="header-line" type="number" min="1" value=file.header_line on:change=move |ev| {
                    match event_target_value(&ev).trim().parse::<u64>() {
                        Ok(line) if line >= 1 => {
                            state.error.set(None);
                            state.reread(Overrides { header_line: Some(line), ..overrides() });
                        }
                        // Said, in place of what an earlier try said.
                        _ => state.error.set(Some(state.texts().text(Text::HeaderLineNumber).to_owned())),
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
                <caption class="visually-hidden">{tr(Text::FirstRowsCaption)}</caption>
                <thead><tr>{file.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {file.preview.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <button id="to-columns" on:click=move |_| state.step.set(Step::Columns)>{tr(Text::NextColumns)}</button>
    }
}

/// What was detected, in words: `clientes.csv: 4 rows, 3 columns (CSV, utf-8, …)`.
fn detected_summary(file: &FileOverview, language: Language) -> String {
    let texts = catalogue(language);
    let delimiter_name = file.delimiter.map(|d| {
        DELIMITERS
            .iter()
            .find(|(c, _)| *c == d)
            .map_or(d.to_string(), |(_, name)| texts.text(*name).to_owned())
    });
    let mut facts = vec![file.format.to_uppercase()];
    facts.extend(file.encoding.clone());
    facts.extend(delimiter_name.map(|name| texts.separator_fact(&name)));
    facts.extend(file.sheet.as_ref().map(|sheet| texts.sheet_fact(sheet)));
    facts.push(texts.header_line_fact(file.header_line));
    texts.file_summary(&file.name, file.rows, file.columns.len(), &facts.join(", "))
}

/// Saves the CSV template for this workspace.
fn download_csv_template(state: WizardState) {
    let language = state.language.get_untracked();
    save_csv(
        "clientela-template.csv",
        &template_csv(&state.profile(), language),
    );
}

/// Asks the worker for the Excel template for this workspace (the page has no workbook
/// writer, so it loads faster) and saves it.
fn download_xlsx_template(state: WizardState) {
    leptos::task::spawn_local(async move {
        let request = Request::XlsxTemplate {
            profile: state.profile(),
            language: state.language.get_untracked(),
        };
        let preparing = state.texts().text(Text::PreparingTheFile).to_owned();
        if let Some(bytes) = state.ask::<Vec<u8>>(preparing, &request, None).await {
            save_workbook("clientela-template.xlsx", &bytes);
        }
    });
}

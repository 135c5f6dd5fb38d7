//! The import history: every import of the workspace with its counts, its error file, and a
//! button to undo it.

use clientela_shared::{ImportSummary, Language, Me, Role};
use leptos::prelude::*;

use crate::api;
use crate::language::{translated, use_language};
use crate::text::{Text, catalogue, text};

/// The workspace's imports.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let imports = RwSignal::new(Vec::<ImportSummary>::new());
    let message = RwSignal::new(None::<String>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            match api::imports().await {
                Ok(found) => imports.set(found),
                Err(err) => message.set(Some(err.message(language.get_untracked()))),
            }
        });
    };
    reload();
    let me = use_context::<Me>();
    let revert = move |import: ImportSummary| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                let question = catalogue(language.get_untracked())
                    .confirm_undo(&import.file_name, &import.counts);
                w.confirm_with_message(&question).ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        leptos::task::spawn_local(async move {
            let language = language.get_untracked();
            match api::revert_import(import.id).await {
                Ok(done) => message.set(Some(catalogue(language).undone(&import.file_name, &done))),
                Err(err) => message.set(Some(err.message(language))),
            }
            reload();
        });
    };
    view! {
        <main>
            <h1>{tr(Text::PageHistory)}</h1>
            <p id="history-message" aria-live="polite">{move || message.get()}</p>
            <div class="preview">
                <table id="imports">
                    <thead><tr>
                        <th scope="col">{tr(Text::File)}</th><th scope="col">{tr(Text::OpenedOn)}</th><th scope="col">{tr(Text::OpenedBy)}</th><th scope="col">{tr(Text::Status)}</th><th scope="col">{tr(Text::Created)}</th>
                        <th scope="col">{tr(Text::Updated)}</th><th scope="col">{tr(Text::Skipped)}</th><th scope="col">{tr(Text::Rejected)}</th><th scope="col"></th>
                    </tr></thead>
                    <tbody>
                        {move || imports.get().into_iter().map(|import| {
                            let counts = import.counts;
                            // The server lets an agent undo only their own imports.
                            let may_change = me.as_ref().is_none_or(|me| {
                                me.role != Role::Agent || me.email == import.opened_by
                            });
                            // An import left open (the page was closed while it was sent) can be
                            // undone too, once it stored something.
                            let stored_some = counts.created + counts.updated > 0;
                            let can_revert = may_change
                                && match import.status.as_str() {
                                    "committed" => true,
                                    "open" => stored_some,
                                    _ => false,
                                };
                            let errors = (counts.rejected > 0).then(|| view! {
                                <a href=format!("/api/imports/{}/errors.csv", import.id)>{tr(Text::ErrorsCsv)}</a>
                            });
                            let this = import.clone();
                            view! {
                                <tr data-import=import.id>
                                    <td>{format!("#{} {}", import.id, import.file_name)}</td>
                                    <td>{local_time(import.opened_at, language.get_untracked())}</td>
                                    <td>{import.opened_by.clone()}</td>
                                    <td>{status_text(import.status.clone(), language)}</td>
                                    <td>{counts.created}</td>
                                    <td>{counts.updated}</td>
                                    <td>{counts.skipped}</td>
                                    <td>{counts.rejected}</td>
                                    <td>
                                        {errors}
                                        {can_revert.then(|| view! {
                                            <button class="secondary revert" on:click=move |_| revert(this.clone())>{tr(Text::Undo)}</button>
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

/// A moment (milliseconds since 1970) as the browser writes dates and times in `language`.
fn local_time(millis: i64, language: Language) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    let locale = match language {
        Language::En => "en",
        Language::Es => "es",
        Language::Pt => "pt-BR",
        Language::Pl => "pl",
    };
    String::from(date.to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED))
}

/// An import's status in the user's language; a status this app does not know shows as the
/// server wrote it.
fn status_text(
    status: String,
    language: RwSignal<Language>,
) -> impl Fn() -> String + Send + Sync + 'static {
    let key = match status.as_str() {
        "open" => Some(Text::ImportOpen),
        "committed" => Some(Text::ImportCommitted),
        "reverted" => Some(Text::ImportReverted),
        _ => None,
    };
    move || {
        key.map_or_else(
            || status.clone(),
            |key| text(key, language.get()).to_owned(),
        )
    }
}

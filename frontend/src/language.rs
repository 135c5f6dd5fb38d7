//! The user's language: chosen in the header and remembered on this device, else the browser's.
//! Every component reads it from the context, so a change shows everywhere at once; requests to
//! the server ask for it too (`Accept-Language`), so the server's messages are in it.

use std::cell::Cell;

use clientela_shared::Language;
use leptos::prelude::*;

use crate::text::{Text, text};

/// The key of the user's choice in the browser's local storage.
const STORAGE_KEY: &str = "clientela.language";

thread_local! {
    /// The language the app shows, kept by [`provide_language`] for the requests to the server:
    /// they are sent from futures, where the context cannot be reached.
    static SHOWN: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language requests ask the server to answer in: the one the app shows, else (a component
/// mounted alone, in a test) the preferred one.
pub fn language_for_requests() -> Language {
    SHOWN.with(Cell::get).unwrap_or_else(preferred_language)
}

/// The language the user chose on this device; else the browser's when Clientela speaks it
/// (`es-EC` is Spanish); else English.
pub fn preferred_language() -> Language {
    let chosen = storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    let browser = || web_sys::window().and_then(|window| window.navigator().language());
    chosen
        .or_else(browser)
        .and_then(|tag| tag.parse().ok())
        .unwrap_or(Language::En)
}

/// Remembers the user's choice on this device.
pub fn remember_language(language: Language) {
    if let Some(storage) = storage() {
        // A full or blocked storage only means the choice is not remembered.
        let _ = storage.set_item(STORAGE_KEY, language.code());
    }
}

/// Forgets the user's choice, so the browser's language counts again.
pub fn forget_language() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// Gives every component below the user's language, and keeps the page's `lang` and title in
/// that language.
pub fn provide_language() -> RwSignal<Language> {
    let language = RwSignal::new(preferred_language());
    provide_context(language);
    // Set now too: the effect first runs after the first requests may have gone.
    SHOWN.with(|shown| shown.set(Some(language.get_untracked())));
    Effect::new(move || {
        let language = language.get();
        SHOWN.with(|shown| shown.set(Some(language)));
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", language.code());
        }
        document.set_title(text(Text::DocumentTitle, language));
    });
    language
}

/// The user's language from the context; a component mounted alone (in a test) gets the
/// preferred one.
pub fn use_language() -> RwSignal<Language> {
    use_context().unwrap_or_else(|| RwSignal::new(preferred_language()))
}

/// `key` in the user's language, for a view: it changes when the language does.
pub fn translated(
    language: RwSignal<Language>,
    key: Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || text(key, language.get())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

//! The language picker of the header.

use clientela_shared::Language;
use leptos::prelude::*;

use crate::language::{remember_language, translated, use_language};
use crate::text::{Text, language_name};

/// A labelled drop-down of the app's languages; the choice shows at once and is remembered on
/// this device.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let language = use_language();
    view! {
        <label class="language-picker">
            {translated(language, Text::LanguageLabel)}
            " "
            <select id="language" on:change=move |ev| {
                if let Ok(chosen) = event_target_value(&ev).parse::<Language>() {
                    remember_language(chosen);
                    language.set(chosen);
                }
            }>
                {Language::ALL.map(|option| view! {
                    <option
                        value=option.code()
                        lang=option.code()
                        selected=move || language.get() == option
                    >
                        {language_name(option)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

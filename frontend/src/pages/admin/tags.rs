//! The workspace's known tags, one per line.

use leptos::prelude::*;

use super::{AdminData, SaveResult, save};
use crate::admin_api;
use crate::language::{translated, use_language};
use crate::text::Text;

/// Edit the known tags.
#[component]
pub fn TagsSection() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let data = expect_context::<AdminData>();
    let draft = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None);
    let shown = move || {
        draft.get().unwrap_or_else(|| {
            data.schema
                .with(|s| s.as_ref().map(|s| s.tags.join("\n")).unwrap_or_default())
        })
    };
    let on_save = move |_| {
        let tags: Vec<String> = shown().lines().map(str::to_owned).collect();
        draft.set(None);
        save(saved, async move { admin_api::put_tags(&tags).await });
    };
    view! {
        <section aria-labelledby="admin-tags-title">
            <h2 id="admin-tags-title">{tr(Text::Tags)}</h2>
            <label for="admin-tags">{tr(Text::TagsHint)}</label>
            <textarea id="admin-tags" rows="5" prop:value=shown
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))></textarea>
            <button id="admin-tags-save" on:click=on_save>{tr(Text::Save)}</button>
            <SaveResult saved=saved />
        </section>
    }
}

//! Import profiles: see them as TOML, change or add one, delete one.

use clientela_shared::Profile;
use leptos::prelude::*;

use super::{AdminData, SaveResult, save};
use crate::admin_api;
use crate::api::ApiError;
use crate::language::{translated, use_language};
use crate::text::Text;

/// List, edit (as TOML), save and delete profiles.
#[component]
pub fn ProfilesSection() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let data = expect_context::<AdminData>();
    let saved = RwSignal::new(None);
    let name = RwSignal::new(String::new());
    let toml = RwSignal::new(String::new());
    let profiles = move || {
        data.schema
            .with(|s| s.as_ref().map(|s| s.profiles.clone()).unwrap_or_default())
    };
    let on_save = move |_| {
        let (name, toml) = (name.get_untracked().trim().to_owned(), toml.get_untracked());
        save(saved, async move {
            // The profile's own error, with its line, when the TOML is wrong.
            let profile =
                Profile::from_toml(&toml).map_err(|err| ApiError::Server(err.to_string()))?;
            admin_api::put_profile(&name, &profile).await
        });
    };
    view! {
        <section aria-labelledby="admin-profiles-title">
            <h2 id="admin-profiles-title">{tr(Text::ProfilesTitle)}</h2>
            <ul id="admin-profiles">
                {move || profiles().into_iter().map(|named| {
                    let (edit_name, edit_toml) = (named.name.clone(), named.profile.to_toml());
                    let delete_name = named.name.clone();
                    view! {
                        <li>
                            <button class="link" on:click=move |_| { name.set(edit_name.clone()); toml.set(edit_toml.clone()); }>{named.name.clone()}</button>
                            " "
                            <button class="link" on:click=move |_| {
                                let profile = delete_name.clone();
                                save(saved, async move { admin_api::delete_profile(&profile).await });
                            }>{tr(Text::Delete)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label>{tr(Text::ProfileName)} " "
                <input id="admin-profile-name" maxlength="100" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label for="admin-profile-toml">{tr(Text::ProfileToml)}</label>
            <textarea id="admin-profile-toml" rows="8" spellcheck="false" prop:value=move || toml.get()
                on:input=move |ev| toml.set(event_target_value(&ev))></textarea>
            <button id="admin-profile-save" on:click=on_save>{tr(Text::SaveProfile)}</button>
            <SaveResult saved=saved />
        </section>
    }
}

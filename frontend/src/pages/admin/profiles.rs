//! Import profiles: see them as TOML, change or add one, delete one. The worker reads and
//! writes the TOML, so the page's own code stays without a TOML parser. The server keeps the
//! text as the admin wrote it, so comments are there the next time.

use clientela_shared::Profile;
use leptos::prelude::*;

use super::{AdminData, SaveResult, delete, save};
use crate::admin_api;
use crate::api::ApiError;
use crate::language::{translated, use_language};
use crate::protocol::Request;
use crate::text::Text;
use crate::worker::{self, Answer};

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
            // Read here first, for the worker's message with its line at once.
            read_toml(toml.clone()).await?;
            admin_api::put_profile(&name, &toml).await
        });
    };
    view! {
        <section aria-labelledby="admin-profiles-title">
            <h2 id="admin-profiles-title">{tr(Text::ProfilesTitle)}</h2>
            <ul id="admin-profiles">
                {move || profiles().into_iter().map(|named| {
                    let (edit_name, edit_profile) = (named.name.clone(), named.profile.clone());
                    let edit_toml = named.toml.clone();
                    let delete_name = named.name.clone();
                    let on_edit = move |_| {
                        name.set(edit_name.clone());
                        // The admin's own text, comments and all; else written from the profile
                        // (one saved through the API as JSON).
                        if let Some(written) = &edit_toml {
                            toml.set(written.clone());
                            return;
                        }
                        let profile = edit_profile.clone();
                        leptos::task::spawn_local(async move {
                            if let Some(written) = write_toml(profile).await {
                                toml.set(written);
                            }
                        });
                    };
                    view! {
                        <li>
                            <button class="link" on:click=on_edit>{named.name.clone()}</button>
                            " "
                            <button class="link" on:click=move |_| {
                                let profile = delete_name.clone();
                                delete(saved, async move { admin_api::delete_profile(&profile).await });
                            }>{tr(Text::Delete)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label>{tr(Text::ProfileName)} " "
                <input id="admin-profile-name" maxlength="100" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label for="admin-profile-toml">{tr(Text::ProfileToml)}</label>
            <textarea id="admin-profile-toml" rows="8" spellcheck="false" placeholder=PROFILE_EXAMPLE prop:value=move || toml.get()
                on:input=move |ev| toml.set(event_target_value(&ev))></textarea>
            <button id="admin-profile-save" on:click=on_save>{tr(Text::SaveProfile)}</button>
            <SaveResult saved=saved />
        </section>
    }
}

/// Shown in the empty editor: the keys most profiles use (the `profiles/` folder of the shared
/// crate has whole examples).
const PROFILE_EXAMPLE: &str = "default_country = \"EC\"\n\
required = [\"first_name\", \"last_name\"]\n\
at_least_one_of = [[\"email\", \"phone\"]]\n\
unique = [\"email\", \"phone\"]\n\
unknown_tags = \"create\"";

/// The profile written in `toml`; the reader's message, with its line, when it is wrong.
async fn read_toml(toml: String) -> Result<Profile, ApiError> {
    match worker::ask::<Profile>(&Request::ProfileFromToml { toml }).await {
        Answer::Got(profile) => Ok(profile),
        Answer::Failed(message) => Err(ApiError::Server(message)),
        Answer::Stopped(why) => Err(ApiError::UnexpectedAnswer(format!("{why:?}"))),
    }
}

/// `profile` as TOML, or `None` when the worker could not answer.
async fn write_toml(profile: Profile) -> Option<String> {
    match worker::ask(&Request::ProfileToToml { profile }).await {
        Answer::Got(toml) => Some(toml),
        Answer::Failed(_) | Answer::Stopped(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_in_the_empty_editor_is_a_valid_profile() {
        let profile = Profile::from_toml(PROFILE_EXAMPLE).unwrap();
        assert_eq!(profile.default_country.as_deref(), Some("EC"));
    }
}

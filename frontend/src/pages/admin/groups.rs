//! Groups of agents: a name and its members, who take new customers in turns.

use leptos::prelude::*;

use super::{AdminData, SaveResult, delete, save};
use crate::admin_api;
use crate::language::{translated, use_language};
use crate::text::Text;

/// List, create, change and delete groups.
#[component]
pub fn GroupsSection() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let data = expect_context::<AdminData>();
    let saved = RwSignal::new(None);
    let name = RwSignal::new(String::new());
    let members = RwSignal::new(Vec::<String>::new());
    let groups = move || {
        data.schema
            .with(|s| s.as_ref().map(|s| s.groups.clone()).unwrap_or_default())
    };
    let on_save = move |_| {
        let (group, chosen) = (
            name.get_untracked().trim().to_owned(),
            members.get_untracked(),
        );
        save(saved, async move {
            admin_api::put_group(&group, &chosen).await.map(drop)
        });
    };
    view! {
        <section aria-labelledby="admin-groups-title">
            <h2 id="admin-groups-title">{tr(Text::GroupsTitle)}</h2>
            <div class="preview">
            <table id="admin-groups">
                <thead><tr><th scope="col">{tr(Text::GroupName)}</th><th scope="col">{tr(Text::Members)}</th><th scope="col"></th></tr></thead>
                <tbody>
                    {move || groups().into_iter().map(|group| {
                        let (edit_name, edit_members) = (group.name.clone(), group.members.clone());
                        let delete_name = group.name.clone();
                        view! {
                            <tr>
                                <td><button class="link" on:click=move |_| { name.set(edit_name.clone()); members.set(edit_members.clone()); }>{group.name.clone()}</button></td>
                                <td>{group.members.join(", ")}</td>
                                <td><button class="link" on:click=move |_| {
                                    let group = delete_name.clone();
                                    delete(saved, async move { admin_api::delete_group(&group).await });
                                }>{tr(Text::Delete)}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <fieldset>
                <legend>{tr(Text::SaveGroup)}</legend>
                <label>{tr(Text::GroupName)} " "
                    <input id="admin-group-name" maxlength="100" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <div id="admin-group-members" role="group" aria-label=move || tr(Text::Members)>
                    {move || data.users.get().into_iter().map(|user| {
                        let email = user.email.clone();
                        let checked = { let email = email.clone(); move || members.with(|m| m.contains(&email)) };
                        view! {
                            <label>
                                <input type="checkbox" value=user.email.clone() prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    members.update(|m| { m.retain(|e| e != &email); if on { m.push(email.clone()); } });
                                } />
                                {format!("{} ({})", user.name, user.email)}
                            </label>
                        }
                    }).collect_view()}
                </div>
                <button id="admin-group-save" on:click=on_save>{tr(Text::SaveGroup)}</button>
            </fieldset>
            <SaveResult saved=saved />
        </section>
    }
}

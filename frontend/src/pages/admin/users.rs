//! The workspace's users: their role, availability and whether they may sign in (unticked:
//! deactivated), and a form to add one.

use clientela_shared::Role;
use leptos::prelude::*;

use super::{AdminData, SaveResult, save};
use crate::admin_api::{self, UserChange};
use crate::language::{translated, use_language};
use crate::text::Text;

/// The roles, with their names.
const ROLES: [(Role, Text); 3] = [
    (Role::Agent, Text::RoleAgent),
    (Role::Supervisor, Text::RoleSupervisor),
    (Role::Admin, Text::RoleAdmin),
];

/// List users, change their role and availability, deactivate or reactivate them, add one.
#[component]
pub fn UsersSection() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let data = expect_context::<AdminData>();
    let saved = RwSignal::new(None);
    let (email, name, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let role = RwSignal::new(Role::Agent);
    let add = move |_| {
        let (email, name, role) = (
            email.get_untracked(),
            name.get_untracked(),
            role.get_untracked(),
        );
        let password = password.get_untracked();
        save(saved, async move {
            let password = (!password.is_empty()).then_some(password.as_str());
            admin_api::add_user(&email, &name, role, password)
                .await
                .map(drop)
        });
    };
    view! {
        <section aria-labelledby="admin-users-title">
            <h2 id="admin-users-title">{tr(Text::UsersTitle)}</h2>
            <div class="preview">
            <table id="admin-users">
                <thead><tr>
                    <th scope="col">{tr(Text::Name)}</th><th scope="col">{tr(Text::Email)}</th>
                    <th scope="col">{tr(Text::Role)}</th><th scope="col">{tr(Text::TakesCustomers)}</th>
                    <th scope="col">{tr(Text::MaySignIn)}</th>
                </tr></thead>
                <tbody>
                    {move || data.users.get().into_iter().map(|user| {
                        let id = user.id;
                        view! {
                            <tr>
                                <td>{user.name.clone()}</td>
                                <td>{user.email.clone()}</td>
                                <td>
                                    <select aria-label=move || tr(Text::Role) on:change=move |ev| {
                                        let chosen = ROLES.iter().find(|(r, _)| r.as_str() == event_target_value(&ev)).map(|(r, _)| *r);
                                        let Some(chosen) = chosen else { return };
                                        save(saved, async move { admin_api::change_user(id, UserChange::Role(chosen)).await.map(drop) });
                                    }>
                                        {ROLES.map(|(value, label)| view! {
                                            <option value=value.as_str() selected=user.role == value>{tr(label)}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td><input type="checkbox" class="user-available" aria-label=move || tr(Text::TakesCustomers)
                                    prop:checked=user.available prop:disabled=!user.active on:change=move |ev| {
                                        let available = event_target_checked(&ev);
                                        save(saved, async move { admin_api::change_user(id, UserChange::Available(available)).await.map(drop) });
                                    } /></td>
                                <td><input type="checkbox" class="user-active" aria-label=move || tr(Text::MaySignIn)
                                    prop:checked=user.active on:change=move |ev| {
                                        let active = event_target_checked(&ev);
                                        save(saved, async move { admin_api::change_user(id, UserChange::Active(active)).await.map(drop) });
                                    } /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <fieldset>
                <legend>{tr(Text::AddUser)}</legend>
                <label>{tr(Text::Email)} " "<input id="admin-user-email" type="email" on:input=move |ev| email.set(event_target_value(&ev)) /></label>
                <label>{tr(Text::Name)} " "<input id="admin-user-name" on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label>{tr(Text::Role)} " "
                    <select id="admin-user-role" on:change=move |ev| {
                        if let Some((chosen, _)) = ROLES.iter().find(|(r, _)| r.as_str() == event_target_value(&ev)) { role.set(*chosen); }
                    }>
                        {ROLES.map(|(value, label)| view! { <option value=value.as_str()>{tr(label)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{tr(Text::PasswordOptional)} " "<input id="admin-user-password" type="password" autocomplete="new-password" on:input=move |ev| password.set(event_target_value(&ev)) /></label>
                <button id="admin-user-add" on:click=add>{tr(Text::AddUser)}</button>
            </fieldset>
            <SaveResult saved=saved />
        </section>
    }
}

//! Step 4: what to do with customers already stored, who gets the new ones, and a preview from
//! the server of what the import would do.

use clientela_shared::{Assignee, Batch, DuplicatePolicy, Me, OutcomeCounts, Role};
use leptos::prelude::*;

use super::WizardState;
use super::sending::{next_batch, open_import};
use super::state::Step;
use crate::api;
use crate::language::translated;
use crate::text::{Text, catalogue, text};

/// How a group is told from an agent's email among the assignee choices.
const GROUP_PREFIX: &str = "group:";

/// The options step.
#[component]
pub fn OptionsStep() -> impl IntoView {
    let state = expect_context::<WizardState>();
    let preview = RwSignal::new(None::<OutcomeCounts>);
    let language = state.language;
    let tr = move |key| translated(language, key);
    // Agents may assign only to themselves and their groups: only those are offered. `None`
    // for the roles that may assign to anyone.
    let agent_email = use_context::<Me>()
        .filter(|me| me.role == Role::Agent)
        .map(|me| me.email);
    let agent_email_for_groups = agent_email.clone();
    let may_assign = move |email: &str| agent_email.as_deref().is_none_or(|mine| mine == email);
    let may_assign_group = move |members: &[String]| {
        agent_email_for_groups
            .as_ref()
            .is_none_or(|mine| members.contains(mine))
    };
    let agents = move || {
        state.schema.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.agents
                        .iter()
                        .filter(|a| may_assign(&a.email))
                        .cloned()
                        .collect()
                })
                .unwrap_or_else(Vec::new)
        })
    };
    let known_tags = move || {
        state
            .schema
            .with(|s| s.as_ref().map(|s| s.tags.clone()).unwrap_or_default())
    };
    let assign_value = move || match state.options.with(|o| o.assign_to.clone()) {
        None => String::new(),
        Some(Assignee::Me) => "me".to_owned(),
        Some(Assignee::Agent { email }) => email,
        Some(Assignee::Group { name }) => format!("{GROUP_PREFIX}{name}"),
    };
    let groups = move || {
        state.schema.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.groups
                        .iter()
                        .filter(|g| may_assign_group(&g.members))
                        .cloned()
                        .collect()
                })
                .unwrap_or_else(Vec::new)
        })
    };
    // The import is opened here first: a refusal (say, an assignee the server does not allow)
    // is shown on this step, where the choice can be changed, and sending starts only after.
    let to_import = move |_| {
        leptos::task::spawn_local(async move {
            if open_import(state).await.is_some() {
                state.step.set(Step::Import);
            }
        });
    };
    let run_preview = move |_| {
        preview.set(None);
        leptos::task::spawn_local(async move {
            let Some(import_id) = open_import(state).await else {
                return;
            };
            let mut total = OutcomeCounts::default();
            let mut start = Some(0);
            while let Some(from) = start {
                let Some(slice) = next_batch(state, from, Batch::MAX_ROWS).await else {
                    return;
                };
                start = slice.next;
                if slice.rows.is_empty() {
                    continue;
                }
                let asking = state.texts().text(Text::AskingTheServer).to_owned();
                state.busy.set(Some(asking));
                match api::preview_batch(import_id, &Batch { rows: slice.rows }).await {
                    Ok(counts) => {
                        total.created += counts.created;
                        total.updated += counts.updated;
                        total.skipped += counts.skipped;
                        total.rejected += counts.rejected;
                    }
                    Err(failure) => {
                        state.busy.set(None);
                        let message = failure.error.message(language.get_untracked());
                        state.error.set(Some(message));
                        return;
                    }
                }
            }
            state.busy.set(None);
            preview.set(Some(total));
        });
    };

    view! {
        <section aria-labelledby="options-title">
            <h2 id="options-title">{tr(Text::OptionsTitle)}</h2>
            <fieldset>
                <legend>{tr(Text::AlreadyStored)}</legend>
                <label>
                    <input type="radio" name="duplicates" id="duplicates-skip"
                        checked=move || state.options.with(|o| o.duplicates == DuplicatePolicy::Skip)
                        on:change=move |_| { state.options.update(|o| o.duplicates = DuplicatePolicy::Skip); preview.set(None); } />
                    {tr(Text::SkipThem)}
                </label>
                <label>
                    <input type="radio" name="duplicates" id="duplicates-update"
                        checked=move || state.options.with(|o| o.duplicates == DuplicatePolicy::Update)
                        on:change=move |_| { state.options.update(|o| o.duplicates = DuplicatePolicy::Update); preview.set(None); } />
                    {tr(Text::UpdateThem)}
                </label>
            </fieldset>
            <fieldset>
                <legend>{tr(Text::NewCustomersGoTo)}</legend>
                <select id="assign-to" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    state.options.update(|o| o.assign_to = match value.as_str() {
                        "" => None,
                        "me" => Some(Assignee::Me),
                        other => match other.strip_prefix(GROUP_PREFIX) {
                            Some(name) => Some(Assignee::Group { name: name.to_owned() }),
                            None => Some(Assignee::Agent { email: other.to_owned() }),
                        },
                    });
                    preview.set(None);
                }>
                    <option value="" selected=move || assign_value().is_empty()>{tr(Text::NobodyForNow)}</option>
                    <option value="me" selected=move || assign_value() == "me">{tr(Text::Me)}</option>
                    {move || agents().into_iter().map(|agent| {
                        let email = agent.email.clone();
                        let value = agent.email.clone();
                        let selected = move || assign_value() == email;
                        let label = move || {
                            let unavailable = if agent.available { "" } else { text(Text::Unavailable, language.get()) };
                            format!("{} ({}){unavailable}", agent.name, agent.email)
                        };
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                    {move || groups().into_iter().map(|group| {
                        let value = format!("{GROUP_PREFIX}{}", group.name);
                        let selected = { let value = value.clone(); move || assign_value() == value };
                        let label = catalogue(language.get()).group_choice(&group.name, group.members.len());
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
                <label>
                    <input type="checkbox" id="reassign"
                        checked=move || state.options.with(|o| o.reassign_if_unavailable)
                        on:change=move |ev| state.options.update(|o| o.reassign_if_unavailable = event_target_checked(&ev)) />
                    {tr(Text::ReassignIfUnavailable)}
                </label>
            </fieldset>
            <fieldset>
                <legend>{tr(Text::ForEveryCustomer)}</legend>
                <div id="tags-for-all">
                    {move || known_tags().into_iter().map(|tag| {
                        let checked = { let tag = tag.clone(); move || state.defaults.with(|d| d.tags.contains(&tag)) };
                        let toggled = tag.clone();
                        view! {
                            <label>
                                <input type="checkbox" class="tag-for-all" value=tag.clone() checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    state.defaults.update(|d| {
                                        d.tags.retain(|t| t != &toggled);
                                        if on { d.tags.push(toggled.clone()); }
                                    });
                                } />
                                {move || catalogue(language.get()).tag_label(&tag)}
                            </label>
                        }
                    }).collect_view()}
                </div>
                <label>
                    {tr(Text::StatusWhereNone)}
                    <select id="status-for-all" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        state.defaults.update(|d| d.status = (!value.is_empty()).then_some(value));
                    }>
                        <option value="">{tr(Text::NoStatus)}</option>
                        <option value="active">{tr(Text::ActiveCustomer)}</option>
                        <option value="potential">{tr(Text::PotentialCustomer)}</option>
                    </select>
                </label>
                <label>
                    {tr(Text::PutOnList)} " "
                    <input type="text" id="list-name" maxlength="100"
                        prop:value=move || state.options.with(|o| o.list.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let name = event_target_value(&ev).trim().to_owned();
                            state.options.update(|o| o.list = (!name.is_empty()).then_some(name));
                        } />
                </label>
            </fieldset>
            <button id="preview-button" class="secondary" on:click=run_preview>{tr(Text::PreviewWhatWouldHappen)}</button>
            {move || preview.get().map(|counts| view! {
                <p id="preview-result" class="summary" aria-live="polite">
                    {move || catalogue(language.get()).preview_result(&counts)}
                </p>
            })}
            <button id="to-import" on:click=to_import>{tr(Text::NextImport)}</button>
        </section>
    }
}

//! The workspace's custom fields: key, label, type, options of a select, required.

use clientela_shared::{CustomField, FieldType};
use leptos::prelude::*;

use super::{AdminData, SaveResult, save};
use crate::admin_api;
use crate::language::{translated, use_language};
use crate::text::Text;

/// The types a custom field can have, with their names.
const KINDS: [(FieldType, &str, Text); 6] = [
    (FieldType::Text, "text", Text::KindPlain),
    (FieldType::Number, "number", Text::KindNumber),
    (FieldType::Currency, "currency", Text::KindCurrency),
    (FieldType::Date, "date", Text::KindDate),
    (FieldType::Boolean, "boolean", Text::KindBoolean),
    (FieldType::Select, "select", Text::KindSelect),
];

/// Edit the custom fields; the whole list is saved at once.
#[component]
pub fn CustomFieldsSection() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let data = expect_context::<AdminData>();
    let fields = RwSignal::new(Vec::<CustomField>::new());
    Effect::new(move || {
        let stored = data.schema.with(|s| {
            s.as_ref()
                .map(|s| s.custom_fields.clone())
                .unwrap_or_default()
        });
        fields.set(stored);
    });
    let saved = RwSignal::new(None);
    let add = move |_| {
        fields.update(|fields| {
            fields.push(CustomField {
                key: String::new(),
                label: String::new(),
                kind: FieldType::Text,
                options: Vec::new(),
                required: false,
            })
        })
    };
    let on_save = move |_| {
        let fields = fields.get_untracked();
        save(
            saved,
            async move { admin_api::put_custom_fields(&fields).await },
        );
    };
    view! {
        <section aria-labelledby="admin-fields-title">
            <h2 id="admin-fields-title">{tr(Text::CustomFieldsTitle)}</h2>
            <div class="preview">
            <table id="admin-fields">
                <thead><tr>
                    <th scope="col">{tr(Text::Key)}</th><th scope="col">{tr(Text::Label)}</th>
                    <th scope="col">{tr(Text::FieldKind)}</th><th scope="col">{tr(Text::SelectOptions)}</th>
                    <th scope="col">{tr(Text::Required)}</th><th scope="col"></th>
                </tr></thead>
                <tbody>
                    {move || (0..fields.with(Vec::len)).map(|index| view! { <FieldRow fields=fields index=index /> }).collect_view()}
                </tbody>
            </table>
            </div>
            <button class="secondary" id="admin-fields-add" on:click=add>{tr(Text::AddField)}</button>
            <button id="admin-fields-save" on:click=on_save>{tr(Text::Save)}</button>
            <SaveResult saved=saved />
        </section>
    }
}

/// One custom field, edited in place in `fields`.
#[component]
fn FieldRow(fields: RwSignal<Vec<CustomField>>, index: usize) -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let get = move |read: fn(&CustomField) -> String| {
        move || fields.with(|fields| fields.get(index).map(read).unwrap_or_default())
    };
    let set = move |write: fn(&mut CustomField, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            fields.update(|fields| {
                if let Some(field) = fields.get_mut(index) {
                    write(field, value);
                }
            });
        }
    };
    let kind = move || fields.with(|fields| fields.get(index).map(|field| field.kind));
    view! {
        <tr>
            <td><input class="field-key" aria-label=move || tr(Text::Key) prop:value=get(|f| f.key.clone())
                on:change=set(|f, v| f.key = v.trim().to_owned()) /></td>
            <td><input class="field-label" aria-label=move || tr(Text::Label) prop:value=get(|f| f.label.clone())
                on:change=set(|f, v| f.label = v) /></td>
            <td>
                <select class="field-kind" aria-label=move || tr(Text::FieldKind) on:change=set(|f, v| {
                    if let Some((kind, _, _)) = KINDS.iter().find(|(_, name, _)| *name == v) {
                        f.kind = *kind;
                    }
                })>
                    {KINDS.map(|(value, name, label)| view! {
                        <option value=name selected=move || kind() == Some(value)>{tr(label)}</option>
                    }).collect_view()}
                </select>
            </td>
            <td><input class="field-options" aria-label=move || tr(Text::SelectOptions)
                prop:value=get(|f| f.options.join(", "))
                on:change=set(|f, v| f.options = v.split(',').map(str::trim).filter(|o| !o.is_empty()).map(str::to_owned).collect()) /></td>
            <td><input type="checkbox" class="field-required" aria-label=move || tr(Text::Required)
                prop:checked=move || fields.with(|fields| fields.get(index).is_some_and(|f| f.required))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    fields.update(|fields| if let Some(field) = fields.get_mut(index) { field.required = on; });
                } /></td>
            <td><button class="link" on:click=move |_| fields.update(|fields| { if index < fields.len() { fields.remove(index); } })>
                {tr(Text::Delete)}
            </button></td>
        </tr>
    }
}

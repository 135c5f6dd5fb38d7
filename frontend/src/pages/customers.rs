//! The customers page: search by name, email or phone, a page at a time.

use clientela_shared::{Customer, CustomerList};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::language::{translated, use_language};
use crate::text::{Text, catalogue};

/// The workspace's customers.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(1_u64);
    let list = RwSignal::new(None::<CustomerList>);
    let error = RwSignal::new(None::<ApiError>);
    Effect::new(move || {
        let (search, page) = (search.get(), page.get());
        leptos::task::spawn_local(async move {
            match api::customers(&search, page).await {
                Ok(found) => {
                    error.set(None);
                    list.set(Some(found));
                }
                Err(failed) => error.set(Some(failed)),
            }
        });
    });
    let pages = move || {
        list.with(|l| {
            l.as_ref()
                .map_or(1, |l| l.total.div_ceil(api::CUSTOMERS_PER_PAGE).max(1))
        })
    };
    view! {
        <main>
            <h1>{tr(Text::PageCustomers)}</h1>
            <form role="search" on:submit=move |ev| ev.prevent_default()>
                <label for="customer-search">{tr(Text::SearchCustomers)}</label>
                <input id="customer-search" type="search" on:input=move |ev| {
                    search.set(event_target_value(&ev));
                    page.set(1);
                } />
            </form>
            {move || error.get().map(|failed| view! {
                <p class="message error" role="alert">{failed.message(language.get())}</p>
            })}
            <p id="customer-count" class="summary" aria-live="polite">
                {move || list.with(|l| l.as_ref().map(|l| catalogue(language.get()).customer_count(l.total)))}
            </p>
            <div class="preview">
                <table id="customers">
                    <thead><tr>
                        <th scope="col">{tr(Text::Name)}</th><th scope="col">{tr(Text::Email)}</th><th scope="col">{tr(Text::Phone)}</th>
                        <th scope="col">{tr(Text::Tags)}</th><th scope="col">{tr(Text::FileLine)}</th>
                    </tr></thead>
                    <tbody>
                        {move || list.get().map(|l| l.customers.into_iter().map(|c| view! { <CustomerRow customer=c /> }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="toolbar">
                <button class="secondary" disabled=move || page.get() <= 1 on:click=move |_| page.update(|p| *p -= 1)>{tr(Text::Previous)}</button>
                <span>{move || catalogue(language.get()).page_of(page.get(), pages())}</span>
                <button class="secondary" disabled=move || page.get() >= pages() on:click=move |_| page.update(|p| *p += 1)>{tr(Text::Next)}</button>
            </p>
        </main>
    }
}

#[component]
fn CustomerRow(customer: Customer) -> impl IntoView {
    let field = |key: &str| customer.fields.get(key).cloned().unwrap_or_default();
    let name = ["first_name", "last_name", "second_last_name"]
        .iter()
        .map(|key| field(key))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let name = if name.is_empty() {
        field("full_name")
    } else {
        name
    };
    let phone = if field("mobile").is_empty() {
        field("phone")
    } else {
        field("mobile")
    };
    view! {
        <tr>
            <td>{name}</td>
            <td>{field("email")}</td>
            <td>{phone}</td>
            <td>{field("tags")}</td>
            <td>{format!("{}, {}", customer.file_name, customer.line)}</td>
        </tr>
    }
}

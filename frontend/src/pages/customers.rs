//! The customers page: search by name, email or phone, a page at a time.

use clientela_shared::{Customer, CustomerList};
use leptos::prelude::*;

use crate::api;

/// The workspace's customers.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(1_u64);
    let list = RwSignal::new(None::<CustomerList>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move || {
        let (search, page) = (search.get(), page.get());
        leptos::task::spawn_local(async move {
            match api::customers(&search, page).await {
                Ok(found) => {
                    error.set(None);
                    list.set(Some(found));
                }
                Err(message) => error.set(Some(message)),
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
            <h1>"Customers"</h1>
            <form role="search" on:submit=move |ev| ev.prevent_default()>
                <label for="customer-search">"Search by name, email or phone "</label>
                <input id="customer-search" type="search" on:input=move |ev| {
                    search.set(event_target_value(&ev));
                    page.set(1);
                } />
            </form>
            {move || error.get().map(|m| view! { <p class="message error" role="alert">{m}</p> })}
            <p id="customer-count" class="summary" aria-live="polite">
                {move || list.with(|l| l.as_ref().map(|l| format!("{} customers", l.total)))}
            </p>
            <div class="preview">
                <table id="customers">
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Phone"</th>
                        <th scope="col">"Tags"</th><th scope="col">"File, line"</th>
                    </tr></thead>
                    <tbody>
                        {move || list.get().map(|l| l.customers.into_iter().map(|c| view! { <CustomerRow customer=c /> }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="toolbar">
                <button class="secondary" disabled=move || page.get() <= 1 on:click=move |_| page.update(|p| *p -= 1)>"Previous"</button>
                <span>{move || format!("Page {} of {}", page.get(), pages())}</span>
                <button class="secondary" disabled=move || page.get() >= pages() on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
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

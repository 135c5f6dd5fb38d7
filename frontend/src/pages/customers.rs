//! The customers page: search by name, email or phone, filter by tag, status, agent and list, a
//! page at a time, and download every match as CSV. Opened from an import's result, it shows
//! that import's customers first.

use clientela_shared::{Customer, CustomerList, CustomerListInfo, WorkspaceSchema};
use leptos::prelude::*;

use crate::address::{self, Address};
use crate::api::{self, ApiError, CustomerFilters};
use crate::components::app::Page;
use crate::language::{translated, use_language};
use crate::text::{Text, catalogue};

/// The import the customers page opens with: set by the wizard's result step, taken (and
/// cleared) by the page when it opens.
#[derive(Clone, Copy, Debug)]
pub struct OpenWithImport(pub RwSignal<Option<ImportShown>>);

/// An import whose customers are shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportShown {
    /// The server's id of the import.
    pub id: i64,
    /// Its file's name, to show.
    pub file_name: String,
}

/// The workspace's customers.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let language = use_language();
    let tr = move |key| translated(language, key);
    let (filters, page, of_import) = starting_view();
    let (filters, page, of_import) = (
        RwSignal::new(filters),
        RwSignal::new(page),
        RwSignal::new(of_import),
    );
    // The filters and the page of results in the address bar, so a reload or a link shows the
    // same customers. Another page of results is a step of the browser's history (Back returns
    // to the one before); a change of filters takes the current step's place.
    let page_in_address = StoredValue::new(page.get_untracked());
    Effect::new(move || {
        let number = page.get();
        let page_number = number.to_string();
        let hash = filters.with(|filters| {
            let mut query = filters.pairs().to_vec();
            query.push(("page", if number == 1 { "" } else { &page_number }));
            address::hash_of(Page::Customers.id(), &query)
        });
        let new_step = page_in_address.get_value() != number;
        page_in_address.set_value(number);
        address::show(&hash, new_step);
    });
    let back_or_forward = window_event_listener(leptos::ev::popstate, move |_| {
        if let Some((found, number, shown)) = view_in(&address::current()) {
            page_in_address.set_value(number);
            filters.set(found);
            page.set(number);
            of_import.set(shown);
        }
    });
    on_cleanup(move || back_or_forward.remove());
    let show_all = move |_| {
        of_import.set(None);
        filters.update(|filters| filters.import.clear());
        page.set(1);
    };
    let list = RwSignal::new(None::<CustomerList>);
    let error = RwSignal::new(None::<ApiError>);
    let schema = RwSignal::new(None::<WorkspaceSchema>);
    let lists = RwSignal::new(Vec::<CustomerListInfo>::new());
    leptos::task::spawn_local(async move {
        // Without them the filters offer fewer choices; the page still works.
        if let Ok(found) = api::schema().await {
            schema.set(Some(found));
        }
        if let Ok(found) = api::lists().await {
            lists.set(found);
        }
    });
    // Typing sends a request per key; only the answer to the latest one is shown, whatever
    // order the answers come back in.
    let latest = StoredValue::new(0_u64);
    Effect::new(move || {
        let (filters, page) = (filters.get(), page.get());
        latest.update_value(|latest| *latest += 1);
        let asked = latest.get_value();
        leptos::task::spawn_local(async move {
            let answer = api::customers(&filters, page).await;
            if asked != latest.get_value() {
                return;
            }
            match answer {
                Ok(found) => {
                    error.set(None);
                    list.set(Some(found));
                }
                Err(failed) => error.set(Some(failed)),
            }
        });
    });
    let set_filter = move |change: fn(&mut CustomerFilters, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            filters.update(|filters| change(filters, value));
            page.set(1);
        }
    };
    let pages = move || {
        list.with(|l| {
            l.as_ref()
                .map_or(1, |l| l.total.div_ceil(api::CUSTOMERS_PER_PAGE).max(1))
        })
    };
    let tags = move || schema.with(|s| s.as_ref().map(|s| s.tags.clone()).unwrap_or_default());
    let agents = move || schema.with(|s| s.as_ref().map(|s| s.agents.clone()).unwrap_or_default());
    view! {
        <main>
            <h1>{tr(Text::PageCustomers)}</h1>
            <form role="search" class="filters" aria-label=move || tr(Text::FilterCustomers) on:submit=move |ev| ev.prevent_default()>
                <label>
                    {tr(Text::SearchCustomers)} " "
                    <input id="customer-search" type="search" prop:value=move || filters.with(|f| f.search.clone()) on:input=set_filter(|f, v| f.search = v) />
                </label>
                <label>
                    {tr(Text::Tags)} " "
                    <select id="filter-tag" on:change=set_filter(|f, v| f.tag = v)>
                        <option value="">{tr(Text::AnyTag)}</option>
                        {move || tags().into_iter().map(|tag| view! {
                            <option value=tag.clone() prop:selected=chosen(filters, |f| &f.tag, &tag)>{tag.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    {tr(Text::Status)} " "
                    <select id="filter-status" on:change=set_filter(|f, v| f.status = v)>
                        <option value="">{tr(Text::AnyStatus)}</option>
                        <option value="active" prop:selected=chosen(filters, |f| &f.status, "active")>{tr(Text::ActiveCustomer)}</option>
                        <option value="potential" prop:selected=chosen(filters, |f| &f.status, "potential")>{tr(Text::PotentialCustomer)}</option>
                    </select>
                </label>
                <label>
                    {tr(Text::Agent)} " "
                    <select id="filter-agent" on:change=set_filter(|f, v| f.agent = v)>
                        <option value="">{tr(Text::AnyAgent)}</option>
                        {move || agents().into_iter().map(|agent| view! {
                            <option value=agent.email.clone() prop:selected=chosen(filters, |f| &f.agent, &agent.email)>{format!("{} ({})", agent.name, agent.email)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    {tr(Text::List)} " "
                    <select id="filter-list" on:change=set_filter(|f, v| f.list = v)>
                        <option value="">{tr(Text::AnyList)}</option>
                        {move || lists.get().into_iter().map(|found| view! {
                            <option value=found.name.clone() prop:selected=chosen(filters, |f| &f.list, &found.name)>{format!("{} ({})", found.name, found.members)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </form>
            {move || of_import.get().map(|shown| view! {
                <p class="toolbar" id="filter-import">
                    <span>{tr(Text::OnlyThisImport)} " " <strong>{format!("#{} {}", shown.id, shown.file_name).trim_end().to_owned()}</strong></span>
                    <button class="link" id="filter-import-clear" on:click=show_all>{tr(Text::ShowAllCustomers)}</button>
                </p>
            })}
            {move || error.get().map(|failed| view! {
                <p class="message error" role="alert">{failed.message(language.get())}</p>
            })}
            <p class="toolbar">
                <span id="customer-count" class="summary" aria-live="polite">
                    {move || list.with(|l| l.as_ref().map(|l| catalogue(language.get()).customer_count(l.total)))}
                </span>
                <a id="export-customers" class="button secondary" href=move || filters.with(CustomerFilters::export_url) download="customers.csv">
                    {tr(Text::DownloadTheseCustomers)}
                </a>
            </p>
            <div class="preview">
                <table id="customers">
                    <thead><tr>
                        <th scope="col">{tr(Text::Name)}</th><th scope="col">{tr(Text::Email)}</th><th scope="col">{tr(Text::Phone)}</th>
                        <th scope="col">{tr(Text::Tags)}</th><th scope="col">{tr(Text::Agent)}</th><th scope="col">{tr(Text::FileLine)}</th>
                    </tr></thead>
                    <tbody>
                        {move || list.get().map(|l| l.customers.into_iter().map(|c| view! { <CustomerRow customer=c /> }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="toolbar">
                <button class="secondary" id="customers-previous" disabled=move || { page.get() <= 1 } on:click=move |_| page.update(|p| *p -= 1)>{tr(Text::Previous)}</button>
                <span id="customers-page">{move || catalogue(language.get()).page_of(page.get(), pages())}</span>
                <button class="secondary" id="customers-next" disabled=move || { page.get() >= pages() } on:click=move |_| page.update(|p| *p += 1)>{tr(Text::Next)}</button>
            </p>
        </main>
    }
}

/// The filters, page and import the page opens on: the import the wizard's result step asked
/// for, else what the address bar says (a reload, a link), else every customer.
fn starting_view() -> (CustomerFilters, u64, Option<ImportShown>) {
    let from_wizard =
        use_context::<OpenWithImport>().and_then(|open| open.0.try_update(Option::take).flatten());
    if let Some(shown) = from_wizard {
        let filters = CustomerFilters {
            import: shown.id.to_string(),
            ..CustomerFilters::default()
        };
        return (filters, 1, Some(shown));
    }
    view_in(&address::current()).unwrap_or((CustomerFilters::default(), 1, None))
}

/// The filters, page and import `address` shows, if it is the customers page's.
fn view_in(address: &Address) -> Option<(CustomerFilters, u64, Option<ImportShown>)> {
    if address.page != Page::Customers.id() {
        return None;
    }
    let filters = CustomerFilters::from_query(&address.query);
    let page = address
        .get("page")
        .and_then(|page| page.parse().ok())
        .unwrap_or(1_u64)
        .max(1);
    // Only the number is in the address; the file's name is in the history.
    let shown = filters.import.parse().ok().map(|id| ImportShown {
        id,
        file_name: String::new(),
    });
    Some((filters, page, shown))
}

/// Whether `value` is the filter's choice now, for the `selected` of its option: the options
/// come after the page opened with its filters (from the server), so each says whether it is
/// the chosen one.
fn chosen(
    filters: RwSignal<CustomerFilters>,
    filter: fn(&CustomerFilters) -> &String,
    value: &str,
) -> impl Fn() -> bool + Send + Sync + use<> {
    let value = value.to_owned();
    move || filters.with(|f| *filter(f) == value)
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
    let agent = match (&customer.agent, &customer.group) {
        (Some(agent), Some(group)) => format!("{agent} ({group})"),
        (Some(agent), None) => agent.clone(),
        (None, Some(group)) => group.clone(),
        (None, None) => String::new(),
    };
    view! {
        <tr>
            <td>{name}</td>
            <td>{field("email")}</td>
            <td>{phone}</td>
            <td>{field("tags")}</td>
            <td>{agent}</td>
            <td>{format!("{}, {}", customer.file_name, customer.line)}</td>
        </tr>
    }
}

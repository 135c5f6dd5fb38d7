//! The app: sign in, then the import wizard, in the user's language.

use clientela_shared::{Me, Role};
use leptos::prelude::*;

use crate::address;
use crate::api;
use crate::components::language_picker::LanguagePicker;
use crate::components::sign_in::SignInForm;
use crate::language::{provide_language, translated};
use crate::later_views::{self, shown_when_fetched};
use crate::pages::customers::OpenWithImport;
use crate::text::Text;
use crate::wizard::ImportWizard;

/// The app's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The import wizard.
    Import,
    /// The customers.
    Customers,
    /// The imports so far.
    History,
    /// Tags, custom fields, groups, users and profiles (admins only).
    Admin,
}

impl Page {
    /// Every page, in the order of the menu.
    pub const ALL: [Page; 4] = [Page::Import, Page::Customers, Page::History, Page::Admin];

    /// Whether `role` sees the page in the menu.
    fn is_for(self, role: Role) -> bool {
        self != Page::Admin || role == Role::Admin
    }

    fn title(self) -> Text {
        match self {
            Page::Import => Text::PageImport,
            Page::Customers => Text::PageCustomers,
            Page::History => Text::PageHistory,
            Page::Admin => Text::PageAdmin,
        }
    }

    /// The page named `id`, as [`Page::id`] names it.
    fn from_id(id: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|page| page.id() == id)
    }

    /// The page's name in the address bar (`#customers`) and in element ids.
    pub fn id(self) -> &'static str {
        match self {
            Page::Import => "import",
            Page::Customers => "customers",
            Page::History => "history",
            Page::Admin => "admin",
        }
    }
}

/// Who is using the app.
#[derive(Clone, Debug, PartialEq)]
enum Session {
    /// Asking the server.
    Checking,
    /// Nobody is signed in.
    SignedOut,
    /// This user is signed in.
    SignedIn(Me),
    /// The server could not be asked.
    Unreachable(api::ApiError),
}

/// The whole app: the sign-in form until someone is signed in, then the import wizard.
#[component]
pub fn App() -> impl IntoView {
    let language = provide_language();
    let session = RwSignal::new(Session::Checking);
    let page = RwSignal::new(Page::from_id(&address::current().page).unwrap_or(Page::Import));
    provide_context(page);
    keep_page_in_address(page);
    // The other views' code, split off the first load, comes after the first paint. So does
    // the import worker (the readers, the phone metadata), even on the sign-in form: its code
    // is compiled by the time the user, signed in, drops a file.
    request_animation_frame(later_views::fetch_all_in_background);
    request_animation_frame(crate::worker::start);
    provide_context(OpenWithImport(RwSignal::new(None)));
    leptos::task::spawn_local(async move {
        session.set(match api::current_user().await {
            Ok(Some(me)) => Session::SignedIn(me),
            Ok(None) => Session::SignedOut,
            Err(error) => Session::Unreachable(error),
        });
    });
    let signed_in = Callback::new(move |me| session.set(Session::SignedIn(me)));
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            // Signed out here even if the server could not be told; the cookie expires anyway.
            let _ = api::sign_out().await;
            // The next user starts at the import page, not at a page they may not see.
            page.set(Page::Import);
            session.set(Session::SignedOut);
        });
    };

    move || {
        match session.get() {
        Session::Checking => view! { <main aria-busy="true"></main> }.into_any(),
        Session::SignedOut => view! {
            <header class="top-bar">
                <LanguagePicker />
            </header>
            <main>
                <SignInForm on_signed_in=signed_in />
            </main>
        }
        .into_any(),
        Session::Unreachable(error) => view! {
            <header class="top-bar">
                <LanguagePicker />
            </header>
            <main>
                <p class="message error" role="alert">{move || error.message(language.get())}</p>
            </main>
        }
        .into_any(),
        Session::SignedIn(me) => {
            // Who is signed in, for the views that offer only what their role may do.
            provide_context(me.clone());
            view! {
            <header class="top-bar">
                <nav aria-label=translated(language, Text::PagesNav) class="pages">
                    {Page::ALL.into_iter().filter(|target| target.is_for(me.role)).map(|target| view! {
                        <button
                            class="link"
                            id=format!("page-{}", target.id())
                            aria-current=move || (page.get() == target).then_some("page")
                            on:click=move |_| page.set(target)
                        >
                            {translated(language, target.title())}
                        </button>
                    }).collect_view()}
                </nav>
                <LanguagePicker />
                <span id="signed-in-as">{format!("{} ({})", me.name, me.email)}</span>
                <button class="link" id="sign-out-button" on:click=sign_out>
                    {translated(language, Text::SignOut)}
                </button>
            </header>
            // The wizard stays mounted while another page shows, so nothing chosen is lost.
            <div hidden=move || page.get() != Page::Import>
                <ImportWizard />
            </div>
            {move || match page.get() {
                Page::Import => None,
                shown if !shown.is_for(me.role) => None,
                Page::Customers => Some(shown_when_fetched(later_views::customers_page())),
                Page::History => Some(shown_when_fetched(later_views::history_page())),
                Page::Admin => Some(shown_when_fetched(later_views::admin_page())),
            }}
            }
            .into_any()
        }
    }
    }
}

/// Shows the page in the address bar, each page a step of the browser's history, and follows
/// the address when the user goes Back or Forward.
fn keep_page_in_address(page: RwSignal<Page>) {
    Effect::new(move || {
        let shown = page.get();
        // Already there: the app opened on it, the user went Back to it, or the page wrote its
        // own query (the customers page's filters).
        if Page::from_id(&address::current().page) != Some(shown) {
            address::show(&address::hash_of(shown.id(), &[]), true);
        }
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        page.set(Page::from_id(&address::current().page).unwrap_or(Page::Import));
    });
    on_cleanup(move || listener.remove());
}

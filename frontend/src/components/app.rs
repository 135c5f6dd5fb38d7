//! The app: sign in, then the import wizard.

use clientela_shared::Me;
use leptos::prelude::*;

use crate::api;
use crate::components::sign_in::SignInForm;
use crate::wizard::ImportWizard;

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
    Unreachable(String),
}

/// The whole app: the sign-in form until someone is signed in, then the import wizard.
#[component]
pub fn App() -> impl IntoView {
    let session = RwSignal::new(Session::Checking);
    leptos::task::spawn_local(async move {
        session.set(match api::current_user().await {
            Ok(Some(me)) => Session::SignedIn(me),
            Ok(None) => Session::SignedOut,
            Err(message) => Session::Unreachable(message),
        });
    });
    let signed_in = Callback::new(move |me| session.set(Session::SignedIn(me)));
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            // Signed out here even if the server could not be told; the cookie expires anyway.
            let _ = api::sign_out().await;
            session.set(Session::SignedOut);
        });
    };

    move || match session.get() {
        Session::Checking => view! { <main aria-busy="true"></main> }.into_any(),
        Session::SignedOut => view! {
            <main>
                <SignInForm on_signed_in=signed_in />
            </main>
        }
        .into_any(),
        Session::Unreachable(message) => view! {
            <main>
                <p class="message error" role="alert">{message}</p>
            </main>
        }
        .into_any(),
        Session::SignedIn(me) => view! {
            <header class="top-bar">
                <span id="signed-in-as">{format!("{} ({})", me.name, me.email)}</span>
                <button class="link" id="sign-out-button" on:click=sign_out>"Sign out"</button>
            </header>
            <ImportWizard />
        }
        .into_any(),
    }
}

//! The app: sign in, then the import page (pick a file, see what was read, import it).

use std::sync::Arc;

use clientela_shared::{Me, Table, read_table};
use leptos::prelude::*;

use crate::api;
use crate::components::file_picker::{FilePicker, PickedFile};
use crate::components::import_button::ImportButton;
use crate::components::sign_in::SignInForm;
use crate::components::table_preview::TablePreview;

/// A file that was read into a table.
#[derive(Debug)]
pub struct LoadedFile {
    /// The file's name, as the user's computer calls it.
    pub name: String,
    /// What was read from it.
    pub table: Table,
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
    Unreachable(String),
}

/// The whole app: the sign-in form until someone is signed in, then the import page.
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
            <ImportPage />
        }
        .into_any(),
    }
}

/// The import page: pick a file, see what was read, import it.
#[component]
pub fn ImportPage() -> impl IntoView {
    let loaded = RwSignal::new(None::<Arc<LoadedFile>>);
    let read_error = RwSignal::new(None::<String>);

    let on_file = move |PickedFile { name, bytes }: PickedFile| match read_table(&bytes) {
        Ok(table) => {
            read_error.set(None);
            loaded.set(Some(Arc::new(LoadedFile { name, table })));
        }
        Err(err) => {
            loaded.set(None);
            read_error.set(Some(format!("{name}: {err}")));
        }
    };

    view! {
        <main>
            <h1>"Import customers"</h1>
            <FilePicker on_file=Callback::new(on_file) />
            {move || {
                read_error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="message error" role="alert" id="read-error">
                                {message}
                            </p>
                        }
                    })
            }}
            {move || {
                loaded
                    .get()
                    .map(|file| {
                        view! {
                            <TablePreview file=file.clone() />
                            <ImportButton file=file />
                        }
                    })
            }}
        </main>
    }
}

//! The sign-in form: email and password.

use clientela_shared::Me;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::language::{translated, use_language};
use crate::text::Text;

/// Asks for email and password and calls `on_signed_in` once the server accepts them.
#[component]
pub fn SignInForm(
    /// Called with the user the server signed in.
    on_signed_in: Callback<Me>,
) -> impl IntoView {
    let language = use_language();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::sign_in(&email.get_untracked(), &password.get_untracked()).await {
                Ok(me) => {
                    error.set(None);
                    on_signed_in.run(me);
                }
                Err(failed) => error.set(Some(failed)),
            }
            busy.set(false);
        });
    };

    view! {
        <form class="sign-in" on:submit=submit aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{translated(language, Text::SignInTitle)}</h1>
            <label for="sign-in-email">{translated(language, Text::Email)}</label>
            <input
                id="sign-in-email"
                type="email"
                autocomplete="username"
                required
                bind:value=email
            />
            <label for="sign-in-password">{translated(language, Text::Password)}</label>
            <input
                id="sign-in-password"
                type="password"
                autocomplete="current-password"
                required
                bind:value=password
            />
            <button id="sign-in-button" type="submit" disabled=move || busy.get()>
                {translated(language, Text::SignIn)}
            </button>
            <div aria-live="polite">
                {move || {
                    error
                        .get()
                        .map(|failed| {
                            view! {
                                <p class="message error" role="alert" id="sign-in-error">
                                    {failed.message(language.get())}
                                </p>
                            }
                        })
                }}
            </div>
        </form>
    }
}

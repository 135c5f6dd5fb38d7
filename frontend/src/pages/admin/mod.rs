//! The administration page, for admins: the workspace's tags, custom fields, groups of agents,
//! users and import profiles. Each section saves on its own and says what the server answered.

mod custom_fields;
mod groups;
mod profiles;
mod tags;
mod users;

use clientela_shared::{AgentInfo, WorkspaceSchema};
use leptos::prelude::*;

use crate::admin_api;
use crate::api::{self, ApiError};
use crate::language::{translated, use_language};
use crate::text::{Text, catalogue};

/// What the sections show and change: the workspace's schema and users, read again after every
/// change so the page always shows what is stored.
#[derive(Clone, Copy)]
struct AdminData {
    schema: RwSignal<Option<WorkspaceSchema>>,
    users: RwSignal<Vec<AgentInfo>>,
    error: RwSignal<Option<ApiError>>,
}

impl AdminData {
    fn reload(self) {
        self.error.set(None);
        leptos::task::spawn_local(async move {
            match api::schema().await {
                Ok(schema) => self.schema.set(Some(schema)),
                Err(failed) => self.error.set(Some(failed)),
            }
            match admin_api::users().await {
                Ok(users) => self.users.set(users),
                Err(failed) => self.error.set(Some(failed)),
            }
        });
    }
}

/// The administration page.
#[component]
pub fn AdminPage() -> impl IntoView {
    let language = use_language();
    let data = AdminData {
        schema: RwSignal::new(None),
        users: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
    };
    data.reload();
    provide_context(data);
    view! {
        <main id="admin">
            <h1>{move || translated(language, Text::PageAdmin)}</h1>
            {move || data.error.get().map(|failed| view! {
                <p class="message error" role="alert">{failed.message(language.get())}</p>
            })}
            <tags::TagsSection />
            <custom_fields::CustomFieldsSection />
            <groups::GroupsSection />
            <users::UsersSection />
            <profiles::ProfilesSection />
        </main>
    }
}

/// Runs a change, then shows "Saved." in `saved` (or the error) and reloads what is stored.
fn save<F>(saved: RwSignal<Option<Result<Text, ApiError>>>, change: F)
where
    F: std::future::Future<Output = Result<(), ApiError>> + 'static,
{
    apply(saved, Text::Saved, change);
}

/// Deletes something after asking the user to confirm, then reloads the data; `saved` gets
/// the outcome.
fn delete<F>(saved: RwSignal<Option<Result<Text, ApiError>>>, change: F)
where
    F: std::future::Future<Output = Result<(), ApiError>> + 'static,
{
    let question = catalogue(use_language().get_untracked()).text(Text::ConfirmDelete);
    let confirmed = web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false);
    if confirmed {
        apply(saved, Text::Deleted, change);
    }
}

/// Runs `change`, then reloads the data; `saved` gets `done` or the failure.
fn apply<F>(saved: RwSignal<Option<Result<Text, ApiError>>>, done: Text, change: F)
where
    F: std::future::Future<Output = Result<(), ApiError>> + 'static,
{
    let data = expect_context::<AdminData>();
    saved.set(None);
    leptos::task::spawn_local(async move {
        let result = change.await.map(|()| done);
        saved.set(Some(result));
        data.reload();
    });
}

/// The answer to the last save of a section, for screen readers too.
#[component]
fn SaveResult(saved: RwSignal<Option<Result<Text, ApiError>>>) -> impl IntoView {
    let language = use_language();
    view! {
        <p class="summary" aria-live="polite">
            {move || saved.get().map(|result| match result {
                Ok(done) => translated(language, done)().into_any(),
                Err(failed) => view! { <span class="error" role="alert">{failed.message(language.get())}</span> }.into_any(),
            })}
        </p>
    }
}

//! The Clientela import wizard: a Leptos app whose Web Worker reads, maps and checks customer
//! files with `clientela-shared`, and which sends the clean records to the server.
#![deny(missing_docs)]

mod address;
mod admin_api;
mod api;
mod browser_file;
mod components;
mod language;
mod later_views;
mod pages;
pub mod protocol;
pub mod session;
mod template;
mod text;
pub mod worker;

mod wizard;

pub use components::app::App;
pub use components::language_picker::LanguagePicker;
pub use components::sign_in::SignInForm;
pub use language::{forget_language, provide_language};
pub use wizard::{ColumnsStep, FileStep, ImportWizard, OptionsStep, Step, WizardState};

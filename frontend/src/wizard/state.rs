//! Everything the wizard knows, in signals shared by its steps.

use clientela_shared::{
    ImportOptions, Language, Mapping, OutcomeCounts, Profile, Role, WorkspaceRules, WorkspaceSchema,
};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use web_sys::File;

use super::opened_file::show_opened_file;
use super::remembered_mapping;
use crate::api;
use crate::language::use_language;
use crate::protocol::{
    Change, FileOverview, Overrides, RecordDefaults, Request, ReviewCounts, WorkerStopped,
};
use crate::text::{Catalogue, Text, catalogue};
use crate::worker::{self, Answer};

/// The wizard's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Drop a file; see what was detected.
    File,
    /// Map columns to fields.
    Columns,
    /// See and fix every row.
    Review,
    /// Duplicates and assignment.
    Options,
    /// Send the records.
    Import,
    /// What happened.
    Result,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::File,
        Step::Columns,
        Step::Review,
        Step::Options,
        Step::Import,
        Step::Result,
    ];

    /// Its title in `language`.
    pub fn title(self, language: Language) -> &'static str {
        let key = match self {
            Step::File => Text::StepFile,
            Step::Columns => Text::StepColumns,
            Step::Review => Text::StepReview,
            Step::Options => Text::StepOptions,
            Step::Import => Text::StepImport,
            Step::Result => Text::StepResult,
        };
        crate::text::text(key, language)
    }

    /// Its id in the page (`step-file`…).
    pub fn id(self) -> &'static str {
        match self {
            Step::File => "file",
            Step::Columns => "columns",
            Step::Review => "review",
            Step::Options => "options",
            Step::Import => "import",
            Step::Result => "result",
        }
    }
}

/// How far the import got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportProgress {
    /// The server's id of the import.
    pub id: i64,
    /// Records sent so far.
    pub sent: u64,
    /// Records the server answered for.
    pub confirmed: u64,
    /// Records to send in all.
    pub total: u64,
    /// The outcomes so far.
    pub counts: OutcomeCounts,
    /// All sent and committed.
    pub finished: bool,
    /// The number of the next batch.
    pub next_seq: u64,
    /// The row the next batch starts at; `None` once every row was sent.
    pub next_start: Option<usize>,
}

impl ImportProgress {
    /// An import that sends nothing yet.
    pub fn new(id: i64, total: u64) -> ImportProgress {
        ImportProgress {
            id,
            total,
            next_seq: 1,
            next_start: Some(0),
            ..ImportProgress::default()
        }
    }
}

/// The wizard's state. Every field is a signal, so the struct is `Copy` and steps share it
/// through the context.
#[derive(Clone, Copy, Debug)]
pub struct WizardState {
    /// The step shown.
    pub step: RwSignal<Step>,
    /// The workspace's fields, tags, agents and profiles.
    pub schema: RwSignal<Option<WorkspaceSchema>>,
    /// The saved profile rows are checked with, by name: `None` is the first saved one, an
    /// empty name none at all (only the workspace's own fields).
    pub profile_choice: RwSignal<Option<String>>,
    /// The default country the user chose for rows that name none, over the profile's.
    pub default_country: RwSignal<Option<String>>,
    /// The user's language (the app's, when the wizard runs inside it).
    pub language: RwSignal<Language>,
    /// What was read from the file.
    pub file: RwSignal<Option<FileOverview>>,
    /// The overrides the file was read with.
    pub overrides: RwSignal<Overrides>,
    /// The column mapping.
    pub mapping: RwSignal<Option<Mapping>>,
    /// Set when the mapping was remembered from an earlier file with the same headers.
    pub mapping_remembered: RwSignal<bool>,
    /// The review's counts, once the rows were checked.
    pub counts: RwSignal<Option<ReviewCounts>>,
    /// Bumped whenever rows change, so the grid asks for them again.
    pub rows_version: RwSignal<u64>,
    /// Duplicates and assignment.
    pub options: RwSignal<ImportOptions>,
    /// Tags and status for every record.
    pub defaults: RwSignal<RecordDefaults>,
    /// The client id the import was opened with on the server, and the options then.
    pub opened: RwSignal<Option<(String, ImportOptions)>>,
    /// The server's id of the import, once opened.
    pub import_id: RwSignal<Option<i64>>,
    /// The import, once started.
    pub progress: RwSignal<Option<ImportProgress>>,
    /// Batches are being sent (one sender at a time, whichever step shows).
    pub sending: RwSignal<bool>,
    /// The user paused sending.
    pub paused: RwSignal<bool>,
    /// What the wizard is doing, for the user (and screen readers).
    pub busy: RwSignal<Option<String>>,
    /// The last error, for the user.
    pub error: RwSignal<Option<String>>,
}

impl WizardState {
    /// A wizard at its first step.
    pub fn new() -> WizardState {
        WizardState {
            step: RwSignal::new(Step::File),
            schema: RwSignal::new(None),
            default_country: RwSignal::new(None),
            language: use_language(),
            file: RwSignal::new(None),
            overrides: RwSignal::new(Overrides::default()),
            mapping: RwSignal::new(None),
            mapping_remembered: RwSignal::new(false),
            counts: RwSignal::new(None),
            rows_version: RwSignal::new(0),
            options: RwSignal::new(ImportOptions::default()),
            defaults: RwSignal::new(RecordDefaults::default()),
            opened: RwSignal::new(None),
            import_id: RwSignal::new(None),
            progress: RwSignal::new(None),
            sending: RwSignal::new(false),
            paused: RwSignal::new(false),
            busy: RwSignal::new(None),
            error: RwSignal::new(None),
            profile_choice: RwSignal::new(None),
        }
    }

    /// Asks the server for the workspace's schema.
    pub fn load_schema(self) {
        leptos::task::spawn_local(async move {
            match api::schema().await {
                Ok(schema) => self.schema.set(Some(schema)),
                Err(error) => {
                    let language = self.language.get_untracked();
                    self.error.set(Some(error.message(language)));
                }
            }
        });
    }

    /// Checks the rows with another saved profile (an empty name: none): the file is read
    /// again, so the suggested columns and the required fields follow it.
    pub fn choose_profile(self, name: String) {
        self.profile_choice.set(Some(name));
        if self.file.with_untracked(Option::is_some) {
            self.reread(self.overrides.get_untracked());
        }
    }

    /// The texts in the user's language now (not followed: for messages shown once, such as
    /// what the wizard is busy with).
    pub(crate) fn texts(self) -> &'static dyn Catalogue {
        catalogue(self.language.get_untracked())
    }

    /// The profile rows are checked with: the saved profile the user chose (the first one
    /// unless they chose another, or none) with the default country they chose, under the
    /// workspace's rules ([`WorkspaceRules`], the same the server applies).
    pub fn profile(self) -> Profile {
        let schema = self.schema.get_untracked().unwrap_or_default();
        let name = match self.profile_choice.get_untracked().as_deref() {
            Some("") => None,
            Some(name) => Some(name.to_owned()),
            None => schema.profiles.first().map(|saved| saved.name.clone()),
        };
        let sent = Profile {
            name,
            default_country: self.default_country.get_untracked(),
            ..Profile::default()
        };
        let rules = WorkspaceRules {
            saved: &schema.profiles,
            tags: &schema.tags,
            custom_fields: &schema.custom_fields,
        };
        // The page sends a saved profile's name or none, for which the role changes nothing.
        rules.import_profile(Role::Agent, sent)
    }

    /// Whether the user may open `step` now.
    pub fn can_go_to(self, step: Step) -> bool {
        let started = self.progress.with(Option::is_some);
        // A file with errors as a whole goes no further than the review.
        let sendable = || {
            self.counts
                .with(|c| c.as_ref().is_some_and(|c| c.file_errors.is_empty()))
        };
        match step {
            Step::File => true,
            Step::Columns => self.file.with(Option::is_some),
            Step::Review => self.counts.with(Option::is_some),
            Step::Options => sendable(),
            Step::Import => {
                let ready = self
                    .counts
                    .with(|c| c.as_ref().is_some_and(|c| c.ready > 0));
                started || (ready && sendable())
            }
            Step::Result => self
                .progress
                .with(|p| p.as_ref().is_some_and(|p| p.finished)),
        }
    }

    /// Sends `request` to the worker, showing `doing` meanwhile, for an answer that holds a
    /// `T`; a failure is shown to the user and gives `None`.
    pub async fn ask<T: DeserializeOwned>(
        self,
        doing: String,
        request: &Request,
        file: Option<&File>,
    ) -> Option<T> {
        self.busy.set(Some(doing));
        let answer = match file {
            Some(file) => worker::ask_with_file(request, file).await,
            None => worker::ask(request).await,
        };
        self.busy.set(None);
        match answer {
            Answer::Failed(message) => {
                self.error.set(Some(message));
                None
            }
            Answer::Stopped(why) => {
                self.error.set(Some(self.stopped_message(why)));
                None
            }
            Answer::Got(got) => {
                self.error.set(None);
                Some(got)
            }
        }
    }

    /// Why the worker stopped before answering, for the user.
    pub fn stopped_message(self, why: WorkerStopped) -> String {
        let key = match why {
            WorkerStopped::Died => Text::WorkerDied,
            WorkerStopped::Replaced => Text::AnotherFileOpened,
        };
        self.texts().text(key).to_owned()
    }

    /// Reads a dropped or picked file in the worker.
    pub fn open_file(self, file: File) {
        leptos::task::spawn_local(async move {
            // What an admin changed meanwhile applies to this file; offline, the schema the
            // page has will do.
            if let Ok(schema) = api::schema().await {
                self.schema.set(Some(schema));
            }
            let name = file.name();
            let request = Request::Open {
                name: name.clone(),
                profile: self.profile(),
            };
            let reading = self.texts().reading_file(&name);
            // The previous file is gone from the worker; nothing may refer to it meanwhile.
            self.forget_file();
            self.overrides.set(Overrides::default());
            if let Some(overview) = self.ask(reading, &request, Some(&file)).await {
                self.show_opened_file(overview).await;
            }
        });
    }

    /// Forgets the file and everything chosen for it. The import options stay for the next
    /// file, but for the list to put its customers on, which names one file's customers.
    pub fn forget_file(self) {
        if let Some(id) = self.import_id.get_untracked() {
            super::sending::discard_unsent(self, id);
        }
        self.options.update(|options| options.list = None);
        self.file.set(None);
        self.mapping.set(None);
        self.counts.set(None);
        self.opened.set(None);
        self.import_id.set(None);
        self.progress.set(None);
    }

    /// Reads the same file again with the user's corrections.
    pub fn reread(self, overrides: Overrides) {
        self.overrides.set(overrides.clone());
        leptos::task::spawn_local(async move {
            let request = Request::Reread {
                overrides,
                profile: self.profile(),
            };
            if let Some(overview) = self
                .ask(
                    self.texts().text(Text::ReadingAgain).to_owned(),
                    &request,
                    None,
                )
                .await
            {
                self.show_opened_file(overview).await;
            }
        });
    }

    /// Shows the file the worker read, as it described it: `overview` is a [`FileOverview`],
    /// still unread, since the code that reads and shows it comes after the first paint
    /// ([`show_opened_file`]).
    async fn show_opened_file(self, overview: Box<RawValue>) {
        if show_opened_file(self, overview.get().to_owned())
            .await
            .is_err()
        {
            self.error
                .set(Some(self.texts().text(Text::PartNotFetched).to_owned()));
        }
    }

    /// Shows the file the worker read.
    pub(super) fn show_file(self, overview: FileOverview) {
        let remembered =
            remembered_mapping::recall(&overview.mapping.fingerprint, &overview.columns);
        self.mapping_remembered.set(remembered.is_some());
        self.mapping
            .set(Some(remembered.unwrap_or_else(|| overview.mapping.clone())));
        if let Some(id) = self.import_id.get_untracked() {
            super::sending::discard_unsent(self, id);
        }
        self.counts.set(None);
        self.opened.set(None);
        self.import_id.set(None);
        self.progress.set(None);
        self.file.set(Some(overview));
    }

    /// Checks every row with the chosen mapping, then shows the review.
    pub fn validate(self) {
        let Some(mapping) = self.mapping.get_untracked() else {
            return;
        };
        remembered_mapping::remember(&mapping);
        leptos::task::spawn_local(async move {
            let request = Request::Validate {
                profile: self.profile(),
                mapping,
                language: self.language.get_untracked(),
            };
            if let Some(counts) = self
                .ask(
                    self.texts().text(Text::CheckingEveryRow).to_owned(),
                    &request,
                    None,
                )
                .await
            {
                self.counts.set(Some(counts));
                self.rows_version.update(|version| *version += 1);
                self.step.set(Step::Review);
            }
        });
    }

    /// Sends a change to the worker and refreshes the counts and the grid.
    pub fn change(self, doing: Text, request: Request) {
        leptos::task::spawn_local(async move {
            let doing = self.texts().text(doing).to_owned();
            if let Some(Change { counts, .. }) = self.ask(doing, &request, None).await {
                self.counts.set(Some(counts));
                self.rows_version.update(|version| *version += 1);
            }
        });
    }
}

impl Default for WizardState {
    fn default() -> WizardState {
        WizardState::new()
    }
}

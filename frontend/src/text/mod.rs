//! Every text the app shows, in English, Spanish, Portuguese (Brazilian) and Polish.
//!
//! A fixed text is a [`Text`] key, looked up with [`text`]. A text with numbers or names in it is
//! a method of [`Catalogue`], which each language implements in its own file (`en.rs`, `es.rs`,
//! `pt.rs`, `pl.rs`), with the plural forms its grammar needs ([`plural_form`]).
//!
//! ```text
//! text(Text::SignIn, Language::Es) // "Iniciar sesión"
//! catalogue(Language::Pl).customer_count(3) // "3 klientów"
//! ```
//!
//! Pure Rust, so the catalogue is tested natively; the page and the worker both use it.

mod en;
mod es;
mod pl;
mod plural;
mod pt;

use clientela_shared::{Language, OutcomeCounts, RevertSummary};

pub use plural::{PluralForm, plural_form};

use crate::protocol::ReviewCounts;

/// Declares [`Text`] and the list of all its keys together, so no key can be left out of the
/// tests that check every language has it.
macro_rules! text_keys {
    ($($key:ident),* $(,)?) => {
        /// A fixed text of the app; [`text`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($key),*
        }

        impl Text {
            /// Every key.
            pub const ALL: &[Text] = &[$(Text::$key),*];
        }
    };
}

text_keys! {
    // The app: menu, header, sign-in.
    DocumentTitle, PagesNav, PageImport, PageCustomers, PageHistory, SignOut, LanguageLabel,
    SignInTitle, Email, Password, SignIn, WrongEmailOrPassword, ServerUnreachable,
    // The wizard's frame and steps.
    ImportCustomers, ImportStepsNav, StepFile, StepColumns, StepReview, StepOptions, StepImport,
    StepResult, WorkerDied, AnotherFileOpened, PartNotFetched,
    // 1. File.
    FileTitle, DropFileHere, OrChooseOne, DownloadCsvTemplate, TemplateOr, DownloadXlsxTemplate,
    TemplateHint, ImportProfile, NoProfile, Encoding,
    Separator, Sheet, HeaderOnLine, Comma, Semicolon, Tab, VerticalBar, FirstRowsCaption,
    NextColumns, ReadingAgain, HeaderLineNumber,
    // 2. Columns.
    ColumnsTitle, MappingRemembered, Column, SampleValues, GoesTo, Confidence,
    NextCheckEveryRow, YourChoice, NoMatch, KeepAsAdditionalData, IgnoreThisColumn,
    CheckingEveryRow,
    // 3. Review.
    ReviewTitle, RowsToolbar, AllRows, WithErrors, WithWarnings, LeftOut, NextProblem,
    LookingForNextProblem, NoProblemsLeft, FixesForEveryRow, ApplyingSuggestions, TrimSpaces,
    TrimmingSpaces, DefaultCountry, AsInProfile, Argentina, Brazil, Chile, Colombia, Ecuador,
    Spain, Mexico, Peru, Poland, Portugal, UnitedStates, DownloadProblems, PreparingTheFile,
    EditHint, NextOptions, LineHeader, ImportHeader, NewValue, Updating, CheckingTheRow,
    ProblemHeader, LeftOutByUser,
    // 4. Options.
    OptionsTitle, AlreadyStored, SkipThem, UpdateThem, NewCustomersGoTo, NobodyForNow, Me,
    Unavailable, ReassignIfUnavailable, ForEveryCustomer, StatusWhereNone, NoStatus,
    ActiveCustomer, PotentialCustomer, PreviewWhatWouldHappen, AskingTheServer, NextImport,
    OpeningTheImport, PreparingRecords,
    // 5. Import.
    ImportTitle, ConfirmedByServer, Done, Paused, Sending, Stopped, Pause, Resume,
    SeeTheResult, FinishingTheImport, PausedAfterFailure,
    // 6. Result.
    ResultTitle, DownloadServerRejected, DownloadNotSent, SeeTheCustomers, SeeInHistory,
    ImportAnother,
    // The customers page.
    SearchCustomers, Name, Phone, Tags, FileLine, Previous, Next,
    // The history page.
    File, OpenedOn, OpenedBy, Status, Created, Updated, Skipped, Rejected, ErrorsCsv, Undo, ImportOpen,
    ImportCommitted, ImportReverted,
    // Options, filters and the administration page.
    PutOnList, AnyTag, AnyStatus, Agent, AnyAgent, List, AnyList, FilterCustomers,
    DownloadTheseCustomers, PageAdmin, TagsHint, Save, Saved, Deleted, ConfirmDelete, Delete, CustomFieldsTitle, Key,
    Label, FieldKind, SelectOptions, Required, AddField, KindPlain, KindNumber, KindCurrency,
    KindDate, KindBoolean, KindSelect, GroupsTitle, GroupName, Members, SaveGroup, UsersTitle,
    Role, RoleAgent, RoleSupervisor, RoleAdmin, TakesCustomers, MaySignIn, AddUser, PasswordOptional,
    ProfilesTitle, ProfileName, ProfileToml, SaveProfile, IAmAvailable, NotAnErrorFile,
    NoLineNumber, LineNotInFile, FixAndFinish, FixAndFinishHint, SendingCorrections, OnlyThisImport,
    ShowAllCustomers,
}

/// The texts of one language: the fixed ones, and those with numbers or names in them.
pub trait Catalogue {
    /// A fixed text.
    fn text(&self, key: Text) -> &'static str;
    /// The file step's summary: `clientes.csv: 4 rows, 3 columns (CSV, utf-8, …)`.
    fn file_summary(&self, name: &str, rows: usize, columns: usize, facts: &str) -> String;
    /// The detected separator, among the file's facts.
    fn separator_fact(&self, separator: &str) -> String;
    /// The sheet read, among the file's facts.
    fn sheet_fact(&self, sheet: &str) -> String;
    /// The header's line, among the file's facts.
    fn header_line_fact(&self, line: u64) -> String;
    /// A hidden sheet, in the sheet chooser.
    fn hidden_sheet(&self, sheet: &str) -> String;
    /// Said while a file is read.
    fn reading_file(&self, name: &str) -> String;
    /// A tag, as a choice of the mapping or a checkbox.
    fn tag_label(&self, tag: &str) -> String;
    /// The review's counts: `4 rows: 3 ready to import, 1 with errors, …`.
    fn review_counts(&self, counts: &ReviewCounts) -> String;
    /// The button that applies every suggested fix.
    fn apply_suggestions(&self, suggestions: usize) -> String;
    /// A grid cell for screen readers: `Line 3, Email: ana@`.
    fn cell_description(&self, line: u64, header: &str, value: &str) -> String;
    /// The checkbox that keeps a line in the import.
    fn include_line(&self, line: u64) -> String;
    /// What the server says the import would do.
    fn preview_result(&self, counts: &OutcomeCounts) -> String;
    /// How far sending got.
    fn import_status(&self, sent: u64, confirmed: u64, total: u64) -> String;
    /// Said after a failed batch, before it is sent again.
    fn retrying(&self, seconds: i32, attempt: u32, tries: u32) -> String;
    /// What the import did.
    fn import_result(&self, counts: &OutcomeCounts, not_sent: usize) -> String;
    /// A group among the assignees: `Group Ventas: 3 agents in turns`.
    fn group_choice(&self, group: &str, agents: usize) -> String;
    /// What sending a corrected error file did.
    fn corrections_sent(&self, sent: usize, still_wrong: usize) -> String;
    /// How many customers the search found.
    fn customer_count(&self, customers: u64) -> String;
    /// Where the customers page is.
    fn page_of(&self, page: u64, pages: u64) -> String;
    /// The question before an import is undone.
    fn confirm_undo(&self, file: &str, counts: &OutcomeCounts) -> String;
    /// What undoing an import did.
    fn undone(&self, file: &str, summary: &RevertSummary) -> String;
    /// A failed request without a message from the server.
    fn server_status(&self, status: u16) -> String;
    /// An answer the app cannot read.
    fn unexpected_answer(&self, error: &str) -> String;
}

/// The texts of `language`.
pub fn catalogue(language: Language) -> &'static dyn Catalogue {
    match language {
        Language::En => &en::English,
        Language::Es => &es::Spanish,
        Language::Pt => &pt::Portuguese,
        Language::Pl => &pl::Polish,
    }
}

/// The fixed text `key` in `language`.
pub fn text(key: Text, language: Language) -> &'static str {
    catalogue(language).text(key)
}

/// The language's name in itself, for the language picker.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Es => "Español",
        Language::Pt => "Português (Brasil)",
        Language::Pl => "Polski",
    }
}

/// `count` and the word for it in the plural form `language` needs (`1 fila`, `5 wierszy`).
/// Languages with two forms pass the same word as `few` and `many`.
fn counted(language: Language, count: u64, one: &str, few: &str, many: &str) -> String {
    let word = match plural_form(language, count) {
        PluralForm::One => one,
        PluralForm::Few => few,
        PluralForm::Many => many,
    };
    format!("{count} {word}")
}

#[cfg(test)]
mod tests;

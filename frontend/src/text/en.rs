//! English, with the singular for one ("1 row", "2 rows").

use clientela_shared::{OutcomeCounts, RevertSummary};

use super::{Catalogue, Text};
use crate::protocol::ReviewCounts;

/// `count` and its noun, singular for one.
fn count(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The English texts.
#[derive(Debug)]
pub struct English;

impl Catalogue for English {
    fn text(&self, key: Text) -> &'static str {
        match key {
            Text::DocumentTitle => "Clientela — import customers",
            Text::PartNotFetched => {
                "This part of the app could not be loaded. Check the connection and open it again."
            }
            Text::PagesNav => "Pages",
            Text::PageImport => "Import",
            Text::PageCustomers => "Customers",
            Text::PageHistory => "Import history",
            Text::SignOut => "Sign out",
            Text::LanguageLabel => "Language",
            Text::SignInTitle => "Sign in to Clientela",
            Text::Email => "Email",
            Text::Password => "Password",
            Text::SignIn => "Sign in",
            Text::WrongEmailOrPassword => "Wrong email or password.",
            Text::ServerUnreachable => {
                "The server cannot be reached. Check your connection and try again."
            }
            Text::ImportCustomers => "Import customers",
            Text::ImportStepsNav => "Import steps",
            Text::StepFile => "File",
            Text::StepColumns => "Columns",
            Text::StepReview => "Review",
            Text::StepOptions => "Options",
            Text::StepImport => "Import",
            Text::StepResult => "Result",
            Text::WorkerDied => {
                "The file could not be processed: the browser stopped the worker (too little \
                 memory, or a bug). Reload the page and try again; if it happens again, please \
                 send us the file."
            }
            Text::AnotherFileOpened => "Another file was opened.",
            Text::FileTitle => "1. Your file",
            Text::DropFileHere => "Drop a customer file here",
            Text::OrChooseOne => {
                " or choose one: CSV, TSV, Excel (XLSX, XLSM, XLS, XLSB) or OpenDocument (ODS)."
            }
            Text::DownloadCsvTemplate => "Download a CSV template",
            Text::TemplateOr => " or ",
            Text::DownloadXlsxTemplate => "an Excel template (with drop-down lists)",
            Text::TemplateHint => ", each with every field of this workspace and an example row.",
            Text::ImportProfile => "Import profile ",
            Text::NoProfile => "None: only the workspace's own fields",
            Text::Encoding => "Encoding ",
            Text::Separator => "Separator ",
            Text::Sheet => "Sheet ",
            Text::HeaderOnLine => "Header on line ",
            Text::Comma => "comma",
            Text::Semicolon => "semicolon",
            Text::Tab => "tab",
            Text::VerticalBar => "vertical bar",
            Text::FirstRowsCaption => "The first rows of the file",
            Text::NextColumns => "Next: columns",
            Text::HeaderLineNumber => "The header's line is a number from 1 on.",
            Text::ReadingAgain => "Reading again…",
            Text::ColumnsTitle => "2. Columns",
            Text::MappingRemembered => {
                "These columns are mapped as you mapped a file with the same headers before."
            }
            Text::Column => "Column",
            Text::SampleValues => "Sample values",
            Text::GoesTo => "Goes to",
            Text::Confidence => "Confidence",
            Text::NextCheckEveryRow => "Next: check every row",
            Text::YourChoice => "Your choice",
            Text::NoMatch => "No match",
            Text::KeepAsAdditionalData => "Keep as additional data",
            Text::IgnoreThisColumn => "Ignore this column",
            Text::CheckingEveryRow => "Checking every row…",
            Text::ReviewTitle => "3. Review",
            Text::RowsToolbar => "Rows",
            Text::AllRows => "All",
            Text::WithErrors => "With errors",
            Text::WithWarnings => "With warnings",
            Text::LeftOut => "Left out",
            Text::NextProblem => "Next problem",
            Text::LookingForNextProblem => "Looking for the next problem…",
            Text::NoProblemsLeft => "No problems left.",
            Text::FixesForEveryRow => "Fixes for every row",
            Text::ApplyingSuggestions => "Applying the suggestions…",
            Text::TrimSpaces => "Trim spaces",
            Text::TrimmingSpaces => "Trimming spaces…",
            Text::DefaultCountry => "Default country ",
            Text::AsInProfile => "As in the profile",
            Text::Argentina => "Argentina",
            Text::Brazil => "Brazil",
            Text::Chile => "Chile",
            Text::Colombia => "Colombia",
            Text::Ecuador => "Ecuador",
            Text::Spain => "Spain",
            Text::Mexico => "Mexico",
            Text::Peru => "Peru",
            Text::Poland => "Poland",
            Text::Portugal => "Portugal",
            Text::UnitedStates => "United States",
            Text::DownloadProblems => "Download the rows with problems (CSV)",
            Text::PreparingTheFile => "Preparing the file…",
            Text::EditHint => {
                "Move between cells with the arrow keys, Page Up and Page Down. Double-click a cell \
                 or press Enter or F2 to change it (Enter saves, Escape cancels); the row is \
                 checked again at once."
            }
            Text::NextOptions => "Next: options",
            Text::LineHeader => "Line",
            Text::ImportHeader => "Import",
            Text::NewValue => "New value",
            Text::Updating => "Updating…",
            Text::CheckingTheRow => "Checking the row…",
            Text::ProblemHeader => "Problem",
            Text::LeftOutByUser => "Left out by the user.",
            Text::OptionsTitle => "4. Options",
            Text::AlreadyStored => "Customers already stored (same email or phone)",
            Text::SkipThem => "Skip them: leave the stored customer as it is",
            Text::UpdateThem => "Update them with the file's values",
            Text::NewCustomersGoTo => "New customers go to",
            Text::NobodyForNow => "Nobody for now",
            Text::Me => "Me",
            Text::Unavailable => ", unavailable",
            Text::ReassignIfUnavailable => {
                "If that agent is unavailable, give each customer to a random available agent"
            }
            Text::ForEveryCustomer => "For every customer of this import",
            Text::StatusWhereNone => "Status, where the file gives none ",
            Text::NoStatus => "None",
            Text::ActiveCustomer => "Active customer",
            Text::PotentialCustomer => "Potential customer",
            Text::PreviewWhatWouldHappen => "Preview what would happen",
            Text::AskingTheServer => "Asking the server what would happen…",
            Text::NextImport => "Next: import",
            Text::OpeningTheImport => "Opening the import…",
            Text::PreparingRecords => "Preparing records…",
            Text::ImportTitle => "5. Import",
            Text::ConfirmedByServer => "Confirmed by the server",
            Text::Done => "Done.",
            Text::Paused => "Paused.",
            Text::Sending => "Sending…",
            Text::Stopped => "Stopped.",
            Text::Pause => "Pause",
            Text::Resume => "Resume",
            Text::SeeTheResult => "See the result",
            Text::FinishingTheImport => "Finishing the import…",
            Text::PausedAfterFailure => "The import is paused; press Resume to try again.",
            Text::ResultTitle => "6. Result",
            Text::DownloadServerRejected => "Download the rows the server rejected (CSV)",
            Text::DownloadNotSent => "Download the rows that were not sent (CSV)",
            Text::SeeTheCustomers => "See the customers",
            Text::SeeInHistory => "See this import in the history",
            Text::ImportAnother => "Import another file",
            Text::SearchCustomers => "Search by name, email or phone ",
            Text::Name => "Name",
            Text::Phone => "Phone",
            Text::Tags => "Tags",
            Text::FileLine => "File, line",
            Text::Previous => "Previous",
            Text::Next => "Next",
            Text::OpenedBy => "Opened by",
            Text::OpenedOn => "Opened",
            Text::File => "File",
            Text::Status => "Status",
            Text::Created => "Created",
            Text::Updated => "Updated",
            Text::Skipped => "Skipped",
            Text::Rejected => "Rejected",
            Text::ErrorsCsv => "Errors (CSV)",
            Text::Undo => "Undo",
            Text::ImportOpen => "open",
            Text::ImportCommitted => "committed",
            Text::ImportReverted => "reverted",
            Text::PutOnList => "Put them on the list (created if new; blank for none)",
            Text::AnyTag => "Any tag",
            Text::AnyStatus => "Any status",
            Text::Agent => "Agent",
            Text::AnyAgent => "Any agent",
            Text::List => "List",
            Text::AnyList => "Any list",
            Text::FilterCustomers => "Filter customers",
            Text::DownloadTheseCustomers => "Download these customers (CSV)",
            Text::OnlyThisImport => "Only the customers this import created or updated:",
            Text::ShowAllCustomers => "Show all customers",
            Text::PageAdmin => "Administration",
            Text::TagsHint => "One tag per line.",
            Text::Save => "Save",
            Text::Deleted => "Deleted.",
            Text::ConfirmDelete => "Delete it? This cannot be undone.",
            Text::Saved => "Saved.",
            Text::Delete => "Delete",
            Text::CustomFieldsTitle => "Custom fields",
            Text::Key => "Key",
            Text::Label => "Label",
            Text::FieldKind => "Type",
            Text::SelectOptions => "Options (separated by commas)",
            Text::Required => "Required",
            Text::AddField => "Add a field",
            Text::KindPlain => "Text",
            Text::KindNumber => "Number",
            Text::KindCurrency => "Amount of money",
            Text::KindDate => "Date",
            Text::KindBoolean => "Yes or no",
            Text::KindSelect => "One of a list",
            Text::GroupsTitle => "Groups of agents",
            Text::GroupName => "Group name",
            Text::Members => "Members",
            Text::SaveGroup => "Save the group",
            Text::UsersTitle => "Users",
            Text::Role => "Role",
            Text::RoleAgent => "Agent",
            Text::RoleSupervisor => "Supervisor",
            Text::RoleAdmin => "Admin",
            Text::TakesCustomers => "Takes new customers",
            Text::MaySignIn => "May sign in",
            Text::AddUser => "Add the user",
            Text::PasswordOptional => {
                "Password (8 characters or more; without one, the user cannot sign in here and works with an API token)"
            }
            Text::ProfilesTitle => "Import profiles",
            Text::ProfileName => "Profile name",
            Text::ProfileToml => "The profile (TOML)",
            Text::SaveProfile => "Save the profile",
            Text::IAmAvailable => "I take new customers",
            Text::NotAnErrorFile => {
                "This is not an error file of Clientela: it has no Line column. Download the error file above, fix its rows and drop it here."
            }
            Text::LineNotInFile => "This line is not a row of the imported file.",
            Text::NoLineNumber => {
                "The Line cell is not a line number; keep the Line column as it was."
            }
            Text::FixAndFinish => "Fix and finish",
            Text::FixAndFinishHint => {
                "Fix the rows of the error file in your spreadsheet, then drop it here: they are checked and sent to this same import."
            }
            Text::SendingCorrections => "Sending the corrected rows…",
        }
    }

    fn file_summary(&self, name: &str, rows: usize, columns: usize, facts: &str) -> String {
        format!(
            "{name}: {}, {} ({facts})",
            count(rows as u64, "row", "rows"),
            count(columns as u64, "column", "columns")
        )
    }

    fn separator_fact(&self, separator: &str) -> String {
        format!("separator {separator}")
    }

    fn sheet_fact(&self, sheet: &str) -> String {
        format!("sheet {sheet}")
    }

    fn header_line_fact(&self, line: u64) -> String {
        format!("header on line {line}")
    }

    fn hidden_sheet(&self, sheet: &str) -> String {
        format!("{sheet} (hidden)")
    }

    fn reading_file(&self, name: &str) -> String {
        format!("Reading {name}…")
    }

    fn tag_label(&self, tag: &str) -> String {
        format!("Tag: {tag}")
    }

    fn review_counts(&self, c: &ReviewCounts) -> String {
        format!(
            "{}: {} ready to import, {} with errors, {} with warnings, {} left out.",
            count(c.rows as u64, "row", "rows"),
            c.ready,
            c.errors,
            c.warnings,
            c.excluded
        )
    }

    fn apply_suggestions(&self, suggestions: usize) -> String {
        format!(
            "Apply {}",
            count(suggestions as u64, "suggested fix", "suggested fixes")
        )
    }

    fn cell_description(&self, line: u64, header: &str, value: &str) -> String {
        format!("Line {line}, {header}: {value}")
    }

    fn include_line(&self, line: u64) -> String {
        format!("Import line {line}")
    }

    fn preview_result(&self, c: &OutcomeCounts) -> String {
        format!(
            "The server would create {}, update {} and skip {} customers; {} rows would be rejected.",
            c.created, c.updated, c.skipped, c.rejected
        )
    }

    fn import_status(&self, sent: u64, confirmed: u64, total: u64) -> String {
        format!("Sent {sent} and confirmed {confirmed} of {total} records.")
    }

    fn retrying(&self, seconds: i32, attempt: u32, tries: u32) -> String {
        format!("Trying again in {seconds} s (attempt {attempt} of {tries}).")
    }

    fn import_result(&self, c: &OutcomeCounts, not_sent: usize) -> String {
        format!(
            "{} created, {} updated, {} skipped (already stored), {} rejected by the server; {} not sent.",
            c.created,
            c.updated,
            c.skipped,
            c.rejected,
            count(not_sent as u64, "row", "rows")
        )
    }

    fn group_choice(&self, group: &str, agents: usize) -> String {
        let agents = if agents == 1 {
            "1 agent".to_owned()
        } else {
            format!("{agents} agents")
        };
        format!("Group {group}: {agents} in turns")
    }

    fn corrections_sent(&self, sent: usize, still_wrong: usize) -> String {
        let rows = |n: usize| {
            if n == 1 {
                "1 row".to_owned()
            } else {
                format!("{n} rows")
            }
        };
        format!(
            "{} corrected and sent; {} still wrong.",
            rows(sent),
            rows(still_wrong)
        )
    }

    fn customer_count(&self, customers: u64) -> String {
        count(customers, "customer", "customers")
    }

    fn page_of(&self, page: u64, pages: u64) -> String {
        format!("Page {page} of {pages}")
    }

    fn confirm_undo(&self, file: &str, counts: &OutcomeCounts) -> String {
        format!(
            "Undo the import of {file}? The {} customers it created are removed and the {} it updated get their earlier values back.",
            counts.created, counts.updated
        )
    }

    fn undone(&self, file: &str, s: &RevertSummary) -> String {
        format!(
            "Import of {file} undone: {} customers removed, {} restored, {} kept (changed since).",
            s.removed, s.restored, s.kept
        )
    }

    fn server_status(&self, status: u16) -> String {
        format!("The server answered with status {status}.")
    }

    fn unexpected_answer(&self, error: &str) -> String {
        format!("Unexpected answer from the server: {error}")
    }
}

//! What the server says when it refuses a request, as values: each message has a stable code and
//! is written in the caller's [`Language`] only when the answer is sent.
//!
//! The English texts are the API's historical ones, word for word, so clients that never asked
//! for a language read what they always did.

mod en;
mod es;
mod pl;
mod pt;

use crate::account::Role;
use crate::api::RequestProblem;
use crate::schema::profile_error::ProfileError;
use crate::validation::finding::Finding;
use crate::validation::messages::Language;

/// A message of the API's errors; [`ApiMessage::text`] writes it in a language.
///
/// The parameters are fields, so a message is translated whole (word order differs between
/// languages) and numbers take their language's plural form.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiMessage {
    /// A 422: the problems listed with it say what is wrong.
    RequestInvalid,
    /// The body is not the JSON the endpoint expects; `detail` is the JSON reader's English.
    BadJson {
        /// What the JSON reader said.
        detail: String,
    },
    /// A text body is not UTF-8.
    BadBody {
        /// What the body reader said.
        detail: String,
    },
    /// The query string does not parse.
    BadQuery {
        /// What the query reader said.
        detail: String,
    },
    /// A parameter in the path does not parse.
    BadPath {
        /// What the path reader said.
        detail: String,
    },
    /// The body is larger than the server accepts.
    BodyTooLarge {
        /// The most the server accepts, in MiB.
        max_mib: usize,
    },
    /// The path exists, but not with this method.
    MethodNotAllowed,
    /// Nobody is signed in, or the token or session is unknown or expired.
    Unauthorized,
    /// Nothing matches the path.
    NotFound,
    /// The caller is over the rate limit.
    RateLimited {
        /// How long to wait before the next request.
        retry_after_seconds: u64,
    },
    /// Something failed on the server's side.
    Internal,
    /// A value the validation engine refuses, such as an import option's unknown tag: its
    /// finding (code and message).
    ValueRefused(Finding),
    /// The request took longer than the server allows one.
    RequestTimeout {
        /// The most a request may take, in seconds.
        seconds: u64,
    },

    /// A change signed in with the session cookie lacks the anti-forgery header.
    CsrfHeaderMissing {
        /// The header's name.
        header: String,
    },
    /// The user's role is below the one needed.
    RoleRequired {
        /// The least role that may do it.
        role: Role,
    },
    /// An agent assigned customers to someone else, or to a group they are not in.
    AgentAssignsOnlyOwn,
    /// Someone other than the importer (and not a supervisor or admin) changed an import.
    ImportChangeNotAllowed,

    /// A user with this email exists already.
    UserExists {
        /// The email.
        email: String,
    },
    /// The change would leave the workspace without an admin.
    LastAdmin,
    /// The import was undone, so it takes no more rows.
    ImportClosed,
    /// Lines of the batch were stored by this import in an earlier batch.
    ImportLinesStored {
        /// The lines, as the file numbers them.
        lines: Vec<u64>,
    },
    /// A batch number came again with other rows.
    BatchChanged {
        /// The batch number.
        seq: u64,
    },
    /// Another import stored the same customers at the same moment; sending again works.
    BatchRetry,
    /// The import was reverted already.
    ImportReverted,
    /// The import stored rows or is closed, so it is reverted rather than discarded.
    ImportNotEmpty,

    /// A batch has more rows than a batch may hold.
    BatchTooManyRows {
        /// The rows sent.
        rows: u64,
        /// The most a batch holds.
        max: u64,
    },
    /// With this batch, the import would have more rows than its profile's `max_rows`.
    ImportTooManyRows {
        /// The rows the import would have.
        rows: u64,
        /// The profile's `max_rows`.
        max: u64,
    },
    /// A request to store customers has more rows than one request may carry.
    RequestTooManyRows {
        /// The rows sent.
        rows: u64,
        /// The most one request carries.
        max: u64,
    },
    /// The rows come without header names.
    ColumnsMissing,
    /// There are no rows.
    RowsMissing,
    /// A row has no line number.
    RowLineMissing {
        /// The row's place in the request, from 1.
        row: u64,
    },
    /// No agent of the workspace has this email.
    AssigneeAgentUnknown {
        /// The email.
        email: String,
    },
    /// The workspace has no group of this name.
    AssigneeGroupUnknown {
        /// The group's name.
        name: String,
    },
    /// A custom field's key is not a short snake_case word.
    KeyInvalid {
        /// The key as sent.
        key: String,
    },
    /// Two custom fields have the same key.
    KeyRepeated {
        /// The key.
        key: String,
    },
    /// A custom field has no label.
    LabelBlank {
        /// The field's key.
        key: String,
    },
    /// A select field has a blank option.
    OptionBlank {
        /// The field's key.
        key: String,
    },
    /// A select field offers the same option twice (ignoring case).
    OptionRepeated {
        /// The field's key.
        key: String,
        /// The option, as written the second time.
        option: String,
    },
    /// A custom field fails the profile's checks.
    CustomFieldInvalid(ProfileError),
    /// A profile cannot be read or does not make sense.
    ProfileInvalid(ProfileError),
    /// The text is not an email address.
    EmailInvalid {
        /// The text.
        email: String,
    },
    /// A user's name is blank.
    NameBlank,
    /// A password is too short.
    PasswordShort {
        /// The fewest characters a password has.
        min: u64,
    },
    /// A group's name is blank or too long.
    GroupNameInvalid {
        /// The most characters a group's name has.
        max: u64,
    },
    /// A profile's name is blank or too long.
    ProfileNameInvalid {
        /// The most characters a profile's name has.
        max: u64,
    },
    /// A list's name is blank or too long.
    ListNameInvalid {
        /// The most characters a list's name has.
        max: u64,
    },
    /// No user of the workspace has these emails.
    MembersUnknown {
        /// The emails.
        emails: Vec<String>,
    },
    /// An import's `client_id` is blank or too long.
    ClientIdInvalid {
        /// The most characters it has.
        max: u64,
    },
    /// An import's `file_name` is blank.
    FileNameBlank,
}

impl ApiMessage {
    /// The stable code clients act on, such as `user.exists`. Every refusal for lack of rights
    /// is `auth.forbidden`; the two unknown assignees share `assign_to.unknown`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiMessage::RequestInvalid => "request.invalid",
            ApiMessage::BadJson { .. } => "request.bad_json",
            ApiMessage::BadBody { .. } => "request.bad_body",
            ApiMessage::BadQuery { .. } => "request.bad_query",
            ApiMessage::BadPath { .. } => "request.bad_path",
            ApiMessage::BodyTooLarge { .. } => "body.too_large",
            ApiMessage::MethodNotAllowed => "request.method_not_allowed",
            ApiMessage::Unauthorized => "auth.unauthorized",
            ApiMessage::NotFound => "not_found",
            ApiMessage::RateLimited { .. } => "rate.limited",
            ApiMessage::Internal => "internal",
            ApiMessage::ValueRefused(finding) => finding.code.as_str(),
            ApiMessage::RequestTimeout { .. } => "request.timeout",
            ApiMessage::CsrfHeaderMissing { .. }
            | ApiMessage::RoleRequired { .. }
            | ApiMessage::AgentAssignsOnlyOwn
            | ApiMessage::ImportChangeNotAllowed => "auth.forbidden",
            ApiMessage::UserExists { .. } => "user.exists",
            ApiMessage::LastAdmin => "user.last_admin",
            ApiMessage::ImportClosed => "import.closed",
            ApiMessage::ImportLinesStored { .. } => "import.lines_stored",
            ApiMessage::BatchChanged { .. } => "batch.changed",
            ApiMessage::BatchRetry => "batch.retry",
            ApiMessage::ImportReverted => "import.reverted",
            ApiMessage::ImportNotEmpty => "import.not_empty",
            ApiMessage::BatchTooManyRows { .. } | ApiMessage::RequestTooManyRows { .. } => {
                "rows.too_many"
            }
            ApiMessage::ImportTooManyRows { .. } => "import.too_many_rows",
            ApiMessage::ColumnsMissing => "columns.missing",
            ApiMessage::RowsMissing => "rows.missing",
            ApiMessage::RowLineMissing { .. } => "rows.line_missing",
            ApiMessage::AssigneeAgentUnknown { .. } | ApiMessage::AssigneeGroupUnknown { .. } => {
                "assign_to.unknown"
            }
            ApiMessage::KeyInvalid { .. } => "key.invalid",
            ApiMessage::KeyRepeated { .. } => "key.repeated",
            ApiMessage::LabelBlank { .. } => "label.blank",
            ApiMessage::OptionBlank { .. } => "options.blank",
            ApiMessage::OptionRepeated { .. } => "options.repeated",
            ApiMessage::CustomFieldInvalid(_) => "field.invalid",
            ApiMessage::ProfileInvalid(_) => "profile.invalid",
            ApiMessage::EmailInvalid { .. } => "email.invalid",
            ApiMessage::NameBlank => "name.blank",
            ApiMessage::PasswordShort { .. } => "password.short",
            ApiMessage::GroupNameInvalid { .. } | ApiMessage::ProfileNameInvalid { .. } => {
                "name.invalid"
            }
            ApiMessage::ListNameInvalid { .. } => "list.invalid",
            ApiMessage::MembersUnknown { .. } => "members.unknown",
            ApiMessage::ClientIdInvalid { .. } => "client_id.invalid",
            ApiMessage::FileNameBlank => "file_name.blank",
        }
    }

    /// The message in `language`.
    ///
    /// ```
    /// use clientela_shared::{ApiMessage, Language};
    ///
    /// let taken = ApiMessage::UserExists { email: "ana@example.com".into() };
    /// assert_eq!(taken.code(), "user.exists");
    /// assert_eq!(taken.text(Language::En), "A user with the email ana@example.com already exists.");
    /// assert_eq!(taken.text(Language::Es), "Ya existe un usuario con el correo ana@example.com.");
    /// ```
    pub fn text(&self, language: Language) -> String {
        match language {
            Language::En => en::text(self),
            Language::Es => es::text(self),
            Language::Pt => pt::text(self),
            Language::Pl => pl::text(self),
        }
    }
}

/// What is wrong with one field of a request, before it is written in the caller's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field of the request that is wrong, such as `rows` or `custom_fields[2]`.
    pub field: String,
    /// What is wrong with it; its code is the problem's code.
    pub message: ApiMessage,
}

impl FieldProblem {
    /// `message` about `field`.
    pub fn new(field: impl Into<String>, message: ApiMessage) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            message,
        }
    }

    /// The problem as the API sends it, its message in `language`.
    pub fn to_request_problem(&self, language: Language) -> RequestProblem {
        RequestProblem {
            field: self.field.clone(),
            code: self.message.code().to_owned(),
            message: self.message.text(language),
        }
    }
}

/// The word for `count` things: `one`, `few` (Polish 2–4, not 12–14) or `many`. English,
/// Spanish and Portuguese pass the same word as `few` and `many`.
fn plural<'a>(count: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else if matches!(count % 10, 2..=4) && !matches!(count % 100, 12..=14) {
        few
    } else {
        many
    }
}

/// Numbers joined with `, `, as a list of lines is written in every language.
fn joined(numbers: &[u64]) -> String {
    numbers
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;

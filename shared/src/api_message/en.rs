//! English: the API's texts as they always were.

use super::{ApiMessage, joined};
use crate::validation::messages::Language;

/// `message` in English.
pub(super) fn text(message: &ApiMessage) -> String {
    match message {
        ApiMessage::RequestInvalid => "The request cannot be accepted.".to_owned(),
        ApiMessage::BadJson { detail }
        | ApiMessage::BadBody { detail }
        | ApiMessage::BadQuery { detail }
        | ApiMessage::BadPath { detail } => detail.clone(),
        ApiMessage::BodyTooLarge { max_mib } => format!(
            "The request is larger than the {max_mib} MiB the server accepts; send fewer rows per \
             request."
        ),
        ApiMessage::MethodNotAllowed => "This path does not take this method.".to_owned(),
        ApiMessage::Unauthorized => "Sign in first, or send a valid API token.".to_owned(),
        ApiMessage::NotFound => "Nothing here.".to_owned(),
        ApiMessage::RateLimited {
            retry_after_seconds,
        } => format!("Too many requests. Try again in {retry_after_seconds} s."),
        ApiMessage::Internal => "Something went wrong on the server. Please try again.".to_owned(),
        ApiMessage::ValueRefused(finding) => finding.message(Language::En),
        ApiMessage::RequestTimeout { seconds } => {
            format!("The server stopped this request after {seconds} s. Please try again.")
        }
        ApiMessage::CsrfHeaderMissing { header } => {
            format!("Requests that change something need the {header} header.")
        }
        ApiMessage::RoleRequired { role } => {
            format!("Only a user with the role {role} may do this.")
        }
        ApiMessage::AgentAssignsOnlyOwn => {
            "Agents can assign customers only to themselves or to their groups.".to_owned()
        }
        ApiMessage::ImportChangeNotAllowed => {
            "Only the user who started this import, a supervisor or an admin may change it."
                .to_owned()
        }
        ApiMessage::UserExists { email } => {
            format!("A user with the email {email} already exists.")
        }
        ApiMessage::LastAdmin => "The workspace needs at least one admin.".to_owned(),
        ApiMessage::ImportClosed => {
            "This import was undone; start a new one to send more rows.".to_owned()
        }
        ApiMessage::ImportLinesStored { lines } => format!(
            "This import has stored line {} already; take it out of the file and send the rest \
             again.",
            joined(lines)
        ),
        ApiMessage::BatchChanged { seq } => {
            format!("Batch {seq} was already received with different rows.")
        }
        ApiMessage::BatchRetry => "Another import stored some of these customers at the same \
                                   moment. Send the batch again."
            .to_owned(),
        ApiMessage::ImportReverted => "This import was already reverted.".to_owned(),
        ApiMessage::ImportNotEmpty => {
            "This import has stored rows or is closed; revert it instead.".to_owned()
        }
        ApiMessage::BatchTooManyRows { rows, max } => {
            format!("A batch holds at most {max} rows; this one has {rows}.")
        }
        ApiMessage::ImportTooManyRows { rows, max } => format!(
            "An import with this profile takes at most {max} {}; with this batch, this import \
             would have {rows}. Split the file.",
            if *max == 1 { "row" } else { "rows" }
        ),
        ApiMessage::RequestTooManyRows { rows, max } => {
            format!("{rows} rows were sent at once; the most is {max}.")
        }
        ApiMessage::ColumnsMissing => "The file has no header names.".to_owned(),
        ApiMessage::RowsMissing => "There are no rows to import.".to_owned(),
        ApiMessage::RowLineMissing { row } => format!("Row {row} has no line number."),
        ApiMessage::AssigneeAgentUnknown { email } => {
            format!("No agent of this workspace has the email {email}.")
        }
        ApiMessage::AssigneeGroupUnknown { name } => {
            format!("This workspace has no group named {name}.")
        }
        ApiMessage::KeyInvalid { key } => format!(
            "{key:?} is not a valid key: use up to 50 lower-case letters, digits and underscores, \
             starting with a letter."
        ),
        ApiMessage::KeyRepeated { key } => format!("The key {key} is used twice."),
        ApiMessage::LabelBlank { key } => format!("The field {key} has no label."),
        ApiMessage::OptionBlank { key } => format!("The field {key} has a blank option."),
        ApiMessage::OptionRepeated { key, option } => {
            format!("The field {key} offers {option:?} twice.")
        }
        ApiMessage::CustomFieldInvalid(error) | ApiMessage::ProfileInvalid(error) => {
            error.to_string()
        }
        ApiMessage::EmailInvalid { email } => format!("{email:?} is not an email address."),
        ApiMessage::NameBlank => "The name is blank.".to_owned(),
        ApiMessage::PasswordShort { min } => {
            format!("A password has at least {min} characters.")
        }
        ApiMessage::GroupNameInvalid { max } => {
            format!("A group's name has 1 to {max} characters.")
        }
        ApiMessage::ProfileNameInvalid { max } => {
            format!("A profile's name has 1 to {max} characters.")
        }
        ApiMessage::ListNameInvalid { max } => format!("A list's name has 1 to {max} characters."),
        ApiMessage::MembersUnknown { emails } => format!(
            "No user of this workspace has these emails: {}.",
            emails.join(", ")
        ),
        ApiMessage::ClientIdInvalid { max } => {
            format!("client_id must have 1 to {max} characters.")
        }
        ApiMessage::FileNameBlank => "file_name is blank.".to_owned(),
    }
}

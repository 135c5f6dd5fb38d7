//! The email a user gets when their import is committed: the counts, and the rejected rows with
//! their reasons as a CSV attachment.

use clientela_shared::{ImportSummary, Language};

use super::error_file::{error_file, error_file_name};
use super::store::StoredImport;
use super::summary_words;
use crate::accounts::StoredUser;
use crate::db::Db;
use crate::mail::Mailer;

/// Emails the summary of `import` to the user who opened it, in `language` (the rejected rows'
/// reasons are in the language their batches were sent in). When an admin has deactivated that
/// user since, the customers' data goes to `committer` (who committed it) instead.
pub(crate) async fn email_summary(
    db: &Db,
    mailer: &Mailer,
    (import, committer): (&StoredImport, &StoredUser),
    summary: &ImportSummary,
    language: Language,
) -> Result<(), String> {
    let opener: Option<String> =
        sqlx::query_scalar("select email from app_user where id = $1 and active = 1")
            .bind(import.user_id)
            .fetch_optional(db.pool())
            .await
            .map_err(|err| err.to_string())?;
    let to = opener.unwrap_or_else(|| committer.email.clone());
    let counts = summary.counts;
    let mut text = summary_words::counts(language, &import.file_name, counts);
    let attachment = if counts.rejected > 0 {
        text.push_str(summary_words::attachment_note(language));
        let csv = error_file(db, import)
            .await
            .map_err(|err| err.to_string())?
            .to_csv()
            .map_err(|err| err.to_string())?;
        Some((error_file_name(&import.file_name, "csv"), csv))
    } else {
        None
    };
    let subject = summary_words::subject(language, &import.file_name, counts.created);
    mailer.send(&to, &subject, text, attachment).await
}

//! The profile the server checks an import's records with: the workspace's rules
//! ([`WorkspaceRules`]) applied to the profile the client sent.

use clientela_shared::{Profile, WorkspaceRules};

use crate::accounts::StoredUser;
use crate::catalogues;
use crate::db::Db;

/// The rules `user`'s import is checked with, when the client sent `sent`.
pub(crate) async fn import_profile(
    db: &Db,
    user: &StoredUser,
    sent: Profile,
) -> Result<Profile, sqlx::Error> {
    let saved = catalogues::profiles(db, user.workspace_id).await?;
    let tags = catalogues::tags(db, user.workspace_id).await?;
    let custom_fields = catalogues::custom_fields(db, user.workspace_id).await?;
    let rules = WorkspaceRules {
        saved: &saved,
        tags: &tags,
        custom_fields: &custom_fields,
    };
    Ok(rules.import_profile(user.role, sent))
}

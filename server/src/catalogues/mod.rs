//! What imports are checked against, per workspace: known tags, saved import profiles, the
//! users who take customers and their groups, and the workspace's custom fields.

mod custom_fields;
mod groups;
mod store;

pub(crate) use custom_fields::{custom_fields, replace_custom_fields};
pub(crate) use groups::{PutGroupError, delete_group, find_group, groups, put_group};
pub(crate) use store::{agents, delete_profile, profiles, put_profile, replace_tags, tags, users};

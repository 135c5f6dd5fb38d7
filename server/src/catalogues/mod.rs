//! What imports are checked against, per workspace: known tags, saved import profiles, the
//! users who take customers and their groups.

mod groups;
mod store;

pub(crate) use groups::{PutGroupError, delete_group, find_group, groups, put_group};
pub(crate) use store::{agents, delete_profile, profiles, put_profile, replace_tags, tags};

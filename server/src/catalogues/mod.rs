//! What imports are checked against, per workspace: known tags, saved import profiles, and the
//! users who take customers.

mod store;

pub(crate) use store::{agents, delete_profile, profiles, put_profile, replace_tags, tags};

//! Workspaces, users, API tokens and browser sessions: storage and the secrets behind them.

mod bootstrap;
mod manage;
mod password;
mod secret;
mod store;
mod update;

pub use bootstrap::{FirstAdmin, ensure_first_workspace};
pub use manage::{
    AccessChange, AccessError, add_user, create_token_for, first_workspace, set_user_active,
    workspace_users,
};
pub use password::{hash_password, verify_password};
pub use secret::{Secret, hash_secret};
pub use store::{NewUser, StoredUser, UserError};
pub(crate) use store::{
    create_session, delete_session, find_user_by_email, user_by_session, user_by_token,
};
pub(crate) use update::{UpdateError, UserChanges, find_user_in_workspace, update_user};

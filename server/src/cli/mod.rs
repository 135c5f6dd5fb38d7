//! The `clientela` subcommands other than `serve`, one file each.

pub mod inspect;
pub mod validate;

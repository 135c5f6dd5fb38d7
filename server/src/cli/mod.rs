//! Subcommands of `clientela` other than `serve`, one file each.

pub mod import;
pub mod inspect;
mod table_words;
pub mod token;
pub mod user;
pub mod validate;

use anyhow::Context;
use clientela_server::Db;

/// The database option every subcommand that touches storage takes.
#[derive(Debug, clap::Args)]
pub struct DatabaseArg {
    /// Database: `sqlite://FILE?mode=rwc` or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://clientela.db?mode=rwc"
    )]
    pub database_url: String,
}

impl DatabaseArg {
    /// Opens the database and applies its migrations.
    pub async fn connect(&self) -> anyhow::Result<Db> {
        Db::connect(&self.database_url).await.with_context(|| {
            format!(
                "cannot open the database {}",
                crate::redact(&self.database_url)
            )
        })
    }
}

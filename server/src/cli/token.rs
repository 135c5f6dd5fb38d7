//! `clientela token create EMAIL [--name NAME]`: an API token for a user, printed once.

use anyhow::bail;
use clientela_server::accounts::create_token_for;
use clientela_server::now_millis;

use super::DatabaseArg;

/// `clientela token …`
#[derive(Debug, clap::Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user and print it (it cannot be shown again).
    Create(CreateToken),
}

/// `clientela token create`
#[derive(Debug, clap::Args)]
pub struct CreateToken {
    /// The email of the user the token acts for.
    email: String,
    /// What the token is for, e.g. "nightly sync".
    #[arg(long, default_value = "command line")]
    name: String,
    #[command(flatten)]
    database: DatabaseArg,
}

impl TokenCommand {
    /// Runs the subcommand.
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            TokenCommand::Create(create) => create.run().await,
        }
    }
}

impl CreateToken {
    async fn run(self) -> anyhow::Result<()> {
        let db = self.database.connect().await?;
        let Some(token) = create_token_for(&db, &self.email, &self.name, now_millis()).await?
        else {
            bail!("no active user has the email {}", self.email);
        };
        println!("{}", token.expose());
        Ok(())
    }
}

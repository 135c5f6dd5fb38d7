//! `clientela user add EMAIL --name NAME --role ROLE [--password-stdin]`.

use std::io::BufRead;

use anyhow::{Context, bail};
use clientela_server::accounts::{NewUser, add_user, first_workspace};
use clientela_server::now_millis;
use clientela_shared::Role;

use super::DatabaseArg;

/// `clientela user …`
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Add a user to the workspace.
    Add(AddUser),
}

/// `clientela user add`
#[derive(Debug, clap::Args)]
pub struct AddUser {
    /// The user's email; they sign in with it.
    email: String,
    /// The user's name.
    #[arg(long)]
    name: String,
    /// agent, supervisor or admin.
    #[arg(long, default_value = "agent")]
    role: Role,
    /// Read the password from the first line of standard input (without it, the user can only
    /// use API tokens).
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    database: DatabaseArg,
}

impl UserCommand {
    /// Runs the subcommand.
    pub async fn run(self) -> anyhow::Result<()> {
        match self {
            UserCommand::Add(add) => add.run().await,
        }
    }
}

impl AddUser {
    async fn run(self) -> anyhow::Result<()> {
        let password = if self.password_stdin {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("cannot read the password from standard input")?;
            let password = line.trim_end_matches(['\r', '\n']).to_owned();
            if password.chars().count() < 8 {
                bail!("the password must have at least 8 characters");
            }
            Some(password)
        } else {
            None
        };
        let db = self.database.connect().await?;
        let Some(workspace_id) = first_workspace(&db).await? else {
            bail!("no workspace yet: start the server once (clientela serve) to set it up");
        };
        let user = NewUser {
            workspace_id,
            email: &self.email,
            name: &self.name,
            role: self.role,
            password: password.as_deref(),
        };
        let user = add_user(&db, &user, now_millis()).await?;
        println!(
            "Added {} ({}, {}) with id {}",
            user.email, user.name, user.role, user.id
        );
        Ok(())
    }
}

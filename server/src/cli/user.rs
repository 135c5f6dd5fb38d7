//! `clientela user add EMAIL --name NAME --role ROLE [--password-stdin]`, `clientela user list`,
//! `clientela user deactivate EMAIL` and `clientela user activate EMAIL`.

use std::io::BufRead;

use anyhow::{Context, bail};
use clientela_server::accounts::{
    NewUser, add_user, first_workspace, set_user_active, workspace_users,
};
use clientela_server::now_millis;
use clientela_shared::Role;

use super::DatabaseArg;

/// `clientela user …`
#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Add a user to the workspace.
    Add(AddUser),
    /// List the workspace's users, deactivated ones included.
    List(DatabaseOnly),
    /// Stop a user: their API tokens and sessions end, they cannot sign in and take no more
    /// customers. Their customers and imports stay.
    Deactivate(UserByEmail),
    /// Let a deactivated user sign in again with their password (API tokens need creating
    /// anew). They take customers once marked available.
    Activate(UserByEmail),
}

/// A subcommand that needs only the database.
#[derive(Debug, clap::Args)]
pub struct DatabaseOnly {
    #[command(flatten)]
    database: DatabaseArg,
}

/// A subcommand about one user.
#[derive(Debug, clap::Args)]
pub struct UserByEmail {
    /// The user's email.
    email: String,
    #[command(flatten)]
    database: DatabaseArg,
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
            UserCommand::List(list) => list_users(&list.database).await,
            UserCommand::Deactivate(user) => set_active(user, false).await,
            UserCommand::Activate(user) => set_active(user, true).await,
        }
    }
}

/// Prints one line per user: id, email, name, role, and whether they may sign in and take
/// customers.
async fn list_users(database: &DatabaseArg) -> anyhow::Result<()> {
    let db = database.connect().await?;
    let Some(users) = workspace_users(&db).await? else {
        bail!("no workspace yet: start the server once (clientela serve) to set it up");
    };
    for user in users {
        let access = match (user.active, user.available) {
            (false, _) => "deactivated",
            (true, true) => "available",
            (true, false) => "away",
        };
        println!(
            "{}\t{}\t{}\t{}\t{access}",
            user.id, user.email, user.name, user.role
        );
    }
    Ok(())
}

async fn set_active(user: UserByEmail, active: bool) -> anyhow::Result<()> {
    let db = user.database.connect().await?;
    let change = set_user_active(&db, &user.email, active).await?;
    let email = &change.user.email;
    match (change.was_active, active) {
        (true, true) => println!("{email} is active already"),
        (false, false) => println!("{email} is deactivated already"),
        (false, true) => {
            println!("{email} may sign in again; they take customers once marked available")
        }
        (true, false) => println!("{email} is deactivated: their tokens and sessions ended"),
    }
    Ok(())
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

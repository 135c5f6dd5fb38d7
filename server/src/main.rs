//! The `clientela` command: `clientela serve` (the default) runs the server; `clientela inspect`
//! reads a customer file and shows what it finds; `clientela validate` checks it against an import
//! profile.

mod cli;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use clientela_server::{AppState, Db, app};
use tracing_subscriber::EnvFilter;

#[derive(Debug, Parser)]
#[command(
    name = "clientela",
    version,
    about = "Clientela: customer imports for CRMs"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// `clientela` alone serves, so its options are accepted without `serve` too.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve(ServeArgs),
    /// Check a customer file against an import profile, without importing it.
    Validate(cli::validate::ValidateArgs),
    /// Show what is detected in a CSV file or workbook, its problems and its first rows.
    Inspect(cli::inspect::InspectArgs),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "CLIENTELA_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Database: `sqlite://FILE?mode=rwc` or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://clientela.db?mode=rwc"
    )]
    database_url: String,
    /// Folder of the built UI (Trunk's output).
    #[arg(long, env = "CLIENTELA_UI_DIR", default_value = "dist")]
    ui_dir: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::Validate(args)) => std::process::exit(cli::validate::run(&args)),
        Some(Command::Inspect(args)) => std::process::exit(cli::inspect::run(args)),
        None => serve(cli.serve).await,
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let ServeArgs {
        addr,
        database_url,
        ui_dir,
    } = args;

    let db = Db::connect(&database_url)
        .await
        .with_context(|| format!("cannot open the database {}", redact(&database_url)))?;
    tracing::info!(database = %redact(&database_url), "database ready, migrations applied");

    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let addr = listener.local_addr()?;
    println!("Clientela is running at http://{addr}/");
    axum::serve(listener, app(AppState { db }, &ui_dir))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    tracing::info!("stopped");
    Ok(())
}

/// Hides the password in a database URL before it reaches a log.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            term.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

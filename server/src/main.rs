//! The `clientela` command: `clientela serve` (the default) runs the server; `clientela inspect`
//! reads a customer file and shows what it finds; `clientela validate` checks it against an import
//! profile; `clientela user add` and `clientela token create` manage accounts.

mod cli;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use clientela_server::accounts::ensure_first_workspace;
use clientela_server::auth::AuthConfig;
use clientela_server::{AppState, DEFAULT_RATE_LIMIT, Db, Mailer, app, now_millis};
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the system allocator: a batch allocates and frees hundreds of thousands
/// of small strings, and glibc's allocator spent about a quarter of an import's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Validate a file locally and import its valid rows into a server.
    Import(cli::import::ImportArgs),
    /// Manage users.
    #[command(subcommand)]
    User(cli::user::UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(cli::token::TokenCommand),
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
    /// An API token accepted as the first admin's, for automation.
    #[arg(long, env = "CLIENTELA_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Email of the admin created on the first start.
    #[arg(
        long,
        env = "CLIENTELA_ADMIN_EMAIL",
        default_value = "admin@clientela.local"
    )]
    admin_email: String,
    /// Password of the admin created on the first start (default: generated and printed once).
    #[arg(long, env = "CLIENTELA_ADMIN_PASSWORD", hide_env_values = true)]
    admin_password: Option<String>,
    /// Mark the session cookie `Secure` (HTTPS only). Default: yes, unless listening on loopback.
    #[arg(long, env = "CLIENTELA_SECURE_COOKIES")]
    secure_cookies: Option<bool>,
    /// SMTP relay for import summaries, `smtp://host:port` (default: no emails).
    #[arg(long, env = "SMTP_URL")]
    smtp_url: Option<String>,
    /// API requests each caller (API token, browser session, or address when signed out) may
    /// send a minute, in bursts of as many; 0 turns the limit off.
    #[arg(long, env = "CLIENTELA_RATE_LIMIT", default_value_t = DEFAULT_RATE_LIMIT)]
    rate_limit: u32,
    /// The sender of those emails.
    #[arg(
        long,
        env = "CLIENTELA_MAIL_FROM",
        default_value = "Clientela <clientela@localhost>"
    )]
    mail_from: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // Logs go to stderr, so that what a command prints (a token, JSON) can be piped. The server
    // logs its requests; other commands only what went wrong.
    let default_level = match cli.command {
        None | Some(Command::Serve(_)) => "info",
        Some(_) => "warn",
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level)),
        )
        .init();
    match cli.command {
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::Import(args)) => args.run().await,
        Some(Command::User(command)) => command.run().await,
        Some(Command::Token(command)) => command.run().await,
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
        admin_token,
        admin_email,
        admin_password,
        secure_cookies,
        smtp_url,
        mail_from,
        rate_limit,
    } = args;

    let db = Db::connect(&database_url)
        .await
        .with_context(|| format!("cannot open the database {}", redact(&database_url)))?;
    tracing::info!(database = %redact(&database_url), "database ready, migrations applied");
    let first_admin =
        ensure_first_workspace(&db, &admin_email, admin_password.as_deref(), now_millis()).await?;
    if let Some(admin) = first_admin {
        println!("First start: created the admin {}", admin.email);
        if let Some(password) = admin.generated_password {
            println!("Their password (shown only now): {password}");
        }
    }

    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let addr = listener.local_addr()?;
    println!("Clientela is running at http://{addr}/");
    let secure_cookies = secure_cookies.unwrap_or(!addr.ip().is_loopback());
    let auth = AuthConfig::new(admin_token.as_deref(), secure_cookies);
    let mut state = AppState::with_auth(db.clone(), auth).with_rate_limit(rate_limit);
    if let Some(url) = smtp_url {
        state = state.with_mailer(Mailer::new(&url, &mail_from).map_err(anyhow::Error::msg)?);
    }
    // Addresses reach the handlers, for rate-limiting callers who are not signed in.
    let service = app(state, &ui_dir).into_make_service_with_connect_info::<SocketAddr>();
    // On Ctrl-C or SIGTERM: stop accepting connections, let the requests under way (a batch being
    // stored) finish, then close the database.
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Hides the password in a database URL before it reaches a log.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM (what `docker stop` and systemd send).
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

//! A real PostgreSQL server for tests, started once per test binary in a temporary directory.
//!
//! The server tests and the end-to-end tests both include this file (`#[path]`), so it uses only
//! the standard library and PostgreSQL's own programs (`initdb`, `postgres`, `psql`).
//! A watchdog stops the server and deletes its directory when the test binary exits.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A running PostgreSQL server.
pub struct Postgres {
    port: u16,
    bin_dir: PathBuf,
}

/// The server of this test binary, started on first use.
pub fn shared() -> &'static Postgres {
    static SERVER: OnceLock<Postgres> = OnceLock::new();
    SERVER.get_or_init(|| Postgres::start().unwrap_or_else(|err| panic!("{err}")))
}

impl Postgres {
    /// A URL to a new, empty database of its own.
    pub fn new_database_url(&self) -> String {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        self.psql(&format!("create database {name}"))
            .unwrap_or_else(|err| panic!("{err}"));
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    fn start() -> Result<Postgres, String> {
        let bin_dir = find_bin_dir()?;
        let data_dir = tempfile_dir()?;
        let port = free_port()?;
        if is_root() {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&data_dir))?;
        }
        run(as_postgres(&bin_dir.join("initdb"))
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "-D",
            ])
            .arg(&data_dir))?;

        let postgres = format!(
            "{} -D {} -p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            bin_dir.join("postgres").display(),
            data_dir.display(),
            data_dir.display(),
        );
        // Stop the server and remove its files once this test process is gone.
        let watchdog = format!(
            "{postgres} >{dir}/log 2>&1 & pg=$!; \
             while [ -d /proc/{parent} ] && kill -0 $pg 2>/dev/null; do sleep 0.5; done; \
             kill -INT $pg 2>/dev/null; wait $pg; rm -rf {dir}",
            dir = data_dir.display(),
            parent = std::process::id(),
        );
        as_postgres(Path::new("sh"))
            .args(["-c", &watchdog])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| format!("cannot start postgres: {err}"))?;

        let server = Postgres { port, bin_dir };
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Err(err) = server.psql("select 1") {
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(data_dir.join("log")).unwrap_or_default();
                return Err(format!("postgres did not start: {err}\n{log}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(server)
    }

    fn psql(&self, sql: &str) -> Result<(), String> {
        run(Command::new(self.bin_dir.join("psql"))
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-q",
                "-c",
                sql,
            ])
            .arg(format!("--port={}", self.port)))
    }
}

/// PostgreSQL's programs: `CLIENTELA_PG_BIN`, else the newest Debian install, else the PATH.
fn find_bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("CLIENTELA_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|entries| entries.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    versions.retain(|dir| dir.join("initdb").is_file());
    versions.sort_by_key(|dir| {
        let version = dir.parent().and_then(Path::file_name);
        version.and_then(|v| v.to_str()?.parse::<u32>().ok())
    });
    match versions.pop() {
        Some(dir) => Ok(dir),
        None if run(Command::new("initdb").arg("--version")).is_ok() => Ok(PathBuf::new()),
        None => Err("PostgreSQL is not installed: `apt-get install postgresql` \
                     (cargo xtask test does it when run as root)"
            .into()),
    }
}

fn tempfile_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!(
        "clientela-pg-{}-{}",
        std::process::id(),
        free_port()?
    ));
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    Ok(dir)
}

/// PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user.
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"0\n"))
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|err| format!("no free port: {err}"))
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|err| format!("cannot run {command:?}: {err}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

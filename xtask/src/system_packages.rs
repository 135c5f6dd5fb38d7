//! Debian packages the tests need: installed with apt when running as root, else explained.

use std::path::Path;

use crate::shell::{Result, command, output, run, step};

/// A Debian package and a way to tell that it is installed.
pub struct SystemPackage {
    pub name: &'static str,
    is_installed: fn() -> bool,
}

/// Headless Chromium, for the end-to-end and component tests.
pub const CHROMIUM: SystemPackage = SystemPackage {
    name: "chromium",
    is_installed: || program_exists("CHROME_BIN", "/usr/bin/chromium"),
};

/// ChromeDriver, through which the tests drive Chromium.
pub const CHROMIUM_DRIVER: SystemPackage = SystemPackage {
    name: "chromium-driver",
    is_installed: || program_exists("CHROMEDRIVER", "/usr/bin/chromedriver"),
};

/// PostgreSQL's server programs; the test harness starts its own server from them.
pub const POSTGRESQL: SystemPackage = SystemPackage {
    name: "postgresql",
    is_installed: postgresql_is_installed,
};

/// Installs the missing `packages` with apt as root; otherwise says how to install them.
pub fn ensure(packages: &[SystemPackage]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|package| !(package.is_installed)())
        .map(|package| package.name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    if !is_root() {
        return Err(format!(
            "the tests need these Debian packages: {list}\n\
             Install them with `sudo apt-get install -y {list}`, then run the command again."
        ));
    }
    step(&format!("Installing system packages with apt: {list}"));
    run(command("apt-get").args(["update", "-q"]))?;
    run(command("apt-get")
        .args(["install", "-y", "-q"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// True if the program named by `variable` exists, or else the one at `default`.
fn program_exists(variable: &str, default: &str) -> bool {
    let path = std::env::var_os(variable).unwrap_or_else(|| default.into());
    Path::new(&path).is_file() || output(command(&path).arg("--version")).is_some()
}

/// Same places the test harness looks: `CLIENTELA_PG_BIN`, Debian's folders, then the PATH.
fn postgresql_is_installed() -> bool {
    if let Some(dir) = std::env::var_os("CLIENTELA_PG_BIN") {
        return Path::new(&dir).join("initdb").is_file();
    }
    let in_debian_folders = std::fs::read_dir("/usr/lib/postgresql").is_ok_and(|versions| {
        versions
            .flatten()
            .any(|version| version.path().join("bin/initdb").is_file())
    });
    in_debian_folders || output(command("initdb").arg("--version")).is_some()
}

/// Whether this runs as root, who may install with apt.
pub fn is_root() -> bool {
    output(command("id").arg("-u")).as_deref() == Some("0")
}

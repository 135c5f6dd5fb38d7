//! The SMTP sink the email tests start: Python's `aiosmtpd`, or the `smtpd` module that
//! Python 3.11 and older still ship. Where Python has neither, `aiosmtpd` is installed with pip,
//! or, for a Debian Python that pip may not change, with apt.

use crate::shell::{Result, command, output, run, step};
use crate::system_packages;

/// Makes sure `python3` can start an SMTP sink.
pub fn ensure() -> Result {
    if python_has("aiosmtpd") || python_has("smtpd") {
        return Ok(());
    }
    step("Installing the SMTP sink for the email tests (Python's aiosmtpd)");
    let with_pip = run(command("python3").args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "aiosmtpd",
    ]));
    if with_pip.is_ok() && python_has("aiosmtpd") {
        return Ok(());
    }
    if !system_packages::is_root() {
        return Err("the email tests need Python's aiosmtpd: install it with \
                    `python3 -m pip install aiosmtpd` (or `sudo apt-get install -y \
                    python3-aiosmtpd`), then run the command again"
            .to_owned());
    }
    run(command("apt-get").args(["update", "-q"]))?;
    run(command("apt-get")
        .args(["install", "-y", "-q", "python3-aiosmtpd"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if python_has("aiosmtpd") {
        Ok(())
    } else {
        Err(
            "python3 cannot import aiosmtpd even after installing it: install it for the \
             python3 on the PATH (`python3 -m pip install aiosmtpd`)"
                .to_owned(),
        )
    }
}

fn python_has(module: &str) -> bool {
    output(command("python3").args(["-W", "ignore", "-c", &format!("import {module}")])).is_some()
}

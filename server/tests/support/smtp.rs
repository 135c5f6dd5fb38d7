//! A real SMTP server for tests: Python's `aiosmtpd` (or, where it is missing, the older
//! `smtpd` that Python 3.11 still ships) on a free port, with its debugging handler, which
//! prints every message it receives. `cargo xtask test` installs `aiosmtpd` when Python has
//! neither.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running SMTP sink; stopped when dropped.
pub struct SmtpSink {
    pub url: String,
    child: Child,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let address = format!("127.0.0.1:{port}");
        let server_args: Vec<&str> = if python_has("aiosmtpd") {
            vec!["-m", "aiosmtpd", "-n", "-l", &address]
        } else {
            vec![
                "-W",
                "ignore",
                "-m",
                "smtpd",
                "-n",
                "-c",
                "DebuggingServer",
                &address,
            ]
        };
        let child = Command::new("python3")
            .arg("-u")
            .args(&server_args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs (it is on every CI machine)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the SMTP sink never listened");
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpSink {
            url: format!("smtp://127.0.0.1:{port}"),
            child,
        }
    }

    /// Stops the server and returns everything it printed: the messages it received.
    pub fn received(mut self) -> String {
        let _ = self.child.kill();
        let mut out = String::new();
        if let Some(mut stdout) = self.child.stdout.take() {
            let _ = stdout.read_to_string(&mut out);
        }
        out
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether Python can import `module`.
fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-W", "ignore", "-c", &format!("import {module}")])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

//! Headless Chromium through chromedriver, with small find / act / check helpers.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::server::workspace_root;

/// How long a check waits for the page to get there.
const PATIENCE: Duration = Duration::from_secs(40);

/// A browser session; call [`Browser::close`] at the end of the test.
pub struct Browser {
    pub client: Client,
    chromedriver: Child,
    profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        let port = free_port();
        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let chromedriver = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| {
                panic!("cannot start {driver}: {err} (apt-get install chromium-driver)")
            });
        wait_for_port(port);

        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,800",
                // The tests read the English texts: English whatever the machine's language.
                // Headless Chromium takes `navigator.language` from --accept-lang.
                "--lang=en-US", "--accept-lang=en-US",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        });
        let binary = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        if Path::new(&binary).exists() {
            options["binary"] = json!(binary);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("chromedriver did not start a Chromium session");
        Browser {
            client,
            chromedriver,
            profile,
        }
    }

    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Gives `file` to the page's file input, as a user picking it would.
    pub async fn pick_file(&self, input: &str, file: &Path) {
        let element = self.find(input).await;
        element
            .send_keys(&file.display().to_string())
            .await
            .unwrap();
    }

    /// Types `text` into an input, as a user would.
    pub async fn type_text(&self, selector: &str, text: &str) {
        self.find(selector).await.send_keys(text).await.unwrap();
    }

    /// Signs in through the sign-in form and waits for the import page.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.type_text("#sign-in-email", email).await;
        self.type_text("#sign-in-password", password).await;
        self.click("#sign-in-button").await;
        self.wait_for_text("#signed-in-as", email).await;
    }

    /// Chooses `value` in a `<select>`, as a user would.
    pub async fn select(&self, selector: &str, value: &str) {
        self.find(selector)
            .await
            .select_by_value(value)
            .await
            .unwrap();
    }

    /// Puts `value` in the input `selector` in place of what it held, and tells the page it
    /// changed (as leaving the field after typing does).
    pub async fn change(&self, selector: &str, value: &str) {
        let script = "const input = document.querySelector(arguments[0]); \
                      input.value = arguments[1]; \
                      input.dispatchEvent(new Event('change'));";
        self.client
            .execute(script, vec![selector.into(), value.into()])
            .await
            .unwrap();
    }

    /// Presses keys on an element (`"\u{E007}"` is Enter).
    pub async fn press(&self, selector: &str, keys: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.find(selector).await.send_keys(keys).await {
                Ok(()) => return,
                // The page drew the element again between finding and pressing: find it again.
                Err(err) if is_stale(&err) && Instant::now() < deadline => continue,
                Err(err) => panic!("cannot type into `{selector}`: {err}"),
            }
        }
    }

    /// Whether the control can be used (it is not `disabled`).
    pub async fn is_enabled(&self, selector: &str) -> bool {
        self.find(selector).await.is_enabled().await.unwrap()
    }

    pub async fn click(&self, selector: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.find(selector).await.click().await {
                Ok(()) => return,
                Err(err) if is_stale(&err) && Instant::now() < deadline => continue,
                Err(err) => panic!("cannot click `{selector}`: {err}"),
            }
        }
    }

    /// Types `keys` on the keyboard, to whatever has the focus (`"\u{E004}"` is Tab, `"\u{E007}"`
    /// Enter).
    pub async fn keys(&self, keys: &str) {
        let mut typing = KeyActions::new("keyboard".to_owned());
        for key in keys.chars() {
            typing = typing
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client.perform_actions(typing).await.unwrap();
    }

    /// Presses Tab until the focus is on `selector`, as a keyboard user moves through the page;
    /// fails after `most` presses (the element is not reachable so, or too far).
    pub async fn tab_to(&self, selector: &str, most: usize) {
        let mut focused = String::new();
        for _ in 0..=most {
            match self.focus_on(selector).await {
                Ok(()) => return,
                Err(elsewhere) => focused = elsewhere,
            }
            self.keys("\u{E004}").await;
        }
        self.screenshot("failed-tab").await;
        panic!("{most} presses of Tab never reached `{selector}`; the focus is on {focused}");
    }

    /// Waits until the focused element matches `selector`.
    pub async fn wait_for_focus(&self, selector: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let Err(focused) = self.focus_on(selector).await else {
                return;
            };
            if Instant::now() >= deadline {
                self.screenshot("failed-focus").await;
                panic!("the focus never went to `{selector}`; it is on {focused}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Whether the focused element matches `selector`; if not, the start of its HTML.
    async fn focus_on(&self, selector: &str) -> Result<(), String> {
        let script = "return document.activeElement.matches(arguments[0]) \
                      || document.activeElement.outerHTML.slice(0, 300);";
        let answer = self
            .client
            .execute(script, vec![json!(selector)])
            .await
            .unwrap();
        match answer {
            serde_json::Value::Bool(true) => Ok(()),
            elsewhere => Err(elsewhere.to_string()),
        }
    }

    /// The text of the element that describes `selector` (its `aria-describedby`).
    pub async fn description_of(&self, selector: &str) -> String {
        let script = "const ids = document.querySelector(arguments[0]).getAttribute('aria-describedby') || ''; \
                      return ids.split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ');";
        let answer = self
            .client
            .execute(script, vec![json!(selector)])
            .await
            .unwrap();
        answer.as_str().unwrap_or_default().trim().to_owned()
    }

    /// From a file read (its summary saying `rows`) through the columns as suggested to the
    /// review, waiting until its counts say `counts`.
    pub async fn review_as_suggested(&self, rows: &str, counts: &str) {
        self.wait_for_text("#file-summary", rows).await;
        self.click("#to-columns").await;
        self.click("#to-review").await;
        self.wait_for_text("#review-counts", counts).await;
    }

    /// Waits until the element's text contains `expected`, and returns the text.
    pub async fn wait_for_text(&self, selector: &str, expected: &str) -> String {
        self.wait_for_text_within(selector, expected, PATIENCE)
            .await
    }

    /// Like [`Browser::wait_for_text`], for work on big files: waits up to five minutes.
    pub async fn wait_for_text_long(&self, selector: &str, expected: &str) -> String {
        self.wait_for_text_within(selector, expected, Duration::from_secs(300))
            .await
    }

    async fn wait_for_text_within(
        &self,
        selector: &str,
        expected: &str,
        patience: Duration,
    ) -> String {
        let deadline = Instant::now() + patience;
        loop {
            let text = match self.client.find(Locator::Css(selector)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(expected) {
                return text;
            }
            if Instant::now() >= deadline {
                self.screenshot("failed-wait").await;
                let page = self.client.source().await.unwrap_or_default();
                panic!("`{selector}` never said {expected:?}; it says {text:?}\n\npage: {page}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Writes a PNG of the page to the screenshots folder, for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        // Drop stops chromedriver and whatever is left of this browser.
    }

    async fn find(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|err| panic!("`{selector}` never appeared: {err}"))
    }
}

impl Drop for Browser {
    /// Also runs when a test fails half-way: stops chromedriver and every Chromium process of
    /// this session (found by its own profile folder), so none keeps spinning after the test.
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let profile = self.profile.path().display().to_string();
        let _ = Command::new("pkill").args(["-f", &profile]).status();
    }
}

/// Whether WebDriver says the element was replaced since it was found.
fn is_stale(err: &fantoccini::error::CmdError) -> bool {
    err.to_string().contains("stale element")
}

fn screenshots_dir() -> PathBuf {
    std::env::var_os("CLIENTELA_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/e2e-screenshots"))
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + PATIENCE;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver never listened on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

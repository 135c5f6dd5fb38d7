//! The page's first module works alone: when the code of a part it fetches after the first
//! paint cannot be had (the network went away right after the page loaded), the page says so in
//! place of breaking, and the first view still works.

use std::path::Path;

use tempfile::TempDir;

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer, ui_dir};

/// Said wherever a part of the app could not be fetched.
const NOT_FETCHED: &str = "This part of the app could not be loaded";

#[tokio::test]
async fn without_the_split_off_modules_the_page_says_so() {
    let served = app_without(|name| name.starts_with("split_") || name.starts_with("chunk_"));
    let server = TestServer::start_serving(Backend::Sqlite, served.path());
    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    // The drop zone is there; the workspace's schema is read by split-off code.
    browser.wait_for_text("#file-title", "").await;
    browser.wait_for_text("#wizard-error", NOT_FETCHED).await;
    browser.screenshot("part-not-fetched").await;
    browser.close().await;
}

#[tokio::test]
async fn a_file_read_whose_view_cannot_be_fetched_is_said_so() {
    let served = app_without(|name| name.starts_with("split_opened_file.wasm"));
    let server = TestServer::start_serving(Backend::Sqlite, served.path());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    std::fs::write(&file, "Nombre;Correo\r\nAna;ana@example.com\r\n").unwrap();

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    // The file is read by the worker, which is there, but the code that shows it is not.
    browser.pick_file("#file-input", &file).await;
    browser.wait_for_text("#wizard-error", NOT_FETCHED).await;
    browser.close().await;
}

/// A copy of the app as built, without the files `left_out` names.
fn app_without(left_out: impl Fn(&str) -> bool) -> TempDir {
    let served = tempfile::tempdir().unwrap();
    let mut omitted = 0;
    for entry in std::fs::read_dir(ui_dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if left_out(&name) {
            omitted += 1;
        } else if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), served.path().join(Path::new(&name))).unwrap();
        }
    }
    assert!(omitted > 0, "the page's wasm was not split as expected");
    served
}

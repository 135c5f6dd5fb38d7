//! Files that cannot be imported get a clear message in the page, and nothing is sent.

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer, workspace_root};

#[tokio::test]
async fn unreadable_files_get_a_clear_message() {
    let server = TestServer::start(Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.csv", b"", "The file is empty"),
        (
            "photo.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "not a text or spreadsheet file",
        ),
        (
            "only-header.csv",
            b"Nombre;Correo\r\n",
            "header on line 1 but no customer rows",
        ),
    ];

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    for (name, bytes, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        browser.pick_file("#file-input", &file).await;
        let message = browser.wait_for_text("#wizard-error", expected).await;
        assert!(
            message.starts_with(name),
            "the message names the file: {message}"
        );
    }
    browser.screenshot("bad-file-message").await;
    browser.close().await;

    let list = server.get_json("/api/customers").await;
    assert_eq!(list["total"], 0);
}

/// A workbook that makes the reader panic kills the worker in wasm (where a panic aborts): the
/// page says so, and the next file is read by a fresh worker.
#[tokio::test]
async fn a_file_that_crashes_the_worker_gets_a_message_and_the_next_file_works() {
    let server = TestServer::start(Backend::Sqlite);
    let crashing = workspace_root().join("shared/tests/data/fuzz-xls-short-externsheet.xls");
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "Nombre;Correo\r\nAna;ana@example.com\r\n").unwrap();

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    browser.pick_file("#file-input", &crashing).await;
    let message = browser
        .wait_for_text("#wizard-error", "could not be processed")
        .await;
    assert!(message.contains("try again"), "{message}");
    browser.screenshot("worker-crash-message").await;

    browser.pick_file("#file-input", &good).await;
    browser
        .wait_for_text("#file-summary", "good.csv: 1 row,")
        .await;
    browser.close().await;
}

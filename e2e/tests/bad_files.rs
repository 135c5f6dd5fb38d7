//! Files that cannot be imported get a clear message in the page, and nothing is sent.

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

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

//! The keyboard alone takes a file from signing in to the import's result: Tab moves the focus
//! from one control to the next, Enter acts, text is typed where the focus is. Each step's way on
//! is reached within a few presses of Tab.
//!
//! The file is chosen as a keyboard user chooses it: Tab to the file input, then the choice in
//! the system's file dialog, which WebDriver cannot drive and gives to the input itself.

use crate::support::browser::Browser;
use crate::support::files::three_customers_csv;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

const ENTER: &str = "\u{E007}";

#[tokio::test]
async fn the_keyboard_alone_takes_a_file_through_every_step() {
    let server = TestServer::start(Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let file = three_customers_csv(dir.path());

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.tab_to("#sign-in-email", 10).await;
    browser.keys(ADMIN_EMAIL).await;
    browser.tab_to("#sign-in-password", 2).await;
    browser.keys(ADMIN_PASSWORD).await;
    browser.keys(ENTER).await;
    browser.wait_for_text("#signed-in-as", ADMIN_EMAIL).await;

    // 1. File.
    browser.tab_to("#file-input", 20).await;
    browser.pick_file("#file-input", &file).await;
    browser.wait_for_text("#file-summary", "3 rows").await;
    browser.tab_to("#to-columns", 30).await;
    browser.keys(ENTER).await;
    // 2. Columns.
    browser.tab_to("#to-review", 40).await;
    browser.keys(ENTER).await;
    // 3. Review.
    browser
        .wait_for_text("#review-counts", "3 ready to import")
        .await;
    browser.tab_to("#to-options", 40).await;
    browser.keys(ENTER).await;
    // 4. Options.
    browser.tab_to("#to-import", 40).await;
    browser.keys(ENTER).await;
    // 5 and 6. Import, result.
    browser.wait_for_text("#import-result", "3 created").await;
    browser.screenshot("keyboard-result").await;
    browser.close().await;
    assert_eq!(server.get_json("/api/customers").await["total"], 3);
}

//! A file with more rows than the profile's `max_rows` is refused whole in the review, before
//! anything is sent: no import is left half done.

use serde_json::json;

use crate::support::browser::Browser;
use crate::support::files::three_customers_csv;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

#[tokio::test]
async fn a_file_over_the_profiles_row_limit_cannot_be_sent() {
    let server = TestServer::start(Backend::Sqlite);
    server
        .put("/api/profiles/Pocos", &json!({ "max_rows": 2 }))
        .await;
    let dir = tempfile::tempdir().unwrap();
    let file = three_customers_csv(dir.path());

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    // The only saved profile is the one chosen.
    browser.pick_file("#file-input", &file).await;
    browser
        .review_as_suggested("3 rows", "3 ready to import")
        .await;
    browser
        .wait_for_text(
            "#file-errors",
            "The file has 3 rows; an import with this profile takes at most 2. Split the file.",
        )
        .await;
    // Neither the way on nor the step buttons lead past the review.
    for control in ["#to-options", "#step-options", "#step-import"] {
        assert!(!browser.is_enabled(control).await, "{control}");
    }
    browser.screenshot("row-limit").await;
    browser.close().await;
    assert_eq!(server.get_json("/api/imports").await, json!([]));
}

//! The administration page: an admin sets the workspace's tags, a custom field, a new user and a
//! group through the browser, and the server stores them; agents do not see the page.

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

/// Tab: leaves a field, so its change is taken.
const TAB: &str = "\u{E004}";

#[tokio::test]
async fn an_admin_sets_up_the_workspace_in_the_browser() {
    let server = TestServer::start(Backend::Sqlite);
    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    browser.click("#page-admin").await;
    browser.wait_for_text("#admin h1", "Administration").await;

    browser.type_text("#admin-tags", "vip\nferia").await;
    browser.click("#admin-tags-save").await;
    browser
        .wait_for_text(
            "section[aria-labelledby=admin-tags-title] .summary",
            "Saved.",
        )
        .await;

    browser.click("#admin-fields-add").await;
    browser.type_text("#admin-fields .field-key", "plan").await;
    browser.press("#admin-fields .field-key", TAB).await;
    browser
        .type_text("#admin-fields .field-label", "Plan")
        .await;
    browser.press("#admin-fields .field-label", TAB).await;
    browser.select("#admin-fields .field-kind", "select").await;
    browser
        .type_text("#admin-fields .field-options", "basic, pro")
        .await;
    browser.press("#admin-fields .field-options", TAB).await;
    browser.click("#admin-fields-save").await;
    browser
        .wait_for_text(
            "section[aria-labelledby=admin-fields-title] .summary",
            "Saved.",
        )
        .await;

    browser
        .type_text("#admin-user-email", "marta@crm.example")
        .await;
    browser.type_text("#admin-user-name", "Marta").await;
    browser.select("#admin-user-role", "agent").await;
    browser
        .type_text("#admin-user-password", "marta's password")
        .await;
    browser.click("#admin-user-add").await;
    browser
        .wait_for_text("#admin-users", "marta@crm.example")
        .await;

    browser.type_text("#admin-group-name", "Ventas").await;
    browser
        .click("#admin-group-members input[value='marta@crm.example']")
        .await;
    browser.click("#admin-group-save").await;
    browser.wait_for_text("#admin-groups", "Ventas").await;
    browser.screenshot("admin").await;

    let schema = server.get_json("/api/schema").await;
    assert_eq!(schema["tags"], serde_json::json!(["feria", "vip"]));
    assert_eq!(schema["custom_fields"][0]["key"], "plan");
    assert_eq!(schema["custom_fields"][0]["type"], "select");
    assert_eq!(
        schema["custom_fields"][0]["options"],
        serde_json::json!(["basic", "pro"])
    );
    assert_eq!(
        schema["groups"],
        serde_json::json!([{ "name": "Ventas", "members": ["marta@crm.example"] }])
    );

    // In Spanish, the page speaks Spanish.
    browser.select("#language", "es").await;
    browser.wait_for_text("#admin h1", "Administración").await;
    browser.select("#language", "en").await;

    // Marta, an agent, has no administration page.
    browser.click("#sign-out-button").await;
    browser
        .sign_in("marta@crm.example", "marta's password")
        .await;
    browser.wait_for_text("nav.pages", "Customers").await;
    let menu = browser.wait_for_text("nav.pages", "Import history").await;
    assert!(!menu.contains("Administration"), "{menu}");
    let page = browser.wait_for_text("body", "Import customers").await;
    assert!(
        !page.contains("Only a user"),
        "Marta starts at the import page: {page}"
    );
    browser.close().await;
}

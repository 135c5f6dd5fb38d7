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

    // A profile is written as TOML (the worker reads it): a mistake is named with its line,
    // and once fixed the profile is stored and comes back into the editor as written, with
    // its comment.
    browser.type_text("#admin-profile-name", "ferias").await;
    browser
        .type_text(
            "#admin-profile-toml",
            "# Contacts from the fairs\ndefault_country = \"EC\"\nrequired = [\"email\"",
        )
        .await;
    browser.click("#admin-profile-save").await;
    let profiles_result = "section[aria-labelledby=admin-profiles-title] .summary";
    browser.wait_for_text(profiles_result, "line 3").await;
    browser.type_text("#admin-profile-toml", "]\n").await;
    browser.click("#admin-profile-save").await;
    browser.wait_for_text(profiles_result, "Saved.").await;
    browser.wait_for_text("#admin-profiles", "ferias").await;
    browser
        .type_text("#admin-profile-toml", "# to be replaced")
        .await;
    browser
        .client
        .execute(
            "[...document.querySelectorAll('#admin-profiles button')]
                .find(button => button.textContent === 'ferias').click()",
            vec![],
        )
        .await
        .unwrap();
    let shown =
        textarea_value_with(&browser, "#admin-profile-toml", "default_country = \"EC\"").await;
    assert!(shown.contains("required = [\"email\"]"), "{shown}");
    assert!(shown.starts_with("# Contacts from the fairs\n"), "{shown}");
    assert!(!shown.contains("to be replaced"), "{shown}");
    browser.screenshot("admin").await;

    let schema = server.get_json("/api/schema").await;
    assert_eq!(schema["tags"], serde_json::json!(["feria", "vip"]));
    let ferias = schema["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|named| named["name"] == "ferias")
        .expect("the profile saved in the browser");
    assert_eq!(ferias["profile"]["required"], serde_json::json!(["email"]));
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

    // The wizard, open since sign-in, checks the next file with the profile just saved (it
    // requires an email), and offers it by name.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feria.csv");
    std::fs::write(
        &file,
        "Nombre,Correo,Plan\nAna,ana@example.com,basic\nLuis,,pro\n",
    )
    .unwrap();
    browser.click("#page-import").await;
    browser.wait_for_text("#profile", "ferias").await;
    browser.pick_file("#file-input", &file).await;
    browser
        .review_as_suggested("2 rows", "1 ready to import, 1 with errors")
        .await;
    // Without a profile nothing is required: both rows are ready.
    browser.click("#step-file").await;
    browser.select("#profile", "").await;
    browser
        .review_as_suggested("2 rows", "2 ready to import, 0 with errors")
        .await;
    browser.click("#page-admin").await;

    // In Spanish, the page speaks Spanish, and so does the server: adding Marta again is
    // refused in Spanish.
    browser.select("#language", "es").await;
    browser.wait_for_text("#admin h1", "Administración").await;
    browser
        .type_text("#admin-user-email", "marta@crm.example")
        .await;
    browser.type_text("#admin-user-name", "Marta").await;
    browser.click("#admin-user-add").await;
    browser
        .wait_for_text(
            "section[aria-labelledby=admin-users-title] .summary",
            "Ya existe un usuario con el correo marta@crm.example.",
        )
        .await;
    browser.select("#language", "en").await;

    // Deleting a profile asks first, then says so.
    browser
        .client
        .execute(
            "[...document.querySelectorAll('#admin-profiles li')]
                .find(item => item.textContent.startsWith('ferias'))
                .querySelectorAll('button')[1].click()",
            vec![],
        )
        .await
        .unwrap();
    browser.client.accept_alert().await.unwrap();
    browser.wait_for_text(profiles_result, "Deleted.").await;
    let schema = server.get_json("/api/schema").await;
    assert_eq!(schema["profiles"], serde_json::json!([]), "{schema}");

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

    // The admin deactivates Marta: she may no longer sign in.
    browser.click("#sign-out-button").await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    browser.click("#page-admin").await;
    browser
        .wait_for_text("#admin-users", "marta@crm.example")
        .await;
    browser
        .client
        .execute(
            "[...document.querySelectorAll('#admin-users tbody tr')]
                .find(row => row.textContent.includes('marta@crm.example'))
                .querySelector('.user-active').click()",
            vec![],
        )
        .await
        .unwrap();
    browser
        .wait_for_text(
            "section[aria-labelledby=admin-users-title] .summary",
            "Saved.",
        )
        .await;
    let users = server.get_json("/api/users").await;
    let marta = users
        .as_array()
        .unwrap()
        .iter()
        .find(|user| user["email"] == "marta@crm.example")
        .unwrap();
    assert_eq!(marta["active"], false, "{users}");
    browser.close().await;
}

/// The value of the text area `selector` once it contains `expected` (it is filled in by the
/// worker, a moment after the click).
async fn textarea_value_with(browser: &Browser, selector: &str, expected: &str) -> String {
    let script = format!("return document.querySelector('{selector}').value");
    let mut value = String::new();
    for _ in 0..100 {
        value = browser
            .client
            .execute(&script, vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if value.contains(expected) {
            return value;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{selector} never held {expected:?}; it holds {value:?}");
}

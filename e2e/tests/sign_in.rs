//! Nobody reaches the import page without signing in; a wrong password says so; signing out
//! ends the session.

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

#[tokio::test]
async fn sign_in_wrong_password_and_sign_out() {
    let server = TestServer::start(Backend::Sqlite);
    let browser = Browser::start().await;
    browser.open(&server.url).await;

    browser.type_text("#sign-in-email", ADMIN_EMAIL).await;
    browser
        .type_text("#sign-in-password", "not the password")
        .await;
    browser.click("#sign-in-button").await;
    browser
        .wait_for_text("#sign-in-error", "Wrong email or password")
        .await;
    browser.screenshot("sign-in-wrong-password").await;

    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    // The session survives a reload: the cookie is kept and the server knows it.
    browser.open(&server.url).await;
    browser.wait_for_text("#signed-in-as", ADMIN_EMAIL).await;

    browser.click("#sign-out-button").await;
    browser.wait_for_text("#sign-in-title", "Sign in").await;
    browser.open(&server.url).await;
    browser.wait_for_text("#sign-in-title", "Sign in").await;
    browser.close().await;
}

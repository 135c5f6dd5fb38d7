//! Calls the administration page makes: tags, custom fields, groups, users and profiles.

use clientela_shared::{AgentInfo, CustomField, GroupInfo, Role};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::api::{ApiError, parse, send, send_typed, server_message};

/// Makes `tags` the workspace's known tags.
pub async fn put_tags(tags: &[String]) -> Result<(), ApiError> {
    send_json::<serde_json::Value>("PUT", "/api/tags", &json!({ "tags": tags }))
        .await
        .map(drop)
}

/// Makes `fields` the workspace's custom fields.
pub async fn put_custom_fields(fields: &[CustomField]) -> Result<(), ApiError> {
    let body = json!({ "custom_fields": fields });
    send_json::<serde_json::Value>("PUT", "/api/custom-fields", &body)
        .await
        .map(drop)
}

/// Creates group `name`, or replaces its members.
pub async fn put_group(name: &str, members: &[String]) -> Result<GroupInfo, ApiError> {
    let url = format!("/api/groups/{}", js_sys::encode_uri_component(name));
    send_json("PUT", &url, &json!({ "members": members })).await
}

/// Deletes group `name`.
pub async fn delete_group(name: &str) -> Result<(), ApiError> {
    let url = format!("/api/groups/{}", js_sys::encode_uri_component(name));
    expect_no_content("DELETE", &url, None).await
}

/// The workspace's users.
pub async fn users() -> Result<Vec<AgentInfo>, ApiError> {
    let (status, text) = send("GET", "/api/users", None).await?;
    parse(status, &text)
}

/// Adds a user; without a password, they work with API tokens only.
pub async fn add_user(
    email: &str,
    name: &str,
    role: Role,
    password: Option<&str>,
) -> Result<AgentInfo, ApiError> {
    let body = json!({ "email": email, "name": name, "role": role, "password": password });
    send_json("POST", "/api/users", &body).await
}

/// Makes one change to user `id`; the rest stays.
pub async fn change_user(id: i64, change: UserChange) -> Result<AgentInfo, ApiError> {
    let mut body = serde_json::Map::new();
    match change {
        UserChange::Role(role) => body.insert("role".into(), json!(role)),
        UserChange::Available(available) => body.insert("available".into(), json!(available)),
        UserChange::Active(active) => body.insert("active".into(), json!(active)),
    };
    send_json("PATCH", &format!("/api/users/{id}"), &body).await
}

/// Saves the profile written in `toml` under `name`; the server keeps the text as written.
pub async fn put_profile(name: &str, toml: &str) -> Result<(), ApiError> {
    let url = format!("/api/profiles/{}", js_sys::encode_uri_component(name));
    expect_no_content("PUT", &url, Some((toml, "application/toml"))).await
}

/// Deletes profile `name`.
pub async fn delete_profile(name: &str) -> Result<(), ApiError> {
    let url = format!("/api/profiles/{}", js_sys::encode_uri_component(name));
    expect_no_content("DELETE", &url, None).await
}

async fn send_json<T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    let body = serde_json::to_string(body).map_err(|err| ApiError::NotSent(err.to_string()))?;
    let (status, text) = send(method, url, Some(&body)).await?;
    parse(status, &text)
}

/// Sends `body` (its text and content type) and expects no answer but success.
async fn expect_no_content(
    method: &str,
    url: &str,
    body: Option<(&str, &str)>,
) -> Result<(), ApiError> {
    let (status, text) = send_typed(method, url, body).await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(server_message(status, &text))
    }
}

/// One change to a user, as the administration page makes them.
#[derive(Debug, Clone, Copy)]
pub enum UserChange {
    /// Their role.
    Role(Role),
    /// Whether they take new customers.
    Available(bool),
    /// Whether they may sign in at all (`false` deactivates them).
    Active(bool),
}

//! Calls to the Clientela server. The browser sends the session cookie by itself; requests that
//! change something add the CSRF header the server asks for.

use clientela_shared::{
    Batch, BatchAnswer, CustomerList, ImportSummary, Me, NewImport, OutcomeCounts, RevertSummary,
    SignIn, WorkspaceSchema,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use crate::browser_file::describe;

/// The header the server requires on cookie-authenticated changes.
const CSRF_HEADER: &str = "x-clientela-csrf";

/// The workspace's fields, tags, agents and saved profiles.
pub async fn schema() -> Result<WorkspaceSchema, String> {
    let (status, text) = send("GET", "/api/schema", None).await?;
    parse(status, &text)
}

/// Opens an import, or finds the one opened with the same client id.
pub async fn open_import(request: &NewImport) -> Result<ImportSummary, Failure> {
    let body = serde_json::to_string(request).map_err(|err| Failure::fatal(err.to_string()))?;
    call("POST", "/api/imports", Some(&body)).await
}

/// Sends batch `seq` of import `id`; sending the same batch again is safe.
pub async fn send_batch(id: i64, seq: u64, batch: &Batch) -> Result<BatchAnswer, Failure> {
    let body = serde_json::to_string(batch).map_err(|err| Failure::fatal(err.to_string()))?;
    call(
        "PUT",
        &format!("/api/imports/{id}/batches/{seq}"),
        Some(&body),
    )
    .await
}

/// What a batch would do, writing nothing.
pub async fn preview_batch(id: i64, batch: &Batch) -> Result<OutcomeCounts, Failure> {
    let body = serde_json::to_string(batch).map_err(|err| Failure::fatal(err.to_string()))?;
    call("POST", &format!("/api/imports/{id}/preview"), Some(&body)).await
}

/// Closes import `id`; the server then sends its summary by email.
pub async fn commit_import(id: i64) -> Result<ImportSummary, Failure> {
    call("POST", &format!("/api/imports/{id}/commit"), None).await
}

/// A page of the workspace's customers matching `search` (name, email or phone).
pub async fn customers(search: &str, page: u64) -> Result<CustomerList, String> {
    let search = js_sys::encode_uri_component(search);
    let url = format!("/api/customers?q={search}&page={page}&limit={CUSTOMERS_PER_PAGE}");
    let (status, text) = send("GET", &url, None).await?;
    parse(status, &text)
}

/// Customers shown per page.
pub const CUSTOMERS_PER_PAGE: u64 = 50;

/// The workspace's imports, newest first.
pub async fn imports() -> Result<Vec<ImportSummary>, String> {
    let (status, text) = send("GET", "/api/imports", None).await?;
    parse(status, &text)
}

/// Undoes import `id`.
pub async fn revert_import(id: i64) -> Result<RevertSummary, String> {
    let (status, text) = send("POST", &format!("/api/imports/{id}/revert"), None).await?;
    parse(status, &text)
}

/// A request that failed, and whether sending it again may work.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// For the user.
    pub message: String,
    /// The network failed, the server was busy or asked to send again.
    pub retryable: bool,
}

impl Failure {
    fn fatal(message: String) -> Failure {
        Failure {
            message,
            retryable: false,
        }
    }
}

/// Sends a request whose answer is JSON, telling failures worth retrying from the others.
async fn call<T: DeserializeOwned>(
    method: &str,
    url: &str,
    body: Option<&str>,
) -> Result<T, Failure> {
    let (status, text) = send(method, url, body).await.map_err(|message| Failure {
        message,
        retryable: true,
    })?;
    let retry_asked = status == 409 && text.contains("batch.retry");
    parse(status, &text).map_err(|message| Failure {
        message,
        retryable: status >= 500 || status == 429 || status == 408 || retry_asked,
    })
}

/// The signed-in user, or `None` when nobody is signed in.
pub async fn current_user() -> Result<Option<Me>, String> {
    let (status, text) = send("GET", "/api/me", None).await?;
    if status == 401 {
        return Ok(None);
    }
    parse(status, &text).map(Some)
}

/// Signs in; the server sets the session cookie.
pub async fn sign_in(email: &str, password: &str) -> Result<Me, String> {
    let request = SignIn {
        email: email.to_owned(),
        password: password.to_owned(),
    };
    let body = serde_json::to_string(&request).map_err(|err| err.to_string())?;
    let (status, text) = send("POST", "/api/session", Some(&body)).await?;
    if status == 401 {
        return Err("Wrong email or password.".to_owned());
    }
    parse(status, &text)
}

/// Signs out; the server forgets the session.
pub async fn sign_out() -> Result<(), String> {
    let (status, text) = send("DELETE", "/api/session", None).await?;
    if (200..300).contains(&status) || status == 401 {
        Ok(())
    } else {
        Err(server_message(status, &text))
    }
}

/// Sends a request and returns the status and the body's text.
async fn send(method: &str, url: &str, json_body: Option<&str>) -> Result<(u16, String), String> {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(body) = json_body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|e| describe(&e))?;
    let headers = request.headers();
    if json_body.is_some() {
        headers
            .set("content-type", "application/json")
            .map_err(|e| describe(&e))?;
    }
    if method != "GET" {
        headers.set(CSRF_HEADER, "1").map_err(|e| describe(&e))?;
    }
    let window = web_sys::window().ok_or("no browser window")?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| "The server cannot be reached. Check your connection and try again.")?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

/// The JSON answer of a successful request, or the server's message.
fn parse<T: DeserializeOwned>(status: u16, text: &str) -> Result<T, String> {
    if (200..300).contains(&status) {
        serde_json::from_str(text)
            .map_err(|err| format!("Unexpected answer from the server: {err}"))
    } else {
        Err(server_message(status, text))
    }
}

/// The message of the server's JSON error, or the status when there is none.
fn server_message(status: u16, body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("The server answered with status {status}."))
}

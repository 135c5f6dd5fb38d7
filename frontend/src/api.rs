//! Calls to the Clientela server. The browser sends the session cookie by itself; requests that
//! change something add the CSRF header the server asks for.

use clientela_shared::{
    Batch, BatchAnswer, CustomerList, CustomerListInfo, ImportSummary, Language, Me, NewImport,
    OutcomeCounts, RevertSummary, SignIn, WorkspaceSchema,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use crate::address::query_string;
use crate::browser_file::describe;
use crate::language::language_for_requests;
use crate::later_views::split_off_fn;
use crate::text::{Text, catalogue};

/// The header the server requires on cookie-authenticated changes.
const CSRF_HEADER: &str = "x-clientela-csrf";

/// Why a request to the server failed; [`ApiError::message`] says it in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The network failed, or the server is down.
    Unreachable,
    /// Sign-in refused the email and password.
    WrongEmailOrPassword,
    /// The server said why (in its own words).
    Server(String),
    /// The server failed without saying why.
    Status(u16),
    /// The server's answer could not be read.
    UnexpectedAnswer(String),
    /// The request could not be sent: the browser refused it, or it could not be written.
    NotSent(String),
    /// The part of the app that reads the answer could not be fetched (the network is down).
    PartNotFetched,
}

impl From<leptos::wasm_split::SplitLoaderError> for ApiError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ApiError {
        ApiError::PartNotFetched
    }
}

impl ApiError {
    /// The error for the user.
    pub fn message(&self, language: Language) -> String {
        let texts = catalogue(language);
        match self {
            ApiError::Unreachable => texts.text(Text::ServerUnreachable).to_owned(),
            ApiError::WrongEmailOrPassword => texts.text(Text::WrongEmailOrPassword).to_owned(),
            ApiError::Server(message) | ApiError::NotSent(message) => message.clone(),
            ApiError::Status(status) => texts.server_status(*status),
            ApiError::UnexpectedAnswer(error) => texts.unexpected_answer(error),
            ApiError::PartNotFetched => texts.text(Text::PartNotFetched).to_owned(),
        }
    }
}

impl From<JsValue> for ApiError {
    fn from(error: JsValue) -> ApiError {
        ApiError::NotSent(describe(&error))
    }
}

/// The workspace's fields, tags, agents and saved profiles.
pub async fn schema() -> Result<WorkspaceSchema, ApiError> {
    let (status, text) = send("GET", "/api/schema", None).await?;
    read_schema(status, text).await
}

split_off_fn! {
    schema_reader, fetch_schema_reader =>
    /// Reads the schema the server sent. Reading one is a good part of the page's code, and
    /// the first view does not wait for it: its code comes after the first paint.
    pub(crate) fn read_schema(status: u16, text: String) -> Result<WorkspaceSchema, ApiError> {
        parse(status, &text)
    }
}

/// Opens an import, or finds the one opened with the same client id.
pub async fn open_import(request: &NewImport) -> Result<ImportSummary, Failure> {
    let body = serde_json::to_string(request).map_err(Failure::unsent)?;
    call("POST", "/api/imports", Some(&body)).await
}

/// Sends batch `seq` of import `id`; sending the same batch again is safe.
pub async fn send_batch(id: i64, seq: u64, batch: &Batch) -> Result<BatchAnswer, Failure> {
    let body = serde_json::to_string(batch).map_err(Failure::unsent)?;
    call(
        "PUT",
        &format!("/api/imports/{id}/batches/{seq}"),
        Some(&body),
    )
    .await
}

/// What a batch would do, writing nothing.
pub async fn preview_batch(id: i64, batch: &Batch) -> Result<OutcomeCounts, Failure> {
    let body = serde_json::to_string(batch).map_err(Failure::unsent)?;
    call("POST", &format!("/api/imports/{id}/preview"), Some(&body)).await
}

/// Closes import `id`; the server then sends its summary by email.
pub async fn commit_import(id: i64) -> Result<ImportSummary, Failure> {
    call("POST", &format!("/api/imports/{id}/commit"), None).await
}

/// What the customers page asks for: a search and filters; empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerFilters {
    /// Part of a name, email or phone.
    pub search: String,
    /// A tag.
    pub tag: String,
    /// `active` or `potential`.
    pub status: String,
    /// An agent's email.
    pub agent: String,
    /// A list's name.
    pub list: String,
    /// An import's id: the customers it created or updated.
    pub import: String,
}

impl CustomerFilters {
    /// The filters by their names in a query (`q`, `tag`…), the empty ones too.
    pub fn pairs(&self) -> [(&'static str, &str); 6] {
        [
            ("q", &self.search),
            ("tag", &self.tag),
            ("status", &self.status),
            ("agent", &self.agent),
            ("list", &self.list),
            ("import", &self.import),
        ]
    }

    /// The filters named in a query, as [`CustomerFilters::pairs`] names them.
    pub fn from_query(query: &[(String, String)]) -> CustomerFilters {
        let mut filters = CustomerFilters::default();
        for (name, value) in query {
            let field = match name.as_str() {
                "q" => &mut filters.search,
                "tag" => &mut filters.tag,
                "status" => &mut filters.status,
                "agent" => &mut filters.agent,
                "list" => &mut filters.list,
                "import" => &mut filters.import,
                _ => continue,
            };
            field.clone_from(value);
        }
        filters
    }

    /// The filters as a query string (`q=…&tag=…`), the ones set only.
    pub fn query(&self) -> String {
        query_string(&self.pairs())
    }

    /// Where the CSV of every customer matching the filters downloads from.
    pub fn export_url(&self) -> String {
        format!("/api/customers/export.csv?{}", self.query())
    }
}

/// A page of the workspace's customers matching `filters`.
pub async fn customers(filters: &CustomerFilters, page: u64) -> Result<CustomerList, ApiError> {
    let url = format!(
        "/api/customers?{}&page={page}&limit={CUSTOMERS_PER_PAGE}",
        filters.query()
    );
    let (status, text) = send("GET", &url, None).await?;
    parse(status, &text)
}

/// The workspace's lists of customers.
pub async fn lists() -> Result<Vec<CustomerListInfo>, ApiError> {
    let (status, text) = send("GET", "/api/lists", None).await?;
    parse(status, &text)
}

/// Customers shown per page.
pub const CUSTOMERS_PER_PAGE: u64 = 50;

/// The workspace's imports, newest first.
pub async fn imports() -> Result<Vec<ImportSummary>, ApiError> {
    let (status, text) = send("GET", "/api/imports", None).await?;
    parse(status, &text)
}

/// Undoes import `id`.
pub async fn revert_import(id: i64) -> Result<RevertSummary, ApiError> {
    let (status, text) = send("POST", &format!("/api/imports/{id}/revert"), None).await?;
    parse(status, &text)
}

/// Deletes an import that stored nothing yet (opened for a preview, or for options the user
/// then changed), so it does not stay in the history as an empty, open import.
pub async fn discard_import(id: i64) -> Result<(), ApiError> {
    let (status, text) = send("DELETE", &format!("/api/imports/{id}"), None).await?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(server_message(status, &text))
    }
}

/// A request that failed, and whether sending it again may work.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// What failed.
    pub error: ApiError,
    /// The network failed, the server was busy or asked to send again.
    pub retryable: bool,
}

impl Failure {
    /// A request that could not even be written (a bug): sending it again cannot help.
    fn unsent(error: serde_json::Error) -> Failure {
        Failure {
            error: ApiError::NotSent(error.to_string()),
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
    let (status, text) = send(method, url, body).await.map_err(|error| Failure {
        error,
        retryable: true,
    })?;
    let retry_asked = status == 409 && text.contains("batch.retry");
    parse(status, &text).map_err(|error| Failure {
        error,
        retryable: status >= 500 || status == 429 || status == 408 || retry_asked,
    })
}

/// The signed-in user, or `None` when nobody is signed in.
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    let (status, text) = send("GET", "/api/me", None).await?;
    if status == 401 {
        return Ok(None);
    }
    parse(status, &text).map(Some)
}

/// Signs in; the server sets the session cookie.
pub async fn sign_in(email: &str, password: &str) -> Result<Me, ApiError> {
    let request = SignIn {
        email: email.to_owned(),
        password: password.to_owned(),
    };
    let body = serde_json::to_string(&request).map_err(|err| ApiError::NotSent(err.to_string()))?;
    let (status, text) = send("POST", "/api/session", Some(&body)).await?;
    if status == 401 {
        return Err(ApiError::WrongEmailOrPassword);
    }
    parse(status, &text)
}

/// Signs out; the server forgets the session.
pub async fn sign_out() -> Result<(), ApiError> {
    let (status, text) = send("DELETE", "/api/session", None).await?;
    if (200..300).contains(&status) || status == 401 {
        Ok(())
    } else {
        Err(server_message(status, &text))
    }
}

/// Sends a request with a JSON body, if any, and returns the status and the body's text.
pub(crate) async fn send(
    method: &str,
    url: &str,
    json_body: Option<&str>,
) -> Result<(u16, String), ApiError> {
    send_typed(
        method,
        url,
        json_body.map(|body| (body, "application/json")),
    )
    .await
}

/// Sends a request with a body of the content type given with it, and returns the status and
/// the body's text.
pub(crate) async fn send_typed(
    method: &str,
    url: &str,
    body: Option<(&str, &str)>,
) -> Result<(u16, String), ApiError> {
    let request = new_request(method, url, body)?;
    let window = web_sys::window().ok_or_else(|| ApiError::NotSent("no browser window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ApiError::Unreachable)?
        .dyn_into()?;
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

/// A request with a body of the content type given with it, asking for the server's messages
/// in the language the app shows.
fn new_request(method: &str, url: &str, body: Option<(&str, &str)>) -> Result<Request, ApiError> {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some((text, _)) = body {
        init.set_body(&JsValue::from_str(text));
    }
    let request = Request::new_with_str_and_init(url, &init)?;
    let headers = request.headers();
    if let Some((_, content_type)) = body {
        headers.set("content-type", content_type)?;
    }
    if method != "GET" {
        headers.set(CSRF_HEADER, "1")?;
    }
    headers.set("accept-language", language_for_requests().code())?;
    Ok(request)
}

/// The JSON answer of a successful request, or the server's message.
pub(crate) fn parse<T: DeserializeOwned>(status: u16, text: &str) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        serde_json::from_str(text).map_err(|err| ApiError::UnexpectedAnswer(err.to_string()))
    } else {
        Err(server_message(status, text))
    }
}

/// The message of the server's JSON error, or the status when there is none. The problems a
/// 422 lists (what is wrong with which field) come first: they say what to change.
pub(crate) fn server_message(status: u16, body: &str) -> ApiError {
    let Ok(answer) = serde_json::from_str::<serde_json::Value>(body) else {
        return ApiError::Status(status);
    };
    let error = &answer["error"];
    let problems: Vec<&str> = error["problems"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|problem| problem["message"].as_str())
        .collect();
    if !problems.is_empty() {
        return ApiError::Server(problems.join(" "));
    }
    error["message"]
        .as_str()
        .map_or(ApiError::Status(status), |message| {
            ApiError::Server(message.to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_what_is_wrong_with_which_field() {
        let body = r#"{"error": {"code": "request.invalid", "message": "The request cannot be accepted.",
            "problems": [{"field": "key", "code": "key.invalid", "message": "`Fecha Nac` is not a valid key."},
                         {"field": "options", "code": "options.empty", "message": "A list needs options."}]}}"#;
        assert_eq!(
            server_message(422, body),
            ApiError::Server("`Fecha Nac` is not a valid key. A list needs options.".into())
        );
        let plain =
            r#"{"error": {"code": "not_found", "message": "Nothing here.", "problems": []}}"#;
        assert_eq!(
            server_message(404, plain),
            ApiError::Server("Nothing here.".into())
        );
        assert_eq!(server_message(502, "<html>"), ApiError::Status(502));
    }

    /// In the browser, where requests are built.
    #[cfg(target_arch = "wasm32")]
    mod in_the_browser {
        use leptos::prelude::*;
        use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

        use super::*;
        use crate::language::provide_language;

        wasm_bindgen_test_configure!(run_in_browser);

        /// Lets the page's pending effects run.
        async fn next_tick() {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                web_sys::window()
                    .unwrap()
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                    .unwrap();
            });
            JsFuture::from(promise).await.unwrap();
        }

        #[wasm_bindgen_test]
        async fn requests_ask_for_the_language_the_app_shows() {
            let shown = RwSignal::new(None);
            let parent = web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .create_element("div")
                .unwrap();
            leptos::mount::mount_to(parent.unchecked_into(), move || {
                shown.set(Some(provide_language()));
            })
            .forget();
            let language = shown.get_untracked().unwrap();
            for chosen in [Language::Pl, Language::Es] {
                language.set(chosen);
                next_tick().await;
                let request =
                    new_request("PUT", "/api/tags", Some(("{}", "application/json"))).unwrap();
                let header = |name| request.headers().get(name).unwrap();
                assert_eq!(header("accept-language").as_deref(), Some(chosen.code()));
                assert_eq!(header(CSRF_HEADER).as_deref(), Some("1"));
            }
        }
    }
}

//! The language of the request being answered, read from its `Accept-Language` header: the API
//! writes its error messages in it. A middleware keeps it for the time the request takes, so
//! [`ApiError`](crate::error::ApiError) finds it wherever the error is made.

use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::middleware::Next;
use axum::response::Response;
use clientela_shared::Language;

tokio::task_local! {
    static LANGUAGE: Language;
}

/// The middleware: answers `request` with its `Accept-Language` as the current language.
pub async fn keep(request: Request, next: Next) -> Response {
    let language = request
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or(Language::En, Language::from_accept_language);
    LANGUAGE.scope(language, next.run(request)).await
}

/// The language of the request being answered; English outside one (a test calling a handler
/// directly, a background task).
pub fn current() -> Language {
    LANGUAGE.try_with(|language| *language).unwrap_or_default()
}

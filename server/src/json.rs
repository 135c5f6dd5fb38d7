//! A JSON extractor whose rejections have the same shape as every other API error.

use axum::extract::FromRequest;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Like [`axum::Json`], but malformed JSON answers with an [`ApiError`].
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

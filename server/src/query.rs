//! A query-string extractor whose rejections have the same shape as every other API error.

use axum::extract::FromRequestParts;

use crate::error::ApiError;

/// Like [`axum::extract::Query`], but a malformed query (`?page=first`) answers with an
/// [`ApiError`].
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

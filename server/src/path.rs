//! A path-parameter extractor whose rejections have the same shape as every other API error.

use axum::extract::FromRequestParts;

use crate::error::ApiError;

/// Like [`axum::extract::Path`], but a parameter that does not parse (`/api/imports/abc`)
/// answers with an [`ApiError`].
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

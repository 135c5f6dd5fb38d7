//! The body of `PUT /api/profiles/{name}`: the profile as JSON, or as the TOML an admin wrote
//! (`Content-Type: application/toml`). TOML is kept as written, comments and all, so the admin
//! edits the same text again.

use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use clientela_shared::{ApiMessage, Profile, ProfileError};

use crate::error::ApiError;
use crate::json::Json;

/// A profile, and the TOML it was written in, if it was.
#[derive(Debug)]
pub struct ProfileBody {
    /// The profile, checked.
    pub profile: Profile,
    /// The admin's text, when the profile came as TOML.
    pub toml: Option<String>,
}

impl<S: Send + Sync> FromRequest<S> for ProfileBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<ProfileBody, ApiError> {
        let is_toml = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.trim_start().starts_with("application/toml"));
        if !is_toml {
            let Json(profile) = Json::<Profile>::from_request(request, state).await?;
            profile.check().map_err(invalid_profile)?;
            return Ok(ProfileBody {
                profile,
                toml: None,
            });
        }
        let text = String::from_request(request, state).await?;
        // The reader's message says which line is wrong.
        let profile = Profile::from_toml(&text).map_err(invalid_profile)?;
        Ok(ProfileBody {
            profile,
            toml: Some(text),
        })
    }
}

fn invalid_profile(err: ProfileError) -> ApiError {
    ApiError::invalid("profile", ApiMessage::ProfileInvalid(err))
}

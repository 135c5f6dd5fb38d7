//! `PUT /api/custom-fields`: admins set the workspace's own fields (everyone signed in sees them
//! in `GET /api/schema`). Every import gets them besides its profile's own.

use std::collections::HashSet;

use axum::Router;
use axum::extract::State;
use axum::routing::put;
use clientela_shared::{CustomField, Profile, RequestProblem, Role};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::catalogues;
use crate::error::ApiError;
use crate::json::Json;
use crate::state::AppState;

/// The custom field routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/custom-fields", put(put_custom_fields))
}

/// `PUT /api/custom-fields` body and answer.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomFields {
    custom_fields: Vec<CustomField>,
}

async fn put_custom_fields(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Json(body): Json<CustomFields>,
) -> Result<Json<CustomFields>, ApiError> {
    user.require(Role::Admin)?;
    let problems = check(&body.custom_fields);
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    catalogues::replace_custom_fields(&state.db, user.workspace_id, &body.custom_fields).await?;
    tracing::info!(
        user = user.id,
        fields = body.custom_fields.len(),
        "custom fields replaced"
    );
    Ok(Json(body))
}

/// Keys are short snake_case words, each used once; labels are not blank; a select's options
/// are not blank and not repeated (ignoring case); and the fields pass
/// the profile's own checks (no built-in key, selects have options).
fn check(fields: &[CustomField]) -> Vec<RequestProblem> {
    let mut problems = Vec::new();
    let mut problem = |index: usize, code: &str, message: String| {
        problems.push(RequestProblem {
            field: format!("custom_fields[{index}]"),
            code: code.to_owned(),
            message,
        });
    };
    let mut seen = HashSet::new();
    for (index, field) in fields.iter().enumerate() {
        let key_is_valid = !field.key.is_empty()
            && field.key.len() <= 50
            && field.key.starts_with(|c: char| c.is_ascii_lowercase())
            && field
                .key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !key_is_valid {
            problem(
                index,
                "key.invalid",
                format!(
                    "{:?} is not a valid key: use up to 50 lower-case letters, digits and \
                     underscores, starting with a letter.",
                    field.key
                ),
            );
        } else if !seen.insert(field.key.as_str()) {
            problem(
                index,
                "key.repeated",
                format!("The key {} is used twice.", field.key),
            );
        }
        if field.label.trim().is_empty() {
            problem(
                index,
                "label.blank",
                format!("The field {} has no label.", field.key),
            );
        }
        let mut options = HashSet::new();
        for option in &field.options {
            if option.trim().is_empty() {
                problem(
                    index,
                    "options.blank",
                    format!("The field {} has a blank option.", field.key),
                );
            } else if !options.insert(option.trim().to_lowercase()) {
                problem(
                    index,
                    "options.repeated",
                    format!("The field {} offers {option:?} twice.", field.key),
                );
            }
        }
        let alone = Profile {
            custom_fields: vec![field.clone()],
            ..Profile::default()
        };
        if let Err(err) = alone.check() {
            problem(index, "field.invalid", err.to_string());
        }
    }
    problems
}

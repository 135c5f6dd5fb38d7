//! `PUT /api/custom-fields`: admins set the workspace's own fields (everyone signed in sees them
//! in `GET /api/schema`). Every import gets them besides its profile's own.

use std::collections::HashSet;

use axum::Router;
use axum::extract::State;
use axum::routing::put;
use clientela_shared::{ApiMessage, CustomField, FieldProblem, Profile, Role};
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
fn check(fields: &[CustomField]) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut problem = |index: usize, message: ApiMessage| {
        problems.push(FieldProblem::new(
            format!("custom_fields[{index}]"),
            message,
        ));
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
                ApiMessage::KeyInvalid {
                    key: field.key.clone(),
                },
            );
        } else if !seen.insert(field.key.as_str()) {
            problem(
                index,
                ApiMessage::KeyRepeated {
                    key: field.key.clone(),
                },
            );
        }
        if field.label.trim().is_empty() {
            problem(
                index,
                ApiMessage::LabelBlank {
                    key: field.key.clone(),
                },
            );
        }
        let mut options = HashSet::new();
        for option in &field.options {
            if option.trim().is_empty() {
                problem(
                    index,
                    ApiMessage::OptionBlank {
                        key: field.key.clone(),
                    },
                );
            } else if !options.insert(option.trim().to_lowercase()) {
                problem(
                    index,
                    ApiMessage::OptionRepeated {
                        key: field.key.clone(),
                        option: option.clone(),
                    },
                );
            }
        }
        let alone = Profile {
            custom_fields: vec![field.clone()],
            ..Profile::default()
        };
        if let Err(err) = alone.check() {
            problem(index, ApiMessage::CustomFieldInvalid(err));
        }
    }
    problems
}

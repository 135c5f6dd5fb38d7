//! Why a profile cannot be used.

use std::fmt;

/// A profile that cannot be read or does not make sense.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError(Box<ProfileErrorKind>);

/// What is wrong with a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileErrorKind {
    /// The TOML is malformed or has a value of the wrong kind.
    Syntax {
        /// The parser's words.
        message: String,
        /// The 1-based line, when known.
        line: Option<u64>,
    },
    /// `required`, `unique` or `at_least_one_of` names a field that does not exist.
    UnknownField {
        /// The key as written.
        key: String,
    },
    /// `default_country` is not an ISO 3166 alpha-2 code.
    UnknownCountry {
        /// The code as written.
        code: String,
    },
    /// A custom field reuses a built-in key.
    CustomShadowsBuiltIn {
        /// The key.
        key: String,
    },
    /// A `select` custom field has no options.
    SelectWithoutOptions {
        /// The key.
        key: String,
    },
}

impl ProfileError {
    pub(crate) fn new(kind: ProfileErrorKind) -> ProfileError {
        ProfileError(Box::new(kind))
    }

    /// What is wrong.
    pub fn kind(&self) -> &ProfileErrorKind {
        &self.0
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ProfileErrorKind::Syntax {
                message,
                line: Some(line),
            } => write!(f, "the profile is not valid TOML at line {line}: {message}"),
            ProfileErrorKind::Syntax {
                message,
                line: None,
            } => {
                write!(f, "the profile is not valid TOML: {message}")
            }
            ProfileErrorKind::UnknownField { key } => write!(
                f,
                "the profile names the field `{key}`, which is neither built in nor a custom field"
            ),
            ProfileErrorKind::UnknownCountry { code } => write!(
                f,
                "the profile's default_country `{code}` is not an ISO 3166 two-letter code"
            ),
            ProfileErrorKind::CustomShadowsBuiltIn { key } => write!(
                f,
                "the custom field `{key}` has the key of a built-in field: choose another key"
            ),
            ProfileErrorKind::SelectWithoutOptions { key } => {
                write!(f, "the select field `{key}` has no options")
            }
        }
    }
}

impl std::error::Error for ProfileError {}

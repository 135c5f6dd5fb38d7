//! An import profile: which fields a workspace requires, its catalogues and its custom fields.

use serde::{Deserialize, Serialize};

use super::field::Field;
use super::profile_error::{ProfileError, ProfileErrorKind};
use crate::validation::country::is_country_code;

/// How one workspace imports customers. Serialises as TOML (the command line reads a file) and
/// as JSON (the server stores it); every key but the ones a workspace needs may be left out.
///
/// ```
/// use clientela_shared::Profile;
///
/// # fn main() -> Result<(), clientela_shared::ProfileError> {
/// let profile = Profile::from_toml(r#"
///     default_country = "EC"
///     required = ["first_name", "last_name"]
///     at_least_one_of = [["email", "phone"]]
/// "#)?;
/// assert_eq!(profile.default_country.as_deref(), Some("EC"));
/// assert!(profile.keep_unmapped);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// A name for people choosing between profiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ISO 3166 alpha-2 country used for phones and documents when a row names none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_country: Option<String>,
    /// Field keys (built-in or custom) that must be non-blank on every row.
    pub required: Vec<String>,
    /// Groups of field keys of which every row must fill at least one.
    pub at_least_one_of: Vec<Vec<String>>,
    /// Field keys whose values must be unique inside the file.
    pub unique: Vec<String>,
    /// The most data rows one file may have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u64>,
    /// The workspace's known tags.
    pub tags: Vec<String>,
    /// What a tag that is not in [`tags`](Profile::tags) is.
    pub unknown_tags: UnknownTags,
    /// The workspace's agents, by email (`["ana@example.com"]`) or in full (`[[agents]]`).
    pub agents: Vec<Agent>,
    /// Fields this workspace adds to the built-in ones.
    pub custom_fields: Vec<CustomField>,
    /// Keep columns that map to no field as additional data (key = header).
    pub keep_unmapped: bool,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            name: None,
            default_country: None,
            required: Vec::new(),
            at_least_one_of: Vec::new(),
            unique: Vec::new(),
            max_rows: None,
            tags: Vec::new(),
            unknown_tags: UnknownTags::Error,
            agents: Vec::new(),
            custom_fields: Vec::new(),
            keep_unmapped: true,
        }
    }
}

/// What happens to a tag the workspace does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownTags {
    /// It is an error, with the nearest known tag as suggestion.
    #[default]
    Error,
    /// It is created on import (a warning says so).
    Create,
}

/// An agent customers can be assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "AgentForm")]
pub struct Agent {
    /// The agent's email, which identifies them.
    pub email: String,
    /// The agent's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether new customers may be assigned to them.
    pub available: bool,
}

/// An agent as written in a profile: an email alone, or a table.
#[derive(Deserialize)]
#[serde(untagged)]
enum AgentForm {
    Email(String),
    Full {
        email: String,
        name: Option<String>,
        #[serde(default = "yes")]
        available: bool,
    },
}

fn yes() -> bool {
    true
}

impl From<AgentForm> for Agent {
    fn from(form: AgentForm) -> Agent {
        match form {
            AgentForm::Email(email) => Agent {
                email,
                name: None,
                available: true,
            },
            AgentForm::Full {
                email,
                name,
                available,
            } => Agent {
                email,
                name,
                available,
            },
        }
    }
}

/// A field a workspace defines for itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomField {
    /// Stable key, such as `birthday`.
    pub key: String,
    /// What people call it, such as `Birthday`; also matched against headers.
    pub label: String,
    /// The kind of value it holds.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// The allowed values of a `select`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Whether every row must fill it.
    #[serde(default)]
    pub required: bool,
}

/// The kind of value a custom field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Any text.
    Text,
    /// A number, written 1.234,56 or 1,234.56.
    Number,
    /// An amount of money, with or without a currency symbol.
    Currency,
    /// A calendar date (ISO, day-first or month-first, Excel serial).
    Date,
    /// Yes or no, in English, Spanish, Portuguese or Polish.
    Boolean,
    /// One of [`CustomField::options`].
    Select,
}

impl Profile {
    /// Reads a profile from TOML and checks it (see [`Profile::check`]).
    pub fn from_toml(text: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text).map_err(|error| {
            ProfileError::new(ProfileErrorKind::Syntax {
                message: error.message().to_owned(),
                line: error.span().map(|span| line_of(text, span.start)),
            })
        })?;
        profile.check()?;
        Ok(profile)
    }

    /// Writes the profile as TOML.
    pub fn to_toml(&self) -> String {
        // A profile is plain data with string keys: serialising it cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Checks what serde cannot: field keys exist, the country is an ISO code, selects have
    /// options, custom keys do not shadow built-in ones.
    pub fn check(&self) -> Result<(), ProfileError> {
        if let Some(country) = &self.default_country
            && !is_country_code(country)
        {
            return Err(ProfileError::new(ProfileErrorKind::UnknownCountry {
                code: country.clone(),
            }));
        }
        for custom in &self.custom_fields {
            if Field::from_key(&custom.key).is_some() {
                return Err(ProfileError::new(ProfileErrorKind::CustomShadowsBuiltIn {
                    key: custom.key.clone(),
                }));
            }
            if custom.kind == FieldType::Select && custom.options.is_empty() {
                return Err(ProfileError::new(ProfileErrorKind::SelectWithoutOptions {
                    key: custom.key.clone(),
                }));
            }
        }
        let keys = self
            .required
            .iter()
            .chain(self.at_least_one_of.iter().flatten())
            .chain(&self.unique);
        for key in keys {
            if !self.knows_key(key) {
                return Err(ProfileError::new(ProfileErrorKind::UnknownField {
                    key: key.clone(),
                }));
            }
        }
        Ok(())
    }

    /// Puts the workspace's custom fields into this profile, so every import knows every field of
    /// the workspace. A workspace field replaces the profile's field of the same key: what is
    /// stored under a key follows the workspace's definition (its type, its options), whatever
    /// profile a client sends.
    pub fn add_workspace_fields(&mut self, fields: &[CustomField]) {
        for field in fields {
            match self
                .custom_fields
                .iter_mut()
                .find(|own| own.key == field.key)
            {
                Some(own) => *own = field.clone(),
                None => self.custom_fields.push(field.clone()),
            }
        }
    }

    /// Whether `key` is a built-in field or one of this profile's custom fields.
    pub fn knows_key(&self, key: &str) -> bool {
        Field::from_key(key).is_some() || self.custom_field(key).is_some()
    }

    /// The custom field with this key.
    pub fn custom_field(&self, key: &str) -> Option<&CustomField> {
        self.custom_fields.iter().find(|custom| custom.key == key)
    }

    /// Whether `key` must be filled on every row.
    pub fn is_required(&self, key: &str) -> bool {
        self.required.iter().any(|required| required == key)
            || self.custom_field(key).is_some_and(|custom| custom.required)
    }
}

fn line_of(text: &str, byte: usize) -> u64 {
    let upto = text.get(..byte).unwrap_or(text);
    upto.bytes().filter(|&b| b == b'\n').count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_profile_keeps_unmapped_columns() {
        let profile = Profile::from_toml("").unwrap();
        assert_eq!(profile, Profile::default());
        assert!(profile.keep_unmapped);
    }

    #[test]
    fn the_workspace_defines_its_fields_whatever_the_profile_says() {
        let mut profile = Profile::from_toml(
            r#"
            [[custom_fields]]
            key = "segment"
            label = "Segment"
            type = "text"

            [[custom_fields]]
            key = "source"
            label = "Source"
            type = "text"
            "#,
        )
        .unwrap();
        let segment = CustomField {
            key: "segment".into(),
            label: "Segmento".into(),
            kind: FieldType::Select,
            options: vec!["Retail".into(), "Mayorista".into()],
            required: false,
        };
        let plan = CustomField {
            key: "plan".into(),
            label: "Plan".into(),
            kind: FieldType::Text,
            options: Vec::new(),
            required: true,
        };
        profile.add_workspace_fields(&[segment.clone(), plan.clone()]);
        let keys: Vec<&str> = profile
            .custom_fields
            .iter()
            .map(|f| f.key.as_str())
            .collect();
        assert_eq!(keys, ["segment", "source", "plan"]);
        assert_eq!(profile.custom_field("segment"), Some(&segment));
        assert_eq!(profile.custom_field("plan"), Some(&plan));
    }

    #[test]
    fn agents_are_emails_or_tables() {
        let profile = Profile::from_toml(
            r#"
            agents = ["ana@example.com", { email = "luis@example.com", name = "Luis", available = false }]
            "#,
        )
        .unwrap();
        assert_eq!(profile.agents[0].email, "ana@example.com");
        assert!(profile.agents[0].available);
        assert_eq!(profile.agents[1].name.as_deref(), Some("Luis"));
        assert!(!profile.agents[1].available);
    }

    #[test]
    fn unknown_required_key_is_refused() {
        let error = Profile::from_toml(r#"required = ["fist_name"]"#).unwrap_err();
        assert!(error.to_string().contains("fist_name"), "{error}");
    }

    #[test]
    fn syntax_error_names_the_line() {
        let error =
            Profile::from_toml("required = [\"email\"]\nmax_rows = \"many\"\n").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
    }

    #[test]
    fn select_needs_options() {
        let error = Profile::from_toml(
            "[[custom_fields]]\nkey = \"plan\"\nlabel = \"Plan\"\ntype = \"select\"\n",
        )
        .unwrap_err();
        assert!(error.to_string().contains("plan"), "{error}");
    }

    #[test]
    fn toml_and_json_round_trip() {
        let profile = Profile::from_toml(
            r#"
            default_country = "PL"
            required = ["email"]
            agents = ["ana@example.com"]
            [[custom_fields]]
            key = "plan"
            label = "Plan"
            type = "select"
            options = ["Basic", "Pro"]
            "#,
        )
        .unwrap();
        assert_eq!(Profile::from_toml(&profile.to_toml()).unwrap(), profile);
        let json = serde_json::to_string(&profile).unwrap();
        assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), profile);
    }
}

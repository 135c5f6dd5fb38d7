//! A finding: one thing wrong (or worth a look) in a customer's data.

use serde::{Deserialize, Serialize};

use super::code::Code;
use super::id_details::id_detail_in;
use super::messages::{Language, did_you_mean, template};
use super::text_map::TextMap;
use crate::schema::field::Field;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row (or the file) cannot be imported as it is.
    Error,
    /// The row can be imported, but someone should look.
    Warning,
}

/// One finding about a cell, a row or the whole file. Data, not an error: a report holds many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The 1-based line of the file; `None` for the file as a whole.
    pub line: Option<u64>,
    /// The header of the column, when one column is at fault.
    pub column: Option<String>,
    /// The field key (built-in or custom), when one field is at fault.
    pub field: Option<String>,
    /// Error or warning.
    pub severity: Severity,
    /// The stable code, such as `email.invalid`.
    pub code: Code,
    /// The values the message quotes (`value`, `suggestion`, `lines`…).
    pub params: TextMap,
    /// A corrected value to offer, when there is an obvious one.
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding with no column, field or parameters yet.
    pub fn new(severity: Severity, code: Code) -> Finding {
        Finding {
            line: None,
            column: None,
            field: None,
            severity,
            code,
            params: TextMap::new(),
            suggestion: None,
        }
    }

    /// An error finding.
    pub fn error(code: Code) -> Finding {
        Finding::new(Severity::Error, code)
    }

    /// A warning finding.
    pub fn warning(code: Code) -> Finding {
        Finding::new(Severity::Warning, code)
    }

    /// Adds a message parameter. Its name is static (`value`, `lines`…), so it is not copied.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Finding {
        self.params.insert(name.into(), value.into());
        self
    }

    /// Adds a suggested value (also available to messages as `{suggestion}`).
    pub fn suggest(mut self, suggestion: impl Into<String>) -> Finding {
        let suggestion = suggestion.into();
        self.params.insert("suggestion".into(), suggestion.clone());
        self.suggestion = Some(suggestion);
        self
    }

    /// Whether its suggestion replaces the whole cell, so applying it to every row is safe. A
    /// tag suggestion names one tag of a cell that may hold several, so it is left to the user.
    pub fn fixes_whole_cell(&self) -> bool {
        self.suggestion.is_some() && self.column.is_some() && self.code != Code::TagUnknown
    }

    /// Whether this finding stops the row from being imported.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The finding in words, in `language`, with its parameters filled in.
    /// A suggestion the template does not quote is offered in a sentence of its own.
    pub fn message(&self, language: Language) -> String {
        let template = template(self.code, language);
        let mut text = template.to_owned();
        if self.suggestion.is_some() && !template.contains("{suggestion}") {
            text.push(' ');
            text.push_str(did_you_mean(language));
        }
        for (name, value) in &self.params {
            let value = match name.as_ref() {
                // Built-in field keys are shown by their names in the user's language.
                "field" | "fields" => value
                    .split(", ")
                    .map(|key| Field::from_key(key).map_or(key, |field| field.label(language)))
                    .collect::<Vec<_>>()
                    .join(", "),
                // What a document number should look like, in the user's language.
                "expected" => id_detail_in(value, language).to_owned(),
                _ => value.clone(),
            };
            text = text.replace(&format!("{{{name}}}"), &value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_fills_parameters_in_each_language() {
        let finding = Finding::warning(Code::EmailTypo)
            .with("value", "ana@gmial.com")
            .suggest("ana@gmail.com");
        assert!(finding.message(Language::En).contains("ana@gmail.com"));
        assert!(finding.message(Language::Es).contains("ana@gmail.com"));
        assert!(!finding.message(Language::Pl).contains('{'));
    }

    #[test]
    fn field_keys_are_named_in_the_language() {
        let finding = Finding::error(Code::RequiredMissing).with("field", "last_name");
        assert_eq!(
            finding.message(Language::Es),
            "El campo Apellido es obligatorio."
        );
        let finding =
            Finding::error(Code::AtLeastOneOfMissing).with("fields", "email, phone, birthday");
        assert_eq!(
            finding.message(Language::Pt),
            "Preencha pelo menos um de: E-mail, Telefone, birthday."
        );
    }

    #[test]
    fn a_suggestion_the_template_does_not_quote_is_appended() {
        let finding = Finding::error(Code::TagUnknown)
            .with("value", "vpi")
            .suggest("VIP");
        assert_eq!(
            finding.message(Language::En),
            "The tag vpi does not exist. Did you mean VIP?"
        );
        assert_eq!(
            finding.message(Language::Es),
            "La etiqueta vpi no existe. ¿Quiso decir VIP?"
        );
    }

    #[test]
    fn serialises_with_the_stable_code() {
        let json = serde_json::to_value(Finding::error(Code::EmailInvalid)).unwrap();
        assert_eq!(json["code"], "email.invalid");
        assert_eq!(json["severity"], "error");
    }
}

//! The stable codes of findings. Programs match on them; their text lives in the catalogue.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident => $text:literal,)*) => {
        /// A stable finding code, written like `email.invalid`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* $name,)*
        }

        impl Code {
            /// Every code.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as written, such as `email.invalid`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)*
                }
            }
        }
    };
}

codes! {
    /// The file has more data rows than the profile's `max_rows`.
    FileTooManyRows => "file.too_many_rows",
    /// Two or more columns are mapped to one field.
    MappingDuplicateField => "mapping.duplicate_field",
    /// A required field has no column.
    MappingRequiredMissing => "mapping.required_missing",
    /// A required field is blank.
    RequiredMissing => "required.missing",
    /// None of a group of fields is filled.
    AtLeastOneOfMissing => "at_least_one_of.missing",
    /// The value repeats another row's in a field that must be unique.
    UniqueDuplicate => "unique.duplicate",
    /// Not a usable email address.
    EmailInvalid => "email.invalid",
    /// A likely typo in a common email domain.
    EmailTypo => "email.typo",
    /// Not a valid phone number for its country.
    PhoneInvalid => "phone.invalid",
    /// A number Excel turned into scientific notation, losing digits.
    PhoneExcelDamaged => "phone.excel_damaged",
    /// A number that lost its leading zero.
    PhoneLeadingZeroLost => "phone.leading_zero_lost",
    /// A number with no country to read it with.
    PhoneNoCountry => "phone.no_country",
    /// Not an ISO country code or a known country name.
    CountryInvalid => "country.invalid",
    /// A tag the workspace does not know.
    TagUnknown => "tag.unknown",
    /// A tag that will be created.
    TagCreated => "tag.created",
    /// A `TAG-` column cell that is neither yes nor no.
    TagFlagInvalid => "tag.flag_invalid",
    /// The agent is not an email address.
    AgentInvalid => "agent.invalid",
    /// The agent is not one of the workspace's agents.
    AgentUnknown => "agent.unknown",
    /// The agent takes no new customers.
    AgentUnavailable => "agent.unavailable",
    /// A document type Clientela does not know.
    IdTypeUnknown => "id_type.unknown",
    /// A document number with the wrong length or characters.
    IdFormat => "id.format",
    /// A document number whose check digit does not match.
    IdCheckDigit => "id.check_digit",
    /// A document number given without a type that can be told.
    IdTypeMissing => "id.type_missing",
    /// Not `person` or `company` (or a synonym).
    CustomerTypeInvalid => "customer_type.invalid",
    /// Not `active` or `potential` (or a synonym).
    StatusInvalid => "status.invalid",
    /// Not a number.
    NumberInvalid => "number.invalid",
    /// Not an amount of money.
    CurrencyInvalid => "currency.invalid",
    /// Not a date.
    DateInvalid => "date.invalid",
    /// A date that can be read day-first or month-first.
    DateAmbiguous => "date.ambiguous",
    /// A date too far in the past or future to be meant.
    DateImplausible => "date.implausible",
    /// Not yes or no.
    BooleanInvalid => "boolean.invalid",
    /// Not one of the field's options.
    SelectInvalid => "select.invalid",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code `{text}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_dotted() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code.as_str().contains('.'));
        }
    }
}

//! The built-in customer fields and their stable keys.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A built-in customer field. Its [`key`](Field::key) is stable: profiles, mappings, reports and
/// the database all use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Given name.
    FirstName,
    /// Middle name(s).
    MiddleName,
    /// Surname (the first surname where people have two).
    LastName,
    /// Second surname, as in Spanish and Portuguese names.
    SecondLastName,
    /// The whole name in one cell; split into first and last name when only it is given.
    FullName,
    /// Email address.
    Email,
    /// Phone number (landline or any).
    Phone,
    /// Mobile phone number.
    Mobile,
    /// Several tags in one cell, separated by commas or semicolons.
    Tags,
    /// The email of the agent who owns the customer.
    Agent,
    /// The kind of identity document (cédula, RUC, CPF…).
    IdType,
    /// The identity document's number.
    IdNumber,
    /// `person` or `company`.
    CustomerType,
    /// `active` or `potential`.
    Status,
    /// Company name.
    Company,
    /// Street address.
    Address,
    /// Apartment, floor, reference: the second address line.
    AddressDetail,
    /// City.
    City,
    /// State, province or region.
    State,
    /// Postal code.
    Zip,
    /// ISO 3166 alpha-2 country code.
    CountryCode,
    /// Free notes.
    Notes,
    /// A social network handle or profile URL.
    Social,
}

impl Field {
    /// Every built-in field, in the order a form shows them.
    pub const ALL: [Field; 23] = [
        Field::FirstName,
        Field::MiddleName,
        Field::LastName,
        Field::SecondLastName,
        Field::FullName,
        Field::Email,
        Field::Phone,
        Field::Mobile,
        Field::Tags,
        Field::Agent,
        Field::IdType,
        Field::IdNumber,
        Field::CustomerType,
        Field::Status,
        Field::Company,
        Field::Address,
        Field::AddressDetail,
        Field::City,
        Field::State,
        Field::Zip,
        Field::CountryCode,
        Field::Notes,
        Field::Social,
    ];

    /// The stable key, such as `first_name`.
    pub fn key(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::MiddleName => "middle_name",
            Field::LastName => "last_name",
            Field::SecondLastName => "second_last_name",
            Field::FullName => "full_name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Mobile => "mobile",
            Field::Tags => "tags",
            Field::Agent => "agent",
            Field::IdType => "id_type",
            Field::IdNumber => "id_number",
            Field::CustomerType => "customer_type",
            Field::Status => "status",
            Field::Company => "company",
            Field::Address => "address",
            Field::AddressDetail => "address_detail",
            Field::City => "city",
            Field::State => "state",
            Field::Zip => "zip",
            Field::CountryCode => "country_code",
            Field::Notes => "notes",
            Field::Social => "social",
        }
    }

    /// The field with this key, if it is a built-in one.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
    }

    #[test]
    fn serde_uses_the_stable_key() {
        for field in Field::ALL {
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.key()));
        }
    }
}

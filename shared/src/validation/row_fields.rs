//! A row's built-in fields while the validator fills them.
//!
//! The validator sets fields in column order and asks about a few (is there a full name, a
//! document type?). Kept in a slot per [`Field`], each of those is an index rather than a search
//! of the record's sorted map; the map is laid out once, in key order, when the row is done.

use super::text_map::TextMap;
use crate::schema::field::Field;

/// Every built-in field, in the order of its key: the order a record's map keeps.
const BY_KEY: [Field; 23] = [
    Field::Address,
    Field::AddressDetail,
    Field::Agent,
    Field::City,
    Field::Company,
    Field::CountryCode,
    Field::CustomerType,
    Field::Email,
    Field::FirstName,
    Field::FullName,
    Field::IdNumber,
    Field::IdType,
    Field::LastName,
    Field::MiddleName,
    Field::Mobile,
    Field::Notes,
    Field::Phone,
    Field::SecondLastName,
    Field::Social,
    Field::State,
    Field::Status,
    Field::Tags,
    Field::Zip,
];

/// One slot per built-in field, indexed by the field.
#[derive(Debug, Default)]
pub(crate) struct RowFields {
    slots: [Option<String>; 23],
}

impl RowFields {
    /// Sets `field`, replacing what it held (as inserting into the record's map would).
    pub(crate) fn set(&mut self, field: Field, value: String) {
        self.slots[field as usize] = Some(value);
    }

    /// The value of `field`, if set.
    pub(crate) fn get(&self, field: Field) -> Option<&str> {
        self.slots[field as usize].as_deref()
    }

    /// Whether `field` is set.
    pub(crate) fn contains(&self, field: Field) -> bool {
        self.slots[field as usize].is_some()
    }

    /// The fields set, as a record's map with room for `capacity` entries: appended in key
    /// order, so no entry is searched for, compared or moved.
    pub(crate) fn into_map(mut self, capacity: usize) -> TextMap {
        let mut map = TextMap::with_capacity(capacity);
        for field in BY_KEY {
            if let Some(value) = self.slots[field as usize].take() {
                map.push_last(field.key(), value);
            }
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_is_every_field_sorted_by_key() {
        let mut sorted = Field::ALL;
        sorted.sort_by_key(|field| field.key());
        assert_eq!(BY_KEY, sorted);
    }

    #[test]
    fn slots_are_the_fields_own() {
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, index, "{field:?}");
        }
    }

    #[test]
    fn the_map_holds_what_was_set_last() {
        let mut fields = RowFields::default();
        fields.set(Field::Status, "active".into());
        fields.set(Field::Email, "a@example.com".into());
        fields.set(Field::Status, "potential".into());
        assert!(fields.contains(Field::Email) && !fields.contains(Field::Phone));
        assert_eq!(fields.get(Field::Status), Some("potential"));
        let map = fields.into_map(2);
        assert_eq!(map.keys().collect::<Vec<_>>(), ["email", "status"]);
        assert_eq!(map["status"], "potential");
    }
}

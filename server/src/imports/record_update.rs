//! What an import that updates a stored customer stores: the customer's values, with the file's
//! on top. A file without a city column must not wipe the customer's city.

use clientela_shared::Record;

/// `stored` (the customer's record as JSON) updated with the filled values of `incoming`:
/// built-in, custom and additional values from the file replace the stored ones, the others
/// stay; tags are added to the customer's.
///
/// A stored record that cannot be read (it never should) gives way to `incoming` whole.
pub(crate) fn updated_record(stored: &str, incoming: &Record) -> Record {
    let Ok(mut record) = serde_json::from_str::<Record>(stored) else {
        return incoming.clone();
    };
    for (key, value) in &incoming.fields {
        if !value.is_empty() {
            record.fields.insert(key.clone(), value.clone());
        }
    }
    for (target, source) in [
        (&mut record.custom, &incoming.custom),
        (&mut record.extra, &incoming.extra),
    ] {
        for (key, value) in source {
            if !value.is_empty() {
                target.insert(key.clone(), value.clone());
            }
        }
    }
    for tag in &incoming.tags {
        record.add_tag(tag.clone());
    }
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(json: serde_json::Value) -> Record {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn values_the_file_lacks_are_kept() {
        let stored = serde_json::json!({
            "first_name": "Beatriz", "city": "Évora", "phone": "+351912345678",
            "tags": ["VIP"], "custom": { "plan": "gold", "since": "2020-01-01" },
            "extra": { "Origem": "feira" }
        });
        let incoming = record(serde_json::json!({
            "first_name": "Beatriz Maria", "email": "bea@example.com",
            "tags": ["Feira 2026", "VIP"], "custom": { "plan": "silver" }, "extra": {}
        }));
        let updated = updated_record(&stored.to_string(), &incoming);
        assert_eq!(
            serde_json::to_value(&updated).unwrap(),
            serde_json::json!({
                "first_name": "Beatriz Maria", "email": "bea@example.com", "city": "Évora",
                "phone": "+351912345678", "tags": ["VIP", "Feira 2026"],
                "custom": { "plan": "silver", "since": "2020-01-01" },
                "extra": { "Origem": "feira" }
            })
        );
    }

    #[test]
    fn an_unreadable_stored_record_gives_way() {
        let incoming = record(
            serde_json::json!({ "first_name": "Ana", "tags": [], "custom": {}, "extra": {} }),
        );
        assert_eq!(updated_record("not json", &incoming), incoming);
    }
}

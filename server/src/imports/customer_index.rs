//! Keeping a customer's search columns (folded text, status, tags) in step with its record.

use clientela_shared::{Record, fold};
use sqlx::AnyConnection;

/// What a new customer's row stores as text, made from its record: the record as JSON and the
/// text search looks in. Made on the validation threads, so that the writer only binds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredText {
    pub fields: String,
    pub search_text: String,
}

impl StoredText {
    pub(crate) fn of(record: &Record) -> StoredText {
        StoredText {
            fields: serde_json::to_string(record).expect("records serialise"),
            search_text: search_text(record),
        }
    }
}

/// The text search looks in: name, company, email and phones, folded (lower case, no accents).
pub(crate) fn search_text(record: &Record) -> String {
    let keys = [
        "first_name",
        "middle_name",
        "last_name",
        "second_last_name",
        "full_name",
        "company",
        "email",
        "phone",
        "mobile",
    ];
    let parts: Vec<String> = keys
        .iter()
        .filter_map(|key| record.fields.get(key))
        .map(|value| fold(value))
        .collect();
    parts.join(" ")
}

/// Sets the search columns and tags of `customer_id` from `record`.
pub(crate) async fn index_customer(
    tx: &mut AnyConnection,
    customer_id: i64,
    record: &Record,
) -> Result<(), sqlx::Error> {
    sqlx::query("update customer set search_text = $1, status = $2 where id = $3")
        .bind(search_text(record))
        .bind(record.fields.get("status").cloned())
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("delete from customer_tag where customer_id = $1")
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    for tag in &record.tags {
        sqlx::query("insert into customer_tag (customer_id, tag) values ($1, $2)")
            .bind(customer_id)
            .bind(tag.clone())
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_folded_names_email_and_phone() {
        let mut record = Record::default();
        for (key, value) in [
            ("first_name", "José"),
            ("last_name", "Muñoz"),
            ("email", "Jose@Example.com"),
            ("phone", "+593991234567"),
            ("city", "Quito"),
        ] {
            record.fields.insert(key.into(), value.into());
        }
        assert_eq!(
            search_text(&record),
            "jose munoz jose example com 593991234567"
        );
    }
}

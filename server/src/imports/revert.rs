//! Undoing an import: the customers it created are removed and the ones it updated get their
//! previous values back — unless a later import has changed them since, in which case they are
//! kept and counted. The customers it put on a list come off it (the kept ones stay), and a
//! list it created is removed when nobody is left on it.

use clientela_shared::{Record, RevertSummary};
use sqlx::Row;

use super::chunk_writer::PreviousCustomer;
use super::customer_index::index_customer;
use super::store::StoredImport;
use crate::db::Db;

/// Reverts `import` in one transaction and marks it `reverted`.
pub(crate) async fn revert(
    db: &Db,
    import: &StoredImport,
    now_millis: i64,
) -> Result<RevertSummary, sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    let mut summary = RevertSummary::default();
    // Last update first: a customer the import updated twice gets the values it had before.
    let updated = sqlx::query(
        "select customer_id, previous from import_row \
         where import_id = $1 and outcome = 'updated' order by id desc",
    )
    .bind(import.id)
    .fetch_all(&mut *tx)
    .await?;
    for row in &updated {
        let customer_id: i64 = row.try_get("customer_id")?;
        let previous: String = row.try_get("previous")?;
        if restore(&mut tx, import.id, customer_id, &previous, now_millis).await? {
            summary.restored += 1;
        } else {
            summary.kept += 1;
        }
    }
    // `import_id = this import` means no later import has touched the customer. (One this
    // import created and then updated itself has just been restored to as it created it.)
    summary.removed =
        sqlx::query("delete from customer where created_import_id = $1 and import_id = $1")
            .bind(import.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    let changed_since: i64 = sqlx::query_scalar(
        "select count(*) from customer where created_import_id = $1 and import_id <> $1",
    )
    .bind(import.id)
    .fetch_one(&mut *tx)
    .await?;
    summary.kept += changed_since.unsigned_abs();
    take_off_lists(&mut tx, import.id).await?;
    sqlx::query("update customer_import set status = 'reverted', reverted_at = $2 where id = $1")
        .bind(import.id)
        .bind(now_millis)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    db.after_big_write();
    Ok(summary)
}

/// Gives a customer `import_id` updated the values it had before (`previous`, JSON), unless a
/// later import has changed it since. True when restored.
async fn restore(
    tx: &mut sqlx::AnyConnection,
    import_id: i64,
    customer_id: i64,
    previous: &str,
    now_millis: i64,
) -> Result<bool, sqlx::Error> {
    let previous: PreviousCustomer =
        serde_json::from_str(previous).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
    // Rows stored before imports existed hold plain cells, not a record: nothing to index.
    let record: Option<Record> = serde_json::from_str(&previous.fields).ok();
    let restored = sqlx::query(
        "update customer set fields = $1, email = $2, phone = $3, import_id = $4, \
         updated_at = $5 where id = $6 and import_id = $7",
    )
    .bind(previous.fields)
    .bind(previous.email)
    .bind(previous.phone)
    .bind(previous.import_id)
    .bind(now_millis)
    .bind(customer_id)
    .bind(import_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if let (true, Some(record)) = (restored, &record) {
        index_customer(tx, customer_id, record).await?;
    }
    Ok(restored)
}

/// Takes the customers `import_id` put on lists off them, and removes the lists it created that
/// are left empty. A customer kept because a later import changed it (its `import_id` is that
/// later, larger one) keeps its place: it is still the customer the list was made of.
async fn take_off_lists(tx: &mut sqlx::AnyConnection, import_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "delete from customer_list_member where import_id = $1 and not exists \
         (select 1 from customer c where c.id = customer_list_member.customer_id \
          and c.import_id > $1)",
    )
    .bind(import_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "delete from customer_list where import_id = $1 and not exists \
         (select 1 from customer_list_member m where m.list_id = customer_list.id)",
    )
    .bind(import_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

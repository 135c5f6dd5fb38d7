//! SQL for named lists of customers. Imports fill them (see `imports::apply_batch`); this reads
//! them.

use clientela_shared::CustomerListInfo;
use sqlx::Row;

use crate::db::Db;

/// The workspace's lists, by name, with how many customers each holds.
pub(crate) async fn lists(
    db: &Db,
    workspace_id: i64,
) -> Result<Vec<CustomerListInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "select l.id, l.name, l.import_id, l.created_at, \
         (select count(*) from customer_list_member m where m.list_id = l.id) as members \
         from customer_list l where l.workspace_id = $1 order by l.name",
    )
    .bind(workspace_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(CustomerListInfo {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                members: row.try_get::<i64, _>("members")?.unsigned_abs(),
                import_id: row.try_get("import_id")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

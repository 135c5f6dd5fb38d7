//! SQL for the workspace's custom fields. Every query names the workspace.

use clientela_shared::CustomField;

use crate::db::Db;

/// The workspace's custom fields, in the order admins gave them.
pub(crate) async fn custom_fields(
    db: &Db,
    workspace_id: i64,
) -> Result<Vec<CustomField>, sqlx::Error> {
    let definitions: Vec<String> = sqlx::query_scalar(
        "select definition from custom_field where workspace_id = $1 order by position",
    )
    .bind(workspace_id)
    .fetch_all(db.pool())
    .await?;
    definitions
        .iter()
        .map(|json| serde_json::from_str(json).map_err(|err| sqlx::Error::Decode(Box::new(err))))
        .collect()
}

/// Makes `fields` (already checked) the workspace's custom fields.
pub(crate) async fn replace_custom_fields(
    db: &Db,
    workspace_id: i64,
    fields: &[CustomField],
) -> Result<(), sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    sqlx::query("delete from custom_field where workspace_id = $1")
        .bind(workspace_id)
        .execute(&mut *tx)
        .await?;
    for (position, field) in fields.iter().enumerate() {
        sqlx::query(
            "insert into custom_field (workspace_id, position, key, definition) \
             values ($1, $2, $3, $4)",
        )
        .bind(workspace_id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(field.key.clone())
        .bind(serde_json::to_string(field).expect("custom fields serialise"))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

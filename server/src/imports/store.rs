//! SQL for imports. Every query names the workspace, so nobody reaches another's imports.

use clientela_shared::{ImportOptions, ImportSummary, NewImport, OutcomeCounts, Profile};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Db;

/// An import as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredImport {
    pub id: i64,
    pub workspace_id: i64,
    /// The user who opened it.
    pub user_id: i64,
    pub client_id: String,
    pub file_name: String,
    pub profile: Profile,
    /// The file's header names.
    pub columns: Vec<String>,
    pub options: ImportOptions,
    pub status: String,
    /// When it was opened, in milliseconds since 1970.
    pub created_at: i64,
}

const COLUMNS: &str = "id, workspace_id, user_id, client_id, file_name, profile, columns, options, status, created_at";

impl StoredImport {
    fn from_row(row: &AnyRow) -> Result<StoredImport, sqlx::Error> {
        let json = |column: &str| -> Result<String, sqlx::Error> { row.try_get(column) };
        Ok(StoredImport {
            id: row.try_get("id")?,
            workspace_id: row.try_get("workspace_id")?,
            user_id: row.try_get("user_id")?,
            client_id: row.try_get("client_id")?,
            file_name: row.try_get("file_name")?,
            profile: decode(&json("profile")?)?,
            columns: decode(&json("columns")?)?,
            options: decode(&json("options")?)?,
            status: row.try_get("status")?,
            created_at: row.try_get("created_at")?,
        })
    }
}

fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|err| sqlx::Error::Decode(Box::new(err)))
}

fn encode<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("API types always serialise")
}

/// Opens an import, or returns the one this workspace already opened with the same client id
/// (`true` when it was created now).
pub(crate) async fn open(
    db: &Db,
    workspace_id: i64,
    user_id: i64,
    request: &NewImport,
    now_millis: i64,
) -> Result<(StoredImport, bool), sqlx::Error> {
    if let Some(existing) = find_by_client_id(db, workspace_id, &request.client_id).await? {
        return Ok((existing, false));
    }
    let inserted = sqlx::query(
        "insert into customer_import \
         (workspace_id, user_id, client_id, file_name, profile, mapping, columns, options, status, \
          created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)",
    )
    .bind(workspace_id)
    .bind(user_id)
    .bind(request.client_id.clone())
    .bind(request.file_name.clone())
    .bind(encode(&request.profile))
    .bind(request.mapping.as_ref().map(encode))
    .bind(encode(&request.columns))
    .bind(encode(&request.options))
    .bind(now_millis)
    .execute(db.pool())
    .await;
    let created = match inserted {
        Ok(_) => true,
        // Another request with the same client id won the race: that one is the import.
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => false,
        Err(err) => return Err(err),
    };
    let stored = find_by_client_id(db, workspace_id, &request.client_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    Ok((stored, created))
}

async fn find_by_client_id(
    db: &Db,
    workspace_id: i64,
    client_id: &str,
) -> Result<Option<StoredImport>, sqlx::Error> {
    let sql =
        format!("select {COLUMNS} from customer_import where workspace_id = $1 and client_id = $2");
    sqlx::query(&sql)
        .bind(workspace_id)
        .bind(client_id.to_owned())
        .fetch_optional(db.pool())
        .await?
        .as_ref()
        .map(StoredImport::from_row)
        .transpose()
}

/// The import `id` of this workspace, if there is one.
pub(crate) async fn find(
    db: &Db,
    workspace_id: i64,
    id: i64,
) -> Result<Option<StoredImport>, sqlx::Error> {
    let sql = format!("select {COLUMNS} from customer_import where workspace_id = $1 and id = $2");
    sqlx::query(&sql)
        .bind(workspace_id)
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .as_ref()
        .map(StoredImport::from_row)
        .transpose()
}

/// The workspace's imports, newest first.
pub(crate) async fn list(db: &Db, workspace_id: i64) -> Result<Vec<ImportSummary>, sqlx::Error> {
    let sql = format!(
        "select {COLUMNS} from customer_import where workspace_id = $1 order by id desc limit 200"
    );
    let rows = sqlx::query(&sql)
        .bind(workspace_id)
        .fetch_all(db.pool())
        .await?;
    let mut summaries = Vec::with_capacity(rows.len());
    for row in &rows {
        summaries.push(summary(db, &StoredImport::from_row(row)?).await?);
    }
    Ok(summaries)
}

/// The import with its outcome counts.
pub(crate) async fn summary(db: &Db, import: &StoredImport) -> Result<ImportSummary, sqlx::Error> {
    let rows = sqlx::query(
        "select outcome, count(*) as n from import_row where import_id = $1 group by outcome",
    )
    .bind(import.id)
    .fetch_all(db.pool())
    .await?;
    // Created customers are counted on the import, not stored one outcome per row.
    let (created, committed_at, reverted_at): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "select created_rows, committed_at, reverted_at from customer_import where id = $1",
    )
    .bind(import.id)
    .fetch_one(db.pool())
    .await?;
    let mut counts = OutcomeCounts {
        created: created.unsigned_abs(),
        ..OutcomeCounts::default()
    };
    for row in &rows {
        let outcome: String = row.try_get("outcome")?;
        let n = row.try_get::<i64, _>("n")?.unsigned_abs();
        match outcome.as_str() {
            "updated" => counts.updated = n,
            "skipped" => counts.skipped = n,
            _ => counts.rejected = n,
        }
    }
    let opened_by: String = sqlx::query_scalar("select email from app_user where id = $1")
        .bind(import.user_id)
        .fetch_one(db.pool())
        .await?;
    Ok(ImportSummary {
        id: import.id,
        client_id: import.client_id.clone(),
        file_name: import.file_name.clone(),
        status: import.status.clone(),
        options: import.options.clone(),
        counts,
        opened_at: import.created_at,
        opened_by,
        committed_at,
        reverted_at,
    })
}

/// Closes the import: no more batches. Committing twice is the same as once (the first time
/// is kept).
pub(crate) async fn commit(
    db: &Db,
    import: &StoredImport,
    now_millis: i64,
) -> Result<ImportSummary, sqlx::Error> {
    sqlx::query(
        "update customer_import set status = 'committed', \
         committed_at = coalesce(committed_at, $2) where id = $1",
    )
    .bind(import.id)
    .bind(now_millis)
    .execute(db.pool())
    .await?;
    let committed = StoredImport {
        status: "committed".to_owned(),
        ..import.clone()
    };
    summary(db, &committed).await
}

/// Deletes `import` if it stored nothing yet (no batch came): an import opened for a preview,
/// or whose options changed before sending. Gives whether it was deleted.
pub(crate) async fn discard(db: &Db, import: &StoredImport) -> Result<bool, sqlx::Error> {
    let _turn = db.write_turn().await;
    let deleted = sqlx::query(
        "delete from customer_import where id = $1 and status = 'open' \
         and not exists (select 1 from import_batch where import_id = $1)",
    )
    .bind(import.id)
    .execute(db.pool())
    .await?;
    Ok(deleted.rows_affected() == 1)
}

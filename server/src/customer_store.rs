//! SQL for the `customer` table. Lowercase SQL with `$1` placeholders runs on SQLite and PostgreSQL.

use std::collections::BTreeMap;

use clientela_shared::{Customer, fold};
use sqlx::Row;

use crate::db::Db;

/// A row ready to be stored: its line in the file and its cells keyed by header.
pub type NewCustomer = (u64, BTreeMap<String, String>);

/// Rows per `insert` statement: 5 parameters each, well under both databases' parameter limits.
const ROWS_PER_STATEMENT: usize = 500;

/// Stores `customers` in one transaction: either all of them are stored or none is.
pub async fn insert_all(
    db: &Db,
    workspace_id: i64,
    file_name: &str,
    customers: &[NewCustomer],
    now_millis: i64,
) -> Result<u64, sqlx::Error> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool().begin().await?;
    for chunk in customers.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_statement(chunk.len());
        let mut query = sqlx::query(&sql);
        for (line, fields) in chunk {
            let fields = serde_json::to_string(fields).expect("a string map always serialises");
            query = query
                .bind(workspace_id)
                .bind(file_name.to_owned())
                .bind(to_i64(*line))
                .bind(fields)
                .bind(now_millis);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(customers.len() as u64)
}

/// What `GET /api/customers` asks for: a search, filters and a page.
#[derive(Debug, Clone, Default)]
pub struct CustomerQuery {
    /// Part of a name, company, email or phone, in any case, with or without accents.
    pub q: Option<String>,
    /// Only customers with this tag.
    pub tag: Option<String>,
    /// Only customers with this status (`active`, `potential`).
    pub status: Option<String>,
    /// Only customers assigned to the agent with this email.
    pub agent: Option<String>,
    /// Only customers on the list of this name.
    pub list: Option<String>,
    /// Only customers the import with this id created or updated.
    pub import: Option<i64>,
    /// How many to return.
    pub limit: u32,
    /// How many to skip.
    pub offset: u64,
}

/// One page of a workspace's customers matching `query`, oldest first, and how many match.
pub async fn list(
    db: &Db,
    workspace_id: i64,
    query: &CustomerQuery,
) -> Result<(Vec<Customer>, u64), sqlx::Error> {
    let filter = Filter::new(query);
    let customers = filter
        .page(db, workspace_id, Page::Offset(query.offset), query.limit)
        .await?;
    let count_sql = format!("select count(*) from customer where {}", filter.sql);
    let mut count = sqlx::query_scalar(&count_sql).bind(workspace_id);
    for param in &filter.params {
        count = count.bind(param.clone());
    }
    let total: i64 = count.fetch_one(db.pool()).await?;
    Ok((customers, total.unsigned_abs()))
}

/// Up to `limit` customers matching `query` whose id is above `after_id`, by id: the export
/// walks every matching customer this way without ever holding them all.
pub async fn page_after(
    db: &Db,
    workspace_id: i64,
    query: &CustomerQuery,
    after_id: i64,
    limit: u32,
) -> Result<Vec<Customer>, sqlx::Error> {
    Filter::new(query)
        .page(db, workspace_id, Page::After(after_id), limit)
        .await
}

/// Where a page starts.
enum Page {
    /// After skipping this many matches.
    Offset(u64),
    /// After the customer with this id.
    After(i64),
}

/// A query's conditions as SQL (`$1` is the workspace) and the text bound to `$2` and on.
struct Filter {
    sql: String,
    params: Vec<String>,
}

impl Filter {
    fn new(query: &CustomerQuery) -> Filter {
        let mut conditions = vec!["workspace_id = $1".to_owned()];
        let mut params: Vec<String> = Vec::new();
        let mut add = |condition: &str, param: String| {
            params.push(param);
            conditions.push(condition.replace("$?", &format!("${}", params.len() + 1)));
        };
        if let Some(pattern) = query.q.as_deref().and_then(search_pattern) {
            add("search_text like $? escape '\\'", pattern);
        }
        if let Some(tag) = non_blank(&query.tag) {
            // `vip` finds customers tagged `VIP`: tags are one tag whatever their case.
            add(
                "id in (select customer_id from customer_tag where lower(tag) = lower($?))",
                tag.to_owned(),
            );
        }
        if let Some(status) = non_blank(&query.status) {
            add("status = $?", status.to_owned());
        }
        if let Some(agent) = non_blank(&query.agent) {
            add(
                "assigned_user_id in (select id from app_user where workspace_id = $1 and email = $?)",
                agent.to_lowercase(),
            );
        }
        if let Some(list) = non_blank(&query.list) {
            add(
                "id in (select m.customer_id from customer_list_member m \
                 join customer_list l on l.id = m.list_id where l.workspace_id = $1 and l.name = $?)",
                list.to_owned(),
            );
        }
        if let Some(import) = query.import {
            // Both databases read the id from its text; the import's rows are indexed by it.
            add(
                "id in (select id from customer where created_import_id = cast($? as bigint) \
                 union select customer_id from import_row where import_id = cast($? as bigint) \
                 and outcome = 'updated')",
                import.to_string(),
            );
        }
        Filter {
            sql: conditions.join(" and "),
            params,
        }
    }

    async fn page(
        &self,
        db: &Db,
        workspace_id: i64,
        start: Page,
        limit: u32,
    ) -> Result<Vec<Customer>, sqlx::Error> {
        let (after, offset) = match start {
            Page::Offset(offset) => (i64::MIN, to_i64(offset)),
            Page::After(id) => (id, 0),
        };
        let next = self.params.len() + 2;
        let sql = format!(
            "select id, file_name, line, fields, \
             (select email from app_user u where u.id = customer.assigned_user_id) as agent, \
             (select name from agent_group g where g.id = customer.assigned_group_id) as group_name \
             from customer where {} and id > ${next} order by id limit ${} offset ${}",
            self.sql,
            next + 1,
            next + 2
        );
        let mut page = sqlx::query(&sql).bind(workspace_id);
        for param in &self.params {
            page = page.bind(param.clone());
        }
        let rows = page
            .bind(after)
            .bind(i64::from(limit))
            .bind(offset)
            .fetch_all(db.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let fields: String = row.try_get("fields")?;
                Ok(Customer {
                    id: row.try_get("id")?,
                    file_name: row.try_get("file_name")?,
                    line: row.try_get::<i64, _>("line")?.unsigned_abs(),
                    fields: flat_fields(&fields)?,
                    agent: row.try_get("agent")?,
                    group: row.try_get("group_name")?,
                })
            })
            .collect()
    }
}

/// The trimmed text of a query parameter, unless it is missing or blank.
fn non_blank(parameter: &Option<String>) -> Option<&str> {
    parameter
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// The `like` pattern for a search: folded like the stored text, wildcards escaped. A phone
/// typed the national way (`099 123 4567`) loses its leading zeros, so it is found inside the
/// stored E.164 number (`593991234567`).
fn search_pattern(q: &str) -> Option<String> {
    let folded = fold(q);
    let digits: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let folded = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits.trim_start_matches('0').to_owned()
    } else {
        folded
    };
    if folded.is_empty() {
        return None;
    }
    let escaped = folded
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Some(format!("%{escaped}%"))
}

/// The stored fields as one level of text: the cells of a walking-skeleton row as they are, and
/// an imported record's tags joined (`tags`) and custom and extra values under `custom.` and
/// `extra.` prefixes.
fn flat_fields(json: &str) -> Result<BTreeMap<String, String>, sqlx::Error> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
    let mut flat = BTreeMap::new();
    if let serde_json::Value::Object(object) = value {
        for (key, value) in object {
            flatten_into(&mut flat, key, value);
        }
    }
    Ok(flat)
}

fn flatten_into(flat: &mut BTreeMap<String, String>, key: String, value: serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            flat.insert(key, text);
        }
        Value::Array(items) => {
            let texts: Vec<String> = items
                .into_iter()
                .map(|item| match item {
                    Value::String(text) => text,
                    other => other.to_string(),
                })
                .collect();
            if !texts.is_empty() {
                flat.insert(key, texts.join(", "));
            }
        }
        Value::Object(object) => {
            for (inner, value) in object {
                flatten_into(flat, format!("{key}.{inner}"), value);
            }
        }
        Value::Null => {}
        other => {
            flat.insert(key, other.to_string());
        }
    }
}

/// Checks that the database answers.
pub async fn ping(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("select 1").execute(db.pool()).await.map(|_| ())
}

fn insert_statement(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| {
            let p = i * 5;
            format!(
                "(${}, ${}, ${}, ${}, ${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            )
        })
        .collect();
    format!(
        "insert into customer (workspace_id, file_name, line, fields, created_at) values {}",
        values.join(", ")
    )
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_are_folded_and_phones_lose_their_trunk_zero() {
        assert_eq!(search_pattern("  Muñoz "), Some("%munoz%".to_owned()));
        assert_eq!(
            search_pattern("099 123-4567"),
            Some("%991234567%".to_owned())
        );
        assert_eq!(
            search_pattern("ana@example"),
            Some("%ana example%".to_owned())
        );
        assert_eq!(search_pattern(" - "), None);
    }

    #[test]
    fn insert_statement_numbers_every_placeholder() {
        assert_eq!(
            insert_statement(2),
            "insert into customer (workspace_id, file_name, line, fields, created_at) \
             values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10)"
        );
    }
}

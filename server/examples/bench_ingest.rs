//! Measures how fast the server ingests an import: `BENCH_ROWS` generated customers (default
//! 200,000) sent in 5,000-row batches through the real router (JSON, authentication, validation
//! again on the server, one transaction per batch), on SQLite by default, on the database in
//! `DATABASE_URL`, or with `BENCH_DATABASE=postgres` on a PostgreSQL it starts in a temporary
//! folder (as the server tests do).
//!
//! `cargo run --release -p clientela-server --example bench_ingest`

use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, header};
use clientela_server::accounts::ensure_first_workspace;
use clientela_server::auth::AuthConfig;
use clientela_server::{AppState, Db, app, now_millis};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The same allocator as the `clientela` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../tests/support/postgres.rs"]
mod postgres;

const TOKEN: &str = "bench-token";
const BATCH: usize = 5_000;

#[tokio::main]
async fn main() {
    let rows: usize = std::env::var("BENCH_ROWS")
        .ok()
        .and_then(|rows| rows.parse().ok())
        .unwrap_or(200_000);
    let dir = tempfile::tempdir().unwrap();
    let url = match std::env::var("DATABASE_URL") {
        Ok(url) => url,
        Err(_) if std::env::var("BENCH_DATABASE").as_deref() == Ok("postgres") => {
            postgres::shared().new_database_url()
        }
        Err(_) => format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("bench.db").display()
        ),
    };
    let db = Db::connect(&url).await.expect("the database opens");
    ensure_first_workspace(
        &db,
        "bench@example.com",
        Some("bench password"),
        now_millis(),
    )
    .await
    .unwrap();
    let router = app(
        AppState::with_auth(db, AuthConfig::new(Some(TOKEN), false)),
        dir.path(),
    );
    // Gives the answer's JSON and the time the server took: from sending the request to
    // having the whole answer, before the bench reads it.
    let send = |method: &str, uri: String, body: String| {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        let router = router.clone();
        async move {
            let started = Instant::now();
            let response = router.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            let took = started.elapsed().as_secs_f64();
            assert!(
                status.is_success(),
                "{status}: {}",
                String::from_utf8_lossy(&bytes)
            );
            (serde_json::from_slice::<Value>(&bytes).unwrap(), took)
        }
    };
    let profile = json!({ "default_country": "EC", "required": ["first_name"],
                          "at_least_one_of": [["email", "phone"]] });
    let database = url.split(':').next().unwrap_or("?").to_owned();
    // The file twice: new customers, then every row a stored customer (skipped), as when a
    // user imports the same file again.
    for (client_id, what) in [
        ("bench", "new customers"),
        ("bench-again", "the same again"),
    ] {
        let (opened, _) = send(
            "POST",
            "/api/imports".into(),
            json!({ "client_id": client_id, "file_name": "bench.csv", "profile": profile })
                .to_string(),
        )
        .await;
        let id = opened["id"].as_i64().unwrap();
        // Only the server's part is timed: making each batch's JSON here, and reading the
        // answers, are not.
        let mut elapsed = 0.0;
        let mut counts = [0; 2];
        for (seq, start) in (0..rows).step_by(BATCH).enumerate() {
            let body = batch_body(start, (start + BATCH).min(rows));
            let (answer, took) =
                send("PUT", format!("/api/imports/{id}/batches/{seq}"), body).await;
            elapsed += took;
            for row in answer["rows"].as_array().unwrap() {
                match row["outcome"].as_str() {
                    Some("created") => counts[0] += 1,
                    Some("skipped") => counts[1] += 1,
                    _ => {}
                }
            }
        }
        println!(
            "{what}: {rows} rows in {elapsed:.1} s: {:.0} rows/s ({} created, {} skipped) \
             on {database}",
            rows as f64 / elapsed,
            counts[0],
            counts[1],
        );
    }
    if let Some(peak) = peak_rss_mb() {
        println!("peak memory of the process: {peak:.0} MB");
    }
}

/// The JSON of a batch of the generated customers `start..end`, as the browser and `clientela
/// import` send it: each row's record, and its cells as in the file (for the error file).
fn batch_body(start: usize, end: usize) -> String {
    let rows: Vec<Value> = (start..end)
        .map(|i| {
            let email = format!("cliente{i}@example.com");
            let phone = format!("099{:07}", i % 10_000_000);
            json!({ "line": i + 2,
                    "record": { "first_name": format!("Cliente {i}"), "last_name": "Muñoz",
                                "email": email, "phone": format!("+59399{:07}", i % 10_000_000),
                                "tags": [], "custom": {}, "extra": {} },
                    "source": [format!("Cliente {i}"), "Muñoz", email, phone] })
        })
        .collect();
    json!({ "rows": rows }).to_string()
}

/// The process's peak resident memory, from Linux's /proc.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

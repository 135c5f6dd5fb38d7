//! `clientela serve` stops cleanly on SIGTERM: it stops accepting connections, finishes the
//! requests under way (a batch being sent) and exits with status 0, its data intact.

use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};
use tokio::time::timeout;

use crate::on_both_databases;
use crate::support::http::{ADMIN_TOKEN, Backend, fresh_database, generated_batch};

/// Rows of the batch that is under way when the signal arrives.
const ROWS: usize = 2_000;

/// The longest any step may take before the test fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(60);

async fn sigterm_lets_the_batch_under_way_finish(backend: Backend) {
    let (db, url, _sqlite_dir) = fresh_database(backend).await;
    let (mut server, address) = start_server(&url).await;
    let import = open_import(&address).await;

    // The batch's headers go first; the server answers `100 Continue` once the handler reads the
    // body, so from then on the request is under way.
    let body = generated_batch(ROWS);
    let mut connection = TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "PUT /api/imports/{import}/batches/1 HTTP/1.1\r\nHost: {address}\r\n\
         Authorization: Bearer {ADMIN_TOKEN}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        body.len()
    );
    connection.write_all(head.as_bytes()).await.unwrap();
    let mut reader = BufReader::new(connection);
    let mut status_line = String::new();
    timeout(PATIENCE, reader.read_line(&mut status_line))
        .await
        .expect("the server reads the batch")
        .unwrap();
    assert_eq!(status_line, "HTTP/1.1 100 Continue\r\n");
    let mut blank = String::new();
    reader.read_line(&mut blank).await.unwrap();

    let pid = server.id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    timeout(PATIENCE, stopped_listening(&address))
        .await
        .expect("the server stops accepting connections");

    // The rest of the batch arrives after the server began to shut down; it is still stored.
    let mut connection = reader.into_inner();
    connection.write_all(body.as_bytes()).await.unwrap();
    let mut answer = String::new();
    timeout(PATIENCE, connection.read_to_string(&mut answer))
        .await
        .expect("the batch is answered")
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    let (_, json) = answer.split_once("\r\n\r\n").unwrap();
    let json: Value = serde_json::from_str(json).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), ROWS);

    let status = timeout(PATIENCE, server.wait())
        .await
        .expect("the server exits")
        .unwrap();
    assert!(status.success(), "{status}");

    let stored: i64 = sqlx::query_scalar("select count(*) from customer")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(stored, ROWS as i64, "every row of the batch is stored");
}
on_both_databases!(sigterm_lets_the_batch_under_way_finish);

/// Starts `clientela serve` on `database_url` and a free port; returns it and its address.
async fn start_server(database_url: &str) -> (Child, String) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_clientela"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--ui-dir",
            "/nonexistent-ui",
        ])
        .env("DATABASE_URL", database_url)
        .env("CLIENTELA_ADMIN_TOKEN", ADMIN_TOKEN)
        .env("CLIENTELA_ADMIN_PASSWORD", "admin password")
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap()).lines();
    let find_address = async {
        while let Some(line) = stdout.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("Clientela is running at http://") {
                return url.trim_end_matches('/').to_owned();
            }
        }
        panic!("the server stopped before listening");
    };
    let address = timeout(PATIENCE, find_address)
        .await
        .expect("the server starts");
    (server, address)
}

/// Opens an import through the API; returns its id.
async fn open_import(address: &str) -> i64 {
    let body = json!({
        "client_id": "shutdown",
        "file_name": "clientes.csv",
        "profile": { "default_country": "EC", "required": ["first_name"] },
    });
    let opened: Value = reqwest::Client::new()
        .post(format!("http://{address}/api/imports"))
        .bearer_auth(ADMIN_TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    opened["id"].as_i64().unwrap()
}

/// Returns once `address` refuses connections.
async fn stopped_listening(address: &str) {
    while TcpStream::connect(address).await.is_ok() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

//! A CSV file goes from the user's disk, through the browser, into the database.

use crate::support::browser::Browser;
use crate::support::server::{Backend, TestServer};

/// What Excel in a Spanish or Portuguese locale saves: Windows-1252, semicolons, CRLF.
fn excel_csv() -> Vec<u8> {
    let text = "Nombre;Apellido;Correo\r\n\
                José;Muñoz;jose@example.com\r\n\
                João;Conceição;\"joao@example.com\"\r\n\
                \r\n\
                Lucja;Kowalska;lucja@example.com\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

async fn csv_upload_ends_up_in_the_database(backend: Backend) {
    let server = TestServer::start(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    std::fs::write(&file, excel_csv()).unwrap();

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.pick_file("#file-input", &file).await;
    let summary = browser.wait_for_text("#row-count", "3 rows").await;
    assert!(summary.contains("semicolon"), "{summary}");
    browser.wait_for_text("#preview", "Muñoz").await;
    browser.wait_for_text("#preview", "Conceição").await;
    browser
        .screenshot(&format!("upload-preview-{backend:?}"))
        .await;

    browser.click("#import-button").await;
    browser
        .wait_for_text("#import-result", "3 customers stored")
        .await;
    browser
        .screenshot(&format!("upload-stored-{backend:?}"))
        .await;
    browser.close().await;

    let list = server.get_json("/api/customers").await;
    assert_eq!(list["total"], 3);
    let customers = list["customers"].as_array().unwrap();
    let names: Vec<&str> = customers
        .iter()
        .map(|c| c["fields"]["Apellido"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Muñoz", "Conceição", "Kowalska"]);
    let lines: Vec<u64> = customers
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3, 5]);
    assert_eq!(customers[1]["fields"]["Correo"], "joao@example.com");
    assert_eq!(customers[0]["file_name"], "clientes.csv");
}

#[tokio::test]
async fn csv_upload_ends_up_in_sqlite() {
    csv_upload_ends_up_in_the_database(Backend::Sqlite).await;
}

#[tokio::test]
async fn csv_upload_ends_up_in_postgres() {
    csv_upload_ends_up_in_the_database(Backend::Postgres).await;
}

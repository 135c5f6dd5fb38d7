//! The import wizard, step by step, as a user goes through it: a Windows-1252 semicolon CSV is
//! dropped, mapped, reviewed and fixed in the grid, previewed and imported; the customers end up
//! in the database, on SQLite and on PostgreSQL.

use fantoccini::Locator;

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

/// The keys WebDriver sends for Enter, Escape, F2 and the arrows.
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const F2: &str = "\u{E032}";
const LEFT: &str = "\u{E012}";
const TAB: &str = "\u{E004}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";

/// The grid cell of the file's line `line` and column `column`.
fn cell(line: u32, column: u32) -> String {
    format!(".grid-row[data-line='{line}'] .cell[data-column='{column}']")
}

/// What Excel in a Spanish or Portuguese locale saves: Windows-1252, semicolons, CRLF. Line 3
/// has a typo in the email's domain (a warning with a suggestion), line 4 an email without
/// domain (an error), line 5 is blank.
fn excel_csv() -> Vec<u8> {
    let text = "Nombre;Apellido;Correo\r\n\
                José;Muñoz;jose@example.com\r\n\
                João;Conceição;\"joao@gmial.com\"\r\n\
                Luis;Pérez;luis@\r\n\
                \r\n\
                Lucja;Kowalska;lucja@example.com\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

async fn the_wizard_takes_a_file_to_the_database(backend: Backend) {
    let server = TestServer::start(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    std::fs::write(&file, excel_csv()).unwrap();
    let shot = |step: &str| format!("wizard-{step}-{backend:?}");
    // A customer stored before, by another file: not among this import's customers.
    let earlier = serde_json::json!({ "file_name": "antes.csv", "columns": ["Nombre", "Correo"],
        "rows": [{ "line": 2, "values": ["Ana", "ana@antes.example"] }] });
    server.post_json("/api/customers", &earlier).await;

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;

    // 1. File: what was detected, and the preview.
    browser.pick_file("#file-input", &file).await;
    let summary = browser.wait_for_text("#file-summary", "4 rows").await;
    assert!(summary.contains("windows-1252"), "{summary}");
    assert!(summary.contains("separator semicolon"), "{summary}");
    browser.wait_for_text("#preview", "Conceição").await;
    // A header line that is not a number from 1 on is said so, and the message goes once the
    // line is right.
    browser.change("#header-line", "0").await;
    browser.wait_for_text("#wizard-error", "from 1 on").await;
    browser.change("#header-line", "1").await;
    browser.wait_for_text("#file-summary", "4 rows").await;
    let error = browser
        .client
        .find(Locator::Css("#wizard-error"))
        .await
        .unwrap();
    assert_eq!(error.text().await.unwrap(), "", "the message went");
    browser.screenshot(&shot("1-file")).await;

    // 2. Columns: the suggestions are right; nothing is missing or mapped twice.
    browser.click("#to-columns").await;
    browser.wait_for_text("label[for=map-2]", "Correo").await;
    browser.screenshot(&shot("2-columns")).await;

    // 3. Review: counts, the error in the grid, fixed inline with the keyboard.
    browser.click("#to-review").await;
    browser
        .wait_for_text(
            "#review-counts",
            "4 rows: 3 ready to import, 1 with errors, 1 with warnings, 0 left out.",
        )
        .await;
    browser.click("#filter-errors").await;
    let luis_email = ".grid-row[data-line='4'] .cell[data-column='2']";
    browser.wait_for_text(luis_email, "luis@").await;
    let problem = browser.description_of(luis_email).await;
    assert!(!problem.is_empty(), "the cell's problem is its description");
    browser.screenshot(&shot("3-review-errors")).await;
    // "Next problem" takes the keyboard to the cell with the problem, ready to edit.
    browser.click("#next-problem").await;
    browser.wait_for_focus(luis_email).await;
    browser.press(luis_email, ENTER).await;
    browser.press(".cell-editor", "example.com").await;
    browser.press(".cell-editor", ENTER).await;
    browser
        .wait_for_text("#review-counts", "4 ready to import, 0 with errors")
        .await;

    // The suggested domain fix, applied to every row.
    browser.click("#filter-all").await;
    browser
        .wait_for_text("#apply-suggestions", "Apply 1 suggested fix")
        .await;
    browser.click("#apply-suggestions").await;
    browser
        .wait_for_text("#review-counts", "0 with warnings")
        .await;
    browser
        .wait_for_text(
            ".grid-row[data-line='3'] .cell[data-column='2']",
            "joao@gmail.com",
        )
        .await;

    // The keyboard moves between cells as in a spreadsheet; F2 edits, Escape cancels.
    browser.click(&cell(2, 0)).await;
    browser.press(&cell(2, 0), &format!("{RIGHT}{DOWN}")).await;
    browser.wait_for_focus(&cell(3, 1)).await;
    browser.press(&cell(3, 1), F2).await;
    browser.press(".cell-editor", ESCAPE).await;
    browser.wait_for_focus(&cell(3, 1)).await;
    // Tab in the editor saves and moves right, as in a spreadsheet.
    browser.press(&cell(3, 1), F2).await;
    browser.press(".cell-editor", TAB).await;
    browser.wait_for_focus(&cell(3, 2)).await;
    browser
        .press(&cell(3, 2), &format!("{LEFT}{LEFT}{LEFT}"))
        .await;
    browser
        .wait_for_focus(".grid-row[data-line='3'] .include-row[tabindex='0']")
        .await;

    // Lucja is left out of this import.
    browser.click(".grid-row[data-line='6'] .include-row").await;
    browser
        .wait_for_text(
            "#review-counts",
            "3 ready to import, 0 with errors, 0 with warnings, 1 left out.",
        )
        .await;
    browser.screenshot(&shot("3-review-fixed")).await;

    // 4. Options: the server's preview. A preview opens the import on the server; changing
    // an option afterwards opens another, and the first, which stored nothing, is deleted.
    browser.click("#to-options").await;
    browser.click("#preview-button").await;
    browser
        .wait_for_text("#preview-result", "create 3, update 0 and skip 0")
        .await;
    browser.select("#assign-to", "me").await;
    browser.click("#preview-button").await;
    browser
        .wait_for_text("#preview-result", "create 3, update 0 and skip 0")
        .await;
    browser.screenshot(&shot("4-options")).await;

    // 5 and 6. Import, then the result.
    browser.click("#to-import").await;
    browser
        .wait_for_text("#import-result", "3 created, 0 updated, 0 skipped")
        .await;
    browser
        .wait_for_text("#import-result", "1 row not sent")
        .await;
    browser.screenshot(&shot("6-result")).await;

    let imports = server.get_json("/api/imports").await;
    assert_eq!(imports.as_array().unwrap().len(), 1, "{imports}");
    let import = &imports.as_array().unwrap()[0];
    assert_eq!(import["status"], "committed");
    assert_eq!(import["file_name"], "clientes.csv");
    assert_eq!(import["counts"]["created"], 3);
    let customers = server.get_json("/api/customers").await.to_string();
    for expected in ["luis@example.com", "joao@gmail.com", "Muñoz", "Conceição"] {
        assert!(customers.contains(expected), "{expected} in {customers}");
    }
    assert!(
        !customers.contains("Kowalska"),
        "Lucja was left out: {customers}"
    );

    // Fix and finish: the user takes Lucja back in the file of rows not sent and drops it.
    let corrected = dir.path().join("clientes-not-imported.csv");
    std::fs::write(
        &corrected,
        "Nombre,Apellido,Correo,Line,Problem\r\nLucja,Kowalska,lucja@example.com,6,Left out\r\n",
    )
    .unwrap();
    browser.pick_file("#corrections-input", &corrected).await;
    browser
        .wait_for_text(
            "#corrections-result",
            "1 row corrected and sent; 0 rows still wrong",
        )
        .await;
    browser
        .wait_for_text("#import-result", "4 created, 0 updated, 0 skipped")
        .await;
    browser
        .wait_for_text("#import-result", "0 rows not sent")
        .await;
    browser.screenshot(&shot("6-result-fixed")).await;
    let imports = server.get_json("/api/imports").await;
    assert_eq!(
        imports[0]["counts"]["created"], 4,
        "the same import: {imports}"
    );
    assert_eq!(imports.as_array().unwrap().len(), 1);

    // The customers page opens on this import's customers, then shows everyone; the history
    // undoes the import.
    browser.click("#see-customers").await;
    browser
        .wait_for_text("#filter-import", "clientes.csv")
        .await;
    browser
        .wait_for_text("#customer-count", "4 customers")
        .await;
    browser.screenshot(&shot("6-customers-of-import")).await;
    browser.click("#filter-import-clear").await;
    browser
        .wait_for_text("#customer-count", "5 customers")
        .await;
    browser.type_text("#customer-search", "luis").await;
    browser.wait_for_text("#customer-count", "1 customer").await;
    browser
        .wait_for_text("#customers", "luis@example.com")
        .await;
    // The page and its search are in the address: a reload shows the same customers, and Back
    // from another page returns to them.
    browser.client.refresh().await.unwrap();
    browser.wait_for_text("#customer-count", "1 customer").await;
    let search = browser
        .client
        .find(Locator::Css("#customer-search"))
        .await
        .unwrap();
    assert_eq!(search.prop("value").await.unwrap().as_deref(), Some("luis"));
    browser.click("#page-history").await;
    browser.wait_for_text("#imports", "clientes.csv").await;
    browser.client.back().await.unwrap();
    browser.wait_for_text("#customer-count", "1 customer").await;
    browser.click("#page-history").await;
    // Each import shows its number and when it was opened, so two of one file can be told apart.
    let newest = server.get_json("/api/imports").await[0].clone();
    let year = browser
        .client
        .execute(
            "return String(new Date(arguments[0]).getFullYear())",
            vec![newest["opened_at"].clone()],
        )
        .await
        .unwrap();
    let row = browser
        .wait_for_text("#imports tbody tr", "clientes.csv")
        .await;
    assert!(row.contains(&format!("#{}", newest["id"])), "{row}");
    assert!(row.contains(year.as_str().unwrap()), "{row}");
    browser.click("#imports .revert").await;
    browser.client.accept_alert().await.unwrap();
    browser
        .wait_for_text("#history-message", "4 customers removed")
        .await;
    browser.screenshot(&shot("7-history-undone")).await;
    browser.close().await;
    let left = server.get_json("/api/customers").await;
    assert_eq!(left["total"], 1, "only the earlier customer: {left}");
}

#[tokio::test]
async fn the_wizard_imports_into_sqlite() {
    the_wizard_takes_a_file_to_the_database(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_wizard_imports_into_postgres() {
    the_wizard_takes_a_file_to_the_database(Backend::Postgres).await;
}

/// Sending pauses and resumes where it stopped: every customer is stored exactly once.
#[tokio::test]
async fn an_import_paused_and_resumed_stores_every_customer_once() {
    let server = TestServer::start(Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let file = customers_file(dir.path(), "many.csv", 20_000);

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    browser.pick_file("#file-input", &file).await;
    browser
        .review_as_suggested("20000 rows", "20000 ready to import")
        .await;
    browser.click("#to-options").await;
    browser.click("#to-import").await;
    browser.click("#pause-button").await;
    let paused = browser.wait_for_text("#import-status", "Paused.").await;
    assert!(!paused.contains("confirmed 20000"), "{paused}");
    browser.screenshot("wizard-import-paused").await;
    browser.click("#resume-button").await;
    browser
        .wait_for_text_long("#import-result", "20000 created, 0 updated, 0 skipped")
        .await;

    // Pages of results are steps of the browser's history: Back returns to the one before.
    browser.click("#page-customers").await;
    browser.wait_for_text("#customers-page", "Page 1 of").await;
    browser.click("#customers-next").await;
    browser.wait_for_text("#customers-page", "Page 2 of").await;
    browser.click("#customers-next").await;
    browser.wait_for_text("#customers-page", "Page 3 of").await;
    browser.client.back().await.unwrap();
    browser.wait_for_text("#customers-page", "Page 2 of").await;
    browser.close().await;
    assert_eq!(server.get_json("/api/customers").await["total"], 20_000);
}

/// Closing the page in the middle of an import leaves it open with some customers stored: the
/// history offers to undo it, and undoing removes them.
#[tokio::test]
async fn an_import_left_half_sent_can_be_undone_from_the_history() {
    const ROWS: u64 = 50_000;
    let server = TestServer::start(Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let file = customers_file(dir.path(), "half.csv", ROWS);

    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    browser.pick_file("#file-input", &file).await;
    browser
        .review_as_suggested(&format!("{ROWS} rows"), &format!("{ROWS} ready to import"))
        .await;
    browser.click("#to-options").await;
    browser.click("#to-import").await;
    // Once the first batch is stored, the page is left (reloaded: the file and the wizard are
    // gone) while the others are still to be sent.
    let started = std::time::Instant::now();
    // (No import listed yet reads as none stored.)
    let stored_now = || async {
        let imports = server.get_json("/api/imports").await;
        imports[0]["counts"]["created"].as_u64().unwrap_or(0)
    };
    while stored_now().await == 0 {
        assert!(started.elapsed().as_secs() < 60, "no batch was stored");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    browser.open(&server.url).await;
    browser.click("#page-history").await;
    browser.wait_for_text("#imports tbody tr", "half.csv").await;
    let import = server.get_json("/api/imports").await[0].clone();
    let stored = import["counts"]["created"].as_u64().unwrap();
    assert_eq!(import["status"], "open", "{import}");
    assert!(stored > 0 && stored < ROWS, "{import}");
    browser.click("#imports .revert").await;
    browser.client.accept_alert().await.unwrap();
    browser
        .wait_for_text("#history-message", &format!("{stored} customers removed"))
        .await;
    browser.close().await;
    assert_eq!(server.get_json("/api/customers").await["total"], 0);
    assert_eq!(
        server.get_json("/api/imports").await[0]["status"],
        "reverted"
    );
}

/// A file `name` in `dir` of `rows` customers, each with a name and an email of their own.
fn customers_file(dir: &std::path::Path, name: &str, rows: u64) -> std::path::PathBuf {
    let mut csv = String::from("Nombre;Correo\r\n");
    for i in 0..rows {
        csv.push_str(&format!("Cliente {i};cliente{i}@example.com\r\n"));
    }
    let file = dir.join(name);
    std::fs::write(&file, csv).unwrap();
    file
}

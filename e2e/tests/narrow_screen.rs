//! On a phone-sized screen every page and every step of the wizard fits the width: nothing
//! makes the page scroll sideways (wide tables scroll inside their own box, the review grid's
//! rows with its header). The screenshots
//! (`narrow-*.png`) show each step for review.

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

/// A common phone's screen, in CSS pixels.
const PHONE: (u32, u32) = (390, 844);

/// The page's width and the width of what it holds, and the first elements that stick out on
/// either side (those inside a box that scrolls on its own do not count).
const MEASURE_WIDTH: &str = "
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(e => { const box = e.getBoundingClientRect();
                       return box.width > 0 && (box.right > width + 1 || box.left < -1); })
        .filter(e => !e.parentElement.closest('.preview, .grid'))
        .slice(0, 5)
        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
    return [document.documentElement.scrollWidth, width, wide.join(', ')];
";

/// Scrolls the review grid sideways to its end and back, and lists what is wrong: a cell of the
/// first row not under its header, or the last column out of reach.
const CHECK_GRID_COLUMNS: &str = "
    const viewport = document.querySelector('.grid-viewport');
    const row = document.querySelector('.grid-spacer .grid-row');
    const problems = [];
    let last = null;
    viewport.scrollLeft = viewport.scrollWidth;
    for (const header of document.querySelectorAll('.grid-header [aria-colindex]')) {
        const column = header.getAttribute('aria-colindex');
        const cell = row.querySelector(`[aria-colindex='${column}']`);
        if (!cell) { problems.push(`column ${column} has no cell`); continue; }
        const [above, below] = [header.getBoundingClientRect(), cell.getBoundingClientRect()];
        if (Math.abs(above.left - below.left) > 1 || Math.abs(above.width - below.width) > 1) {
            problems.push(`column ${column}: header at ${above.left}+${above.width}, cell at ${below.left}+${below.width}`);
        }
        last = below;
    }
    const view = viewport.getBoundingClientRect();
    if (!last || last.right > view.right + 1 || last.width === 0) {
        problems.push(`the last column is out of reach (${last && last.right} past ${view.right})`);
    }
    viewport.scrollLeft = 0;
    return problems.join('; ');
";

/// Checks that the review grid's columns line up under their headers and that scrolling it
/// sideways brings its last column into view.
async fn check_grid_columns(browser: &Browser, size: &str) {
    let problems = browser
        .client
        .execute(CHECK_GRID_COLUMNS, vec![])
        .await
        .unwrap();
    assert_eq!(problems.as_str(), Some(""), "review grid at {size}");
}

/// Takes a screenshot and checks that nothing makes the page wider than the screen.
async fn check_fits(browser: &Browser, name: &str) {
    browser.screenshot(&format!("narrow-{name}")).await;
    let measured = browser.client.execute(MEASURE_WIDTH, vec![]).await.unwrap();
    let (content, screen) = (measured[0].as_u64().unwrap(), measured[1].as_u64().unwrap());
    let sticking_out = measured[2].as_str().unwrap();
    assert!(
        content <= screen && sticking_out.is_empty(),
        "{name}: the page is {content} px wide on a {screen} px screen; sticking out: {sticking_out}"
    );
}

#[tokio::test]
async fn every_step_fits_a_phone_screen() {
    let server = TestServer::start(Backend::Sqlite);
    let dir = tempfile::tempdir().unwrap();
    let file = dir
        .path()
        .join("clientes-con-un-nombre-de-archivo-largo.csv");
    std::fs::write(
        &file,
        "Nombre,Apellido,Correo electrónico,Teléfono móvil,Dirección de la casa,Notas\r\n\
         José,Muñoz,jose@example.com,+593 99 123 4567,Av. Amazonas N34-120 y Av. República,Cliente desde 2019\r\n\
         Luis,Pérez,luis@,+593 99 123 4568,Calle Larga 12,\r\n",
    )
    .unwrap();

    let browser = Browser::start().await;
    browser
        .client
        .set_window_size(PHONE.0, PHONE.1)
        .await
        .unwrap();
    browser.open(&server.url).await;
    browser.wait_for_text("body", "Sign in").await;
    check_fits(&browser, "0-sign-in").await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    check_fits(&browser, "1-file").await;

    browser.pick_file("#file-input", &file).await;
    browser.wait_for_text("#file-summary", "2 rows").await;
    check_fits(&browser, "1-file-read").await;
    browser.click("#to-columns").await;
    browser.wait_for_text("label[for=map-2]", "Correo").await;
    check_fits(&browser, "2-columns").await;
    browser.click("#to-review").await;
    browser
        .wait_for_text("#review-counts", "1 ready to import, 1 with errors")
        .await;
    check_fits(&browser, "3-review").await;
    check_grid_columns(&browser, "a phone's width").await;
    browser.client.set_window_size(1280, 800).await.unwrap();
    check_grid_columns(&browser, "1280 px").await;
    browser
        .client
        .set_window_size(PHONE.0, PHONE.1)
        .await
        .unwrap();
    browser.click("#to-options").await;
    browser.wait_for_text("#assign-to", "Nobody").await;
    check_fits(&browser, "4-options").await;
    browser.click("#to-import").await;
    browser.wait_for_text("#import-result", "1 created").await;
    check_fits(&browser, "6-result").await;

    browser.click("#page-customers").await;
    browser.wait_for_text("#customer-count", "1 customer").await;
    check_fits(&browser, "customers").await;
    browser.click("#page-history").await;
    browser.wait_for_text("#imports", "clientes-con").await;
    check_fits(&browser, "history").await;
    browser.click("#page-admin").await;
    browser.wait_for_text("#admin h1", "Administration").await;
    check_fits(&browser, "admin").await;
    browser.close().await;
}

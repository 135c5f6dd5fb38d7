//! The wizard's benchmark (`cargo xtask bench` runs it; ignored in the quick suite): a
//! generated million-row file is dropped on the page and timed to a validated review, once with
//! phone validation and once with the phone columns kept as plain data; then the grid is
//! scrolled and the main thread's long tasks (> 50 ms) are counted.
//!
//! It prints figures; it asserts only that the work was done, never how fast.

use std::path::PathBuf;
use std::time::Instant;

use serde_json::Value;

use crate::support::browser::Browser;
use crate::support::server::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestServer};

/// Counts the main thread's long tasks from now on, in `window.longTasks`.
const WATCH_LONG_TASKS: &str = "
    window.longTasks = [];
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
";

/// Scrolls the grid from top to bottom in 60 steps, one per animation frame, then calls back.
const SCROLL_GRID: &str = "
    const done = arguments[arguments.length - 1];
    const viewport = document.querySelector('.grid-viewport');
    let step = 0;
    function next() {
        viewport.scrollTop = (viewport.scrollHeight - viewport.clientHeight) * step / 60;
        step += 1;
        if (step <= 60) requestAnimationFrame(next); else setTimeout(done, 500);
    }
    next();
";

/// Sets every column mapped to a phone field to "keep as additional data".
const PHONES_AS_DATA: &str = "
    for (const select of document.querySelectorAll('table.mapping select')) {
        if (select.value === 'field:phone' || select.value === 'field:mobile') {
            select.value = 'extra';
            select.dispatchEvent(new Event('change'));
        }
    }
";

#[tokio::test]
#[ignore = "a benchmark: cargo xtask bench runs it"]
async fn bench_drop_to_review_on_a_million_rows() {
    let file = PathBuf::from(
        std::env::var("CLIENTELA_BENCH_FILE")
            .expect("CLIENTELA_BENCH_FILE names the generated file (cargo xtask bench makes it)"),
    );
    let rows = std::env::var("CLIENTELA_BENCH_ROWS").unwrap_or_else(|_| "1000000".into());
    let size = std::fs::metadata(&file).unwrap().len();
    println!(
        "file: {} ({:.1} MB, {rows} rows)",
        file.display(),
        size as f64 / 1e6
    );
    let server = TestServer::start(Backend::Sqlite);
    let browser = Browser::start().await;
    browser.open(&server.url).await;
    browser.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;

    for (label, phones) in [
        ("without phone validation", false),
        ("with phone validation", true),
    ] {
        browser.click("#step-file").await;
        // Each run maps the columns itself, not as the last run left them.
        browser
            .client
            .execute("localStorage.clear()", vec![])
            .await
            .unwrap();
        // The last run's summary names as many rows as this file's: blanked, so that the wait
        // below ends when this file is read, not at once (the second run's read time was 0.03 s).
        browser
            .client
            .execute(
                "const summary = document.querySelector('#file-summary');\
                 if (summary) summary.textContent = '';",
                vec![],
            )
            .await
            .unwrap();
        let started = Instant::now();
        browser.pick_file("#file-input", &file).await;
        browser
            .wait_for_text_long("#file-summary", &format!("{rows} rows"))
            .await;
        let read = started.elapsed();
        browser.click("#to-columns").await;
        if !phones {
            browser
                .client
                .execute(PHONES_AS_DATA, vec![])
                .await
                .unwrap();
        }
        let validating = Instant::now();
        browser.click("#to-review").await;
        browser
            .wait_for_text_long("#review-counts", &format!("{rows} rows:"))
            .await;
        let validated = validating.elapsed();
        let total = started.elapsed();
        println!(
            "drop to review {label}: {:.2} s (read {:.2} s, check {:.2} s)",
            total.as_secs_f64(),
            read.as_secs_f64(),
            validated.as_secs_f64()
        );
        let counts = browser.wait_for_text("#review-counts", "rows:").await;
        println!("  {counts}");
    }

    browser
        .client
        .execute(WATCH_LONG_TASKS, vec![])
        .await
        .unwrap();
    browser
        .client
        .execute_async(SCROLL_GRID, vec![])
        .await
        .unwrap();
    let long_tasks = browser
        .client
        .execute("return window.longTasks", vec![])
        .await
        .unwrap();
    let long_tasks: Vec<f64> = match long_tasks {
        Value::Array(items) => items.iter().filter_map(Value::as_f64).collect(),
        _ => Vec::new(),
    };
    let longest = long_tasks.iter().copied().fold(0.0, f64::max);
    println!(
        "scrolling the grid top to bottom: {} long tasks on the main thread (longest {longest:.0} ms)",
        long_tasks.len()
    );
    browser.screenshot("bench-review-1m").await;
    browser.close().await;
}

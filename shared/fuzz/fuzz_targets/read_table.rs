//! Any bytes at all: `read_table` gives a table or an error, never a panic, a hang or a blow-up
//! in memory. A table it gives must hold together (every row's cells readable, lines rising).
//!
//! calamine panics on some damaged workbooks; the reader catches those and reports the file as
//! damaged (see `guarded` in `shared/src/workbook.rs`). libFuzzer's panic hook would abort on
//! them all the same, so the hook below lets panics raised inside calamine unwind to that catch,
//! naming each on standard error, and aborts on every other panic as before.
#![no_main]

use std::sync::Once;

use clientela_shared::read_table;
use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fn abort_unless_in_calamine() {
    let abort_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_calamine = info
            .location()
            .is_some_and(|location| location.file().contains("/calamine-"));
        if in_calamine {
            let place = info.location().map(ToString::to_string).unwrap_or_default();
            eprintln!("caught calamine panic at {place}");
        } else {
            abort_hook(info);
        }
    }));
}

fuzz_target!(|bytes: &[u8]| {
    HOOK.call_once(abort_unless_in_calamine);
    let Ok(table) = read_table(bytes) else {
        return;
    };
    assert!(!table.columns().is_empty());
    let mut last_line = table.header_line();
    for row in table.rows() {
        assert!(row.line() > last_line, "lines must rise");
        last_line = row.line();
        for column in 0..table.columns().len() {
            let _ = row.cell(column);
        }
        assert!(row.cells().count() == row.len());
    }
    for problem in table.problems() {
        let _ = problem.to_string();
    }
});

//! Any bytes at all: `read_table` gives a table or an error, never a panic, a hang or a blow-up
//! in memory. A table it gives must hold together (every row's cells readable, lines rising).
#![no_main]

use clientela_shared::read_table;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
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

//! The file's rows as the review sees them: the user's edits in place of the cells read, and
//! blank rows left out.

use std::collections::HashMap;
use std::ops::Range;

use clientela_shared::Table;

/// Calls `visit` with each non-blank row of `table` among the indexes `range`: its index in the
/// table, its line and its cells (edited ones as the user left them). One buffer holds every
/// row's cells in turn, rather than one allocation per row.
pub fn for_each_filled_row(
    table: &Table,
    edits: &HashMap<usize, Vec<String>>,
    range: Range<usize>,
    mut visit: impl FnMut(usize, u64, &[&str]),
) {
    let mut cells: Vec<&str> = Vec::with_capacity(table.columns().len());
    let rows = table.rows().enumerate().skip(range.start);
    for (index, row) in rows.take(range.end.saturating_sub(range.start)) {
        cells.clear();
        match edits.get(&index) {
            Some(edited) => cells.extend(edited.iter().map(String::as_str)),
            None => cells.extend(row.cells()),
        }
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        visit(index, row.line(), &cells);
    }
}

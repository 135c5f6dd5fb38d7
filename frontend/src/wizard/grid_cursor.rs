//! The review grid's active cell, and where the keyboard takes it, as in a spreadsheet: arrows
//! move a cell, Page Up and Page Down a page, Home and End to the row's ends (with Ctrl, to the
//! first or last row). Pure, so it is tested natively.

/// The active cell: the row's position among the rows shown, and the column among the grid's
/// columns one can move to (0 is the "Import" checkbox; the file's columns follow from 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The row's position among the rows that pass the filter.
    pub position: usize,
    /// 0 for the "Import" checkbox, `n + 1` for the file's column `n`.
    pub column: usize,
}

impl Cursor {
    /// The file's column under the cursor; `None` on the "Import" checkbox.
    pub fn file_column(self) -> Option<usize> {
        self.column.checked_sub(1)
    }

    /// The same cell, or the nearest one, in a grid of `rows` × `columns`.
    pub fn clamped(self, rows: usize, columns: usize) -> Cursor {
        Cursor {
            position: self.position.min(rows.saturating_sub(1)),
            column: self.column.min(columns.saturating_sub(1)),
        }
    }
}

/// Where `key` (a `KeyboardEvent.key`) takes `cursor` in a grid of `rows` × `columns` showing
/// `page` rows at a time; `None` when the key does not move it.
pub fn moved(
    cursor: Cursor,
    key: &str,
    ctrl: bool,
    rows: usize,
    columns: usize,
    page: usize,
) -> Option<Cursor> {
    if rows == 0 || columns == 0 {
        return None;
    }
    let Cursor { position, column } = cursor;
    let last_row = rows - 1;
    let last_column = columns - 1;
    let (position, column) = match key {
        "ArrowUp" => (position.saturating_sub(1), column),
        "ArrowDown" => (position + 1, column),
        "ArrowLeft" => (position, column.saturating_sub(1)),
        "ArrowRight" => (position, column + 1),
        "PageUp" => (position.saturating_sub(page), column),
        "PageDown" => (position + page, column),
        "Home" if ctrl => (0, column),
        "End" if ctrl => (last_row, column),
        "Home" => (position, 0),
        "End" => (position, last_column),
        _ => return None,
    };
    Some(Cursor {
        position: position.min(last_row),
        column: column.min(last_column),
    })
}

/// The first row to show so that the row at `position` is in view, when it is not; the view
/// shows `view_rows` rows from `first`. Moving down keeps the row at the bottom, moving up at
/// the top, as a spreadsheet scrolls.
pub fn first_row_showing(position: usize, first: usize, view_rows: usize) -> Option<usize> {
    if position < first {
        Some(position)
    } else if position >= first + view_rows {
        Some(position + 1 - view_rows)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(position: usize, column: usize) -> Cursor {
        Cursor { position, column }
    }

    /// Where `key` takes the cursor from `from` in a 100 × 4 grid, 15 rows a page.
    fn press(from: Cursor, key: &str) -> Option<Cursor> {
        moved(from, key, false, 100, 4, 15)
    }

    #[test]
    fn arrows_move_one_cell_and_stop_at_the_edges() {
        assert_eq!(press(at(5, 1), "ArrowDown"), Some(at(6, 1)));
        assert_eq!(press(at(5, 1), "ArrowUp"), Some(at(4, 1)));
        assert_eq!(press(at(5, 1), "ArrowRight"), Some(at(5, 2)));
        assert_eq!(press(at(5, 1), "ArrowLeft"), Some(at(5, 0)));
        assert_eq!(press(at(0, 0), "ArrowUp"), Some(at(0, 0)));
        assert_eq!(press(at(0, 0), "ArrowLeft"), Some(at(0, 0)));
        assert_eq!(press(at(99, 3), "ArrowDown"), Some(at(99, 3)));
        assert_eq!(press(at(99, 3), "ArrowRight"), Some(at(99, 3)));
    }

    #[test]
    fn page_keys_move_a_page_and_home_and_end_go_to_the_ends() {
        assert_eq!(press(at(5, 2), "PageDown"), Some(at(20, 2)));
        assert_eq!(press(at(90, 2), "PageDown"), Some(at(99, 2)));
        assert_eq!(press(at(20, 2), "PageUp"), Some(at(5, 2)));
        assert_eq!(press(at(5, 2), "PageUp"), Some(at(0, 2)));
        assert_eq!(press(at(5, 2), "Home"), Some(at(5, 0)));
        assert_eq!(press(at(5, 2), "End"), Some(at(5, 3)));
        assert_eq!(moved(at(5, 2), "Home", true, 100, 4, 15), Some(at(0, 2)));
        assert_eq!(moved(at(5, 2), "End", true, 100, 4, 15), Some(at(99, 2)));
    }

    #[test]
    fn other_keys_and_empty_grids_do_not_move() {
        assert_eq!(press(at(5, 2), "a"), None);
        assert_eq!(press(at(5, 2), "Enter"), None);
        assert_eq!(moved(at(0, 0), "ArrowDown", false, 0, 4, 15), None);
    }

    #[test]
    fn the_view_scrolls_only_when_the_row_leaves_it() {
        assert_eq!(first_row_showing(12, 10, 15), None);
        assert_eq!(first_row_showing(24, 10, 15), None);
        assert_eq!(first_row_showing(25, 10, 15), Some(11));
        assert_eq!(first_row_showing(9, 10, 15), Some(9));
        assert_eq!(first_row_showing(60, 10, 15), Some(46));
    }

    #[test]
    fn the_checkbox_column_comes_before_the_files_columns() {
        assert_eq!(at(3, 1).file_column(), Some(0));
        assert_eq!(at(3, 0).file_column(), None);
        assert_eq!(at(7, 9).clamped(5, 3), at(4, 2));
    }
}

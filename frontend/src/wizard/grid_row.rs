//! One row of the review grid, and the text box that edits one of its cells.
//!
//! A row holds no handlers of its own but the checkbox's: the grid listens for the keyboard,
//! the focus and double clicks once for all rows, so scrolling draws rows cheaply.

use clientela_shared::Severity;
use leptos::prelude::*;

use super::WizardState;
use crate::protocol::{GridRow, Request};
use crate::text::{Catalogue, Text};

/// The cell being edited: row index (among all rows), the file's column, the text.
pub type Editing = Option<(usize, usize, String)>;

/// How an edit ended, so the grid knows where the focus goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditEnd {
    /// Enter saved the value: the cell below becomes the active one.
    Saved,
    /// Tab (or Shift+Tab) saved the value: the cell to the right (or left) becomes the active
    /// one, as in a spreadsheet.
    Tabbed {
        /// Shift+Tab: to the left.
        back: bool,
    },
    /// Escape dropped the value: the cell stays the active one.
    Cancelled,
    /// The focus went elsewhere; the value was saved.
    Left,
}

/// The `aria-colindex` of the file's column `column` (the line and the checkbox come first).
pub fn file_column_index(column: usize) -> usize {
    column + 3
}

/// The id of the hidden text that describes the problems of a cell, for screen readers.
fn message_id(index: usize, column: usize) -> String {
    format!("cell-message-{index}-{column}")
}

/// The problems of the file's column `column` in `row`, in one sentence; empty when none.
pub fn cell_message(row: &GridRow, column: usize) -> String {
    row.issues
        .iter()
        .filter(|issue| issue.column == Some(column))
        .map(|issue| issue.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The problems of the whole row (not of one cell), in one sentence; empty when none.
pub fn row_message(row: &GridRow) -> String {
    row.issues
        .iter()
        .filter(|issue| issue.column.is_none())
        .map(|issue| issue.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the detail line under the grid says about a cell: where it is, its value and its
/// problems. `column` is the file's column; `None` is the row's checkbox.
pub fn cell_detail(
    row: &GridRow,
    column: Option<usize>,
    header: &str,
    texts: &dyn Catalogue,
) -> String {
    let (described, message) = match column {
        Some(column) => {
            let value = row.cells.get(column).map_or("", String::as_str);
            let described = texts.cell_description(row.line, header, value);
            (described, cell_message(row, column))
        }
        None => (texts.include_line(row.line), row_message(row)),
    };
    if message.is_empty() {
        described
    } else {
        format!("{described}. {message}")
    }
}

/// One row of the grid, at `top` pixels; `position` is its place among the rows shown.
#[component]
pub fn GridLine(
    /// The row.
    row: GridRow,
    /// Its place among the rows that pass the filter.
    position: usize,
    /// Where it is drawn, in pixels from the top of the scrolled area.
    top: f64,
    /// The grid's column widths.
    columns_style: String,
    /// The cell being edited, if any.
    editing: RwSignal<Editing>,
    /// Told how an edit of this row ended.
    on_edit_end: Callback<EditEnd>,
) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let texts = state.texts();
    let index = row.index;
    let line = row.line;
    let columns = state
        .file
        .with_untracked(|f| f.as_ref().map_or(0, |f| f.columns.len()));
    let has_error = row.issues.iter().any(|i| i.severity == Severity::Error);
    let class = if row.excluded {
        "grid-row excluded"
    } else if has_error {
        "grid-row has-error"
    } else {
        "grid-row"
    };
    let excluded = row.excluded;
    let row_summary = row_message(&row);
    let width = columns.max(row.cells.len());
    let cells = (0..width)
        .map(|column| {
            let text = row.cells.get(column).cloned().unwrap_or_default();
            let mut issues = row
                .issues
                .iter()
                .filter(|i| i.column == Some(column))
                .peekable();
            let severity = if issues.clone().any(|i| i.severity == Severity::Error) {
                "cell error"
            } else if issues.peek().is_none() {
                "cell"
            } else {
                "cell warning"
            };
            let message = cell_message(&row, column);
            let described_by = (!message.is_empty()).then(|| message_id(index, column));
            view! {
                <span
                    role="gridcell"
                    class=severity
                    tabindex="-1"
                    title=message.clone()
                    aria-invalid=(!message.is_empty()).then_some("true")
                    aria-colindex=file_column_index(column)
                    aria-describedby=described_by.clone()
                    data-column=column
                    style=format!("grid-row: 1; grid-column: {};", column + 3)
                >
                    <span class="cell-text">{text}</span>
                </span>
                // Read by screen readers as the cell's description; hidden from everyone else.
                {described_by.map(|id| view! { <span id=id hidden>{message}</span> })}
            }
        })
        .collect_view();
    view! {
        <div
            class=class
            role="row"
            aria-rowindex=position + 2
            data-line=line
            style=format!("top: {top}px; {columns_style}")
            title=row_summary.clone()
        >
            <span role="rowheader" class="line" aria-colindex="1">{line}</span>
            <span role="gridcell" class="include" aria-colindex="2">
                <input
                    type="checkbox"
                    class="include-row"
                    tabindex="-1"
                    aria-label=texts.include_line(line)
                    checked=!excluded
                    on:change=move |ev| {
                        let include = event_target_checked(&ev);
                        state.change(Text::Updating, Request::Exclude { row: index, excluded: !include });
                    }
                />
                {(!row_summary.is_empty()).then(|| view! { <span class="row-problem" title=row_summary.clone()>"!"</span> })}
            </span>
            {cells}
            // One editor per row, laid over the cell being edited (one reactive spot per row,
            // not per cell, keeps scrolling cheap).
            {move || editing.with(|e| match e {
                Some((row, column, _)) if *row == index => Some(view! {
                    <span class="cell editing" style=format!("grid-row: 1; grid-column: {};", column + 3)>
                        <CellEditor index=index column=*column editing=editing on_end=on_edit_end />
                    </span>
                }),
                _ => None,
            })}
        </div>
    }
}

/// The text box that edits a cell: Enter saves, Escape cancels, leaving it saves.
#[component]
fn CellEditor(
    /// The row's index among all rows.
    index: usize,
    /// The file's column.
    column: usize,
    /// The cell being edited; set to `None` when the edit ends.
    editing: RwSignal<Editing>,
    /// Told how the edit ended.
    on_end: Callback<EditEnd>,
) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let input = NodeRef::<leptos::html::Input>::new();
    let initial =
        editing.with_untracked(|e| e.as_ref().map(|(_, _, t)| t.clone()).unwrap_or_default());
    let save = move |end: EditEnd| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        if editing.get_untracked().is_none() {
            return;
        }
        editing.set(None);
        state.change(
            Text::CheckingTheRow,
            Request::Edit {
                row: index,
                column,
                value: element.value(),
            },
        );
        on_end.run(end);
    };
    Effect::new(move || {
        if let Some(element) = input.get() {
            let _ = element.focus();
            // As in a spreadsheet: the caret after the text, ready to fix its end.
            let end = element.value().encode_utf16().count() as u32;
            let _ = element.set_selection_range(end, end);
        }
    });
    view! {
        <input
            class="cell-editor"
            node_ref=input
            value=initial
            aria-label=state.texts().text(Text::NewValue)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                // The grid around moves the active cell with these keys: keep them here.
                ev.stop_propagation();
                match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        save(EditEnd::Saved);
                    }
                    "Tab" => {
                        ev.prevent_default();
                        save(EditEnd::Tabbed { back: ev.shift_key() });
                    }
                    "Escape" => {
                        ev.prevent_default();
                        editing.set(None);
                        on_end.run(EditEnd::Cancelled);
                    }
                    _ => {}
                }
            }
            on:blur=move |_| save(EditEnd::Left)
        />
    }
}

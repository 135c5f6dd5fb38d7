//! The review grid: every row of the file, however many, by drawing only the rows in view. The
//! worker holds the rows; the grid asks it for the window under the scroll position.
//!
//! The keyboard works as in a spreadsheet ([`grid_cursor`](super::grid_cursor)): one cell is
//! active and is the grid's only stop for Tab; the arrows, Page Up, Page Down, Home and End move
//! it (scrolling its row into view); Enter or F2 edits it, Enter saves and goes down, Escape
//! cancels. The grid listens once for all its cells, so scrolling stays cheap.

use clientela_shared::Language;
use leptos::ev::{FocusEvent, KeyboardEvent, MouseEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::WizardState;
use super::grid_cursor::{Cursor, first_row_showing, moved};
use super::grid_row::{EditEnd, Editing, GridLine, cell_detail};
use crate::language::translated;
use crate::protocol::{GridRow, Request, RowFilter, RowWindow};
use crate::text::Text;
use crate::worker::{self, Answer};

/// Height of a row, in pixels (as in the stylesheet).
const ROW_HEIGHT: f64 = 30.0;
/// Rows in view.
const VIEW_ROWS: usize = 15;
/// Rows drawn above and below the view, so a short scroll shows rows at once. Few, since a
/// long jump draws every row anew on the main thread (the benchmark counts long tasks).
const OVERSCAN: usize = 4;
/// The tallest element browsers draw reliably; past it, the scroll bar is scaled.
const MAX_SCROLL_HEIGHT: f64 = 32_000_000.0;
/// Widths of the line number's column, the checkbox's, and the least of each file column's,
/// in rem (the file's columns share any room left).
const LINE_WIDTH: f64 = 4.5;
const CHECKBOX_WIDTH: f64 = 5.0;
const COLUMN_WIDTH: f64 = 9.0;

/// The grid over the rows that pass `filter`. `jump_to` scrolls to a position among them;
/// `problem_at`, set by "Next problem", also puts the active cell, and the focus, on that row's
/// first cell with a problem once the row is drawn.
#[component]
pub fn Grid(
    filter: RwSignal<RowFilter>,
    jump_to: RwSignal<Option<usize>>,
    problem_at: RwSignal<Option<usize>>,
) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let total = RwSignal::new(0_usize);
    let lines = RwSignal::new(Vec::<PlacedRow>::new());
    let scroll_top = RwSignal::new(0.0_f64);
    let first = RwSignal::new(0_usize);
    let editing = RwSignal::new(None as Editing);
    let cursor = RwSignal::new(Cursor::default());
    let focus = StoredValue::new_local(CellFocus::default());
    let detail = RwSignal::new(String::new());
    let viewport = NodeRef::<Div>::new();
    let asked = StoredValue::new(0_u64);
    let headers = move || {
        state
            .file
            .with(|f| f.as_ref().map(|f| f.columns.clone()).unwrap_or_default())
    };
    // The columns the cursor moves over: the checkbox, then the file's.
    let cursor_columns = move || {
        state
            .file
            .with_untracked(|f| f.as_ref().map_or(0, |f| f.columns.len()))
            + 1
    };
    let spacer_height = move || total.get() as f64 * ROW_HEIGHT;
    let spacer_height = move || spacer_height().min(MAX_SCROLL_HEIGHT);

    // Asks the worker for the rows around `first` whenever the view, the filter, the rows or
    // the language change; an answer that arrives after a newer question is dropped.
    Effect::new(move || {
        let start = first.get().saturating_sub(OVERSCAN);
        let request = Request::Rows {
            filter: filter.get(),
            start,
            count: VIEW_ROWS + 2 * OVERSCAN,
        };
        let drawn = Drawn {
            version: state.rows_version.get(),
            language: state.language.get(),
        };
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        // Where the window's first row goes: exact while every row has its own pixels; past
        // that, next to the rows in view.
        let scaled = total.get_untracked() as f64 * ROW_HEIGHT > MAX_SCROLL_HEIGHT;
        let window_top = if scaled {
            scroll_top.get_untracked() - (first.get_untracked() - start) as f64 * ROW_HEIGHT
        } else {
            start as f64 * ROW_HEIGHT
        };
        leptos::task::spawn_local(async move {
            let answer = worker::ask::<RowWindow>(&request).await;
            if asked.get_value() != ticket {
                return;
            }
            match answer {
                Answer::Got(window) => {
                    total.set(window.total);
                    let here = cursor.get_untracked();
                    let clamped = here.clamped(window.total, cursor_columns());
                    if clamped != here {
                        cursor.set(clamped);
                    }
                    lines.set(place(window, window_top, drawn));
                }
                Answer::Failed(message) => state.error.set(Some(message)),
                Answer::Stopped(why) => state.error.set(Some(state.stopped_message(why))),
            }
        });
    });

    let on_scroll = move |_| {
        let Some(element) = viewport.get() else {
            return;
        };
        let top = f64::from(element.scroll_top());
        scroll_top.set(top);
        let rows = total.get_untracked();
        let view_height = VIEW_ROWS as f64 * ROW_HEIGHT;
        let scrollable = (spacer_height() - view_height).max(1.0);
        let row = (top / scrollable * rows.saturating_sub(VIEW_ROWS) as f64).round() as usize;
        if row != first.get_untracked() {
            first.set(row);
        }
    };

    // Scrolls so that the row at `row` is the first in view (or the view ends with the last).
    let scroll_to = move |row: usize| {
        let Some(element) = viewport.get_untracked() else {
            return;
        };
        let rows = total.get_untracked().max(1);
        let view_height = VIEW_ROWS as f64 * ROW_HEIGHT;
        let scrollable = (spacer_height() - view_height).max(0.0);
        let ratio = row as f64 / rows.saturating_sub(VIEW_ROWS).max(1) as f64;
        element.set_scroll_top((ratio.min(1.0) * scrollable) as i32);
        first.set(row.min(rows.saturating_sub(VIEW_ROWS)));
    };

    // "Next problem" and the filters scroll the grid to a position, and the cursor goes there.
    // The filtered rows' total may arrive after the jump: then it scrolls again.
    Effect::new(move || {
        let Some(position) = jump_to.get() else {
            return;
        };
        total.track();
        viewport.track();
        scroll_to(position);
    });
    Effect::watch(
        move || jump_to.get(),
        move |&position, _, _| {
            if let Some(position) = position {
                cursor.update(|c| c.position = position);
            }
        },
        false,
    );

    Effect::new(move || {
        let Some(position) = problem_at.get() else {
            return;
        };
        let column = lines.with(|lines| {
            let placed = lines.iter().find(|placed| placed.position == position)?;
            Some(placed.row.issues.iter().find_map(|issue| issue.column))
        });
        // Not drawn yet: this runs again when the window with the row arrives.
        let Some(column) = column else {
            return;
        };
        problem_at.set(None);
        cursor.set(Cursor {
            position,
            // The problem's column; the row's first column for a problem of the whole row.
            column: column.map_or(1, |column| column + 1),
        });
        focus.update_value(|f| f.wanted = true);
    });

    // The keyboard moves the active cell and takes the focus with it.
    let move_to = move |next: Cursor| {
        cursor.set(next);
        focus.update_value(|f| f.wanted = true);
        if let Some(row) = first_row_showing(next.position, first.get_untracked(), VIEW_ROWS) {
            scroll_to(row);
        }
    };
    let start_editing = move |at: Cursor| {
        let Some(column) = at.file_column() else {
            return;
        };
        let found = lines.with_untracked(|lines| {
            lines
                .iter()
                .find(|placed| placed.position == at.position)
                .map(|placed| {
                    let text = placed.row.cells.get(column).cloned().unwrap_or_default();
                    (placed.row.index, text)
                })
        });
        if let Some((index, text)) = found {
            editing.set(Some((index, column, text)));
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        // The editor keeps its keys to itself; this is for the cells.
        if editing.with_untracked(Option::is_some) {
            return;
        }
        let here = cursor.get_untracked();
        let key = ev.key();
        if matches!(key.as_str(), "Enter" | "F2") && here.file_column().is_some() {
            ev.prevent_default();
            start_editing(here);
            return;
        }
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let (rows, columns) = (total.get_untracked(), cursor_columns());
        if let Some(next) = moved(here, &key, ctrl, rows, columns, VIEW_ROWS) {
            // The arrows would scroll the view too; the grid scrolls itself.
            ev.prevent_default();
            move_to(next);
        }
    };
    let on_edit_end = Callback::new(move |end: EditEnd| match end {
        EditEnd::Saved => {
            let (rows, columns) = (total.get_untracked(), cursor_columns());
            let here = cursor.get_untracked();
            move_to(moved(here, "ArrowDown", false, rows, columns, VIEW_ROWS).unwrap_or(here));
        }
        EditEnd::Tabbed { back } => {
            let (rows, columns) = (total.get_untracked(), cursor_columns());
            let here = cursor.get_untracked();
            let key = if back { "ArrowLeft" } else { "ArrowRight" };
            move_to(moved(here, key, false, rows, columns, VIEW_ROWS).unwrap_or(here));
        }
        EditEnd::Cancelled => focus.update_value(|f| f.wanted = true),
        EditEnd::Left => {}
    });

    // The mouse and Tab make a cell the active one too; the line under the grid says what the
    // active cell holds.
    let on_focusin = move |ev: FocusEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(at) = cursor_of(&target) else {
            return;
        };
        focus.update_value(|f| f.element = Some(target));
        if cursor.get_untracked() != at {
            cursor.set(at);
        }
        let texts = state.texts();
        let said = lines.with_untracked(|lines| {
            let placed = lines.iter().find(|placed| placed.position == at.position)?;
            let column = at.file_column();
            let header = column
                .and_then(|c| {
                    state
                        .file
                        .with_untracked(|f| f.as_ref()?.columns.get(c).cloned())
                })
                .unwrap_or_default();
            Some(cell_detail(&placed.row, column, &header, texts))
        });
        detail.set(said.unwrap_or_default());
    };
    // Focus leaving the grid is not to be brought back when its rows are drawn again.
    let on_focusout = move |ev: FocusEvent| {
        let going_to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = |to: &web_sys::Node| {
            viewport
                .get_untracked()
                .is_some_and(|v| v.contains(Some(to)))
        };
        if going_to.as_ref().is_some_and(|to| !inside(to)) {
            focus.update_value(|f| f.element = None);
        }
    };
    let on_dblclick = move |ev: MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(at) = target.as_ref().and_then(cursor_of) {
            start_editing(at);
        }
    };

    // The active cell is the grid's one stop for Tab; it takes the focus when the keyboard
    // moved it, when an edit ended, or when redrawn rows took the focused cell away.
    Effect::new(move || {
        cursor.track();
        lines.track();
        editing.track();
        // Once the rows are drawn; the cursor may have moved again by then.
        request_animation_frame(move || {
            if let Some(viewport) = viewport.get_untracked() {
                let at = cursor.get_untracked();
                activate(&viewport, at, first.get_untracked(), focus);
            }
        });
    });

    // Every row has the same width and the same columns, so the columns line up; none is sized
    // from its text, so drawing rows never measures it.
    let columns_style = move || {
        let columns = headers().len();
        format!(
            "grid-template-columns: {LINE_WIDTH}rem {CHECKBOX_WIDTH}rem repeat({columns}, minmax({COLUMN_WIDTH}rem, 1fr));"
        )
    };
    let table_width = move || {
        let columns = headers().len() as f64;
        let width = LINE_WIDTH + CHECKBOX_WIDTH + columns * COLUMN_WIDTH;
        format!("width: max(100%, {width}rem);")
    };

    view! {
        <div
            class="grid"
            role="grid"
            id="review-grid"
            aria-rowcount=move || total.get() + 1
            aria-colcount=move || headers().len() + 2
            aria-describedby="grid-keys"
        >
            // One box scrolls both ways, so the rows move sideways with the header (which
            // stays on top) and the vertical scroll bar stays in view.
            <div
                class="grid-viewport"
                node_ref=viewport
                on:scroll=on_scroll
                on:keydown=on_keydown
                on:focusin=on_focusin
                on:focusout=on_focusout
                on:dblclick=on_dblclick
                tabindex="-1"
            >
                <div class="grid-row grid-header" role="row" aria-rowindex="1" style=move || format!("{}{}", columns_style(), table_width())>
                    <span role="columnheader" aria-colindex="1">{translated(state.language, Text::LineHeader)}</span>
                    <span role="columnheader" aria-colindex="2">{translated(state.language, Text::ImportHeader)}</span>
                    {move || headers().into_iter().enumerate().map(|(column, h)| view! {
                        <span role="columnheader" aria-colindex=column + 3>{h}</span>
                    }).collect_view()}
                </div>
                <div class="grid-spacer" style=move || format!("height: {}px; {}", spacer_height(), table_width())>
                    <For
                        each=move || lines.get()
                        key=|placed| placed.key
                        children=move |placed| view! {
                            <GridLine
                                row=placed.row
                                position=placed.position
                                top=placed.top
                                columns_style=columns_style()
                                editing=editing
                                on_edit_end=on_edit_end
                            />
                        }
                    />
                </div>
            </div>
        </div>
        <p class="cell-detail" id="cell-detail">{move || detail.get()}</p>
    }
}

/// Where the focus in the grid is, and where it should go.
#[derive(Debug, Default)]
struct CellFocus {
    /// The keyboard moved the active cell: it takes the focus once it is drawn.
    wanted: bool,
    /// The element that last had the focus in the grid.
    element: Option<Element>,
}

/// The cell `element` is (or is in): its row's position and its column for the cursor.
fn cursor_of(element: &Element) -> Option<Cursor> {
    let index = |selector: &str, attribute: &str| -> Option<usize> {
        element
            .closest(selector)
            .ok()??
            .get_attribute(attribute)?
            .parse()
            .ok()
    };
    let row = index("[aria-rowindex]", "aria-rowindex")?;
    // Line numbers (1) are not a cell one moves to; the checkbox is 2, the file's columns follow.
    let column = index("[aria-colindex]", "aria-colindex")?.checked_sub(2)?;
    Some(Cursor {
        position: row.checked_sub(2)?,
        column,
    })
}

/// Makes the cell at `at` the grid's stop for Tab (the others are reached with the keys), and
/// focuses it when that is wanted. When its row is not drawn, the first row in view's cell is
/// the stop instead, so Tab can always enter the grid.
fn activate(
    viewport: &HtmlElement,
    at: Cursor,
    first_in_view: usize,
    focus: StoredValue<CellFocus, LocalStorage>,
) {
    if let Ok(stops) = viewport.query_selector_all("[tabindex='0']") {
        for stop in (0..stops.length()).filter_map(|i| stops.item(i)) {
            if let Ok(stop) = stop.dyn_into::<Element>() {
                let _ = stop.set_attribute("tabindex", "-1");
            }
        }
    }
    let cell_at = |position: usize, column: usize| {
        let selector = format!(
            "[aria-rowindex='{}'] [aria-colindex='{}']",
            position + 2,
            column + 2
        );
        viewport.query_selector(&selector).ok().flatten()
    };
    let active = cell_at(at.position, at.column);
    let Some(cell) = active.clone().or_else(|| cell_at(first_in_view, at.column)) else {
        return;
    };
    // The checkbox's cell passes the focus to the checkbox, so Space ticks it.
    let target: HtmlElement = cell
        .query_selector("input")
        .ok()
        .flatten()
        .unwrap_or(cell)
        .unchecked_into();
    let _ = target.set_attribute("tabindex", "0");
    // Redrawn rows replace their elements: a focused cell that went with them leaves the focus
    // on the page's body, and it comes back to the active cell.
    let on_body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.tag_name() == "BODY");
    let lost =
        on_body && focus.with_value(|f| f.element.as_ref().is_some_and(|e| !e.is_connected()));
    let wanted = focus.with_value(|f| f.wanted);
    if active.is_some() && (wanted || lost) {
        focus.update_value(|f| f.wanted = false);
        let _ = target.focus();
    }
}

/// What the rows were drawn from: when either changes, every row is drawn again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Drawn {
    /// The rows' version (bumped by every change to the rows).
    version: u64,
    /// The language of their labels and messages.
    language: Language,
}

/// A row with its place in the grid.
#[derive(Clone, Debug)]
struct PlacedRow {
    /// Unchanged rows keep their key between windows, so scrolling draws only the new ones.
    key: (usize, usize, i64, Drawn),
    position: usize,
    top: f64,
    row: GridRow,
}

/// The rows of `window`, placed from `top` down.
fn place(window: RowWindow, top: f64, drawn: Drawn) -> Vec<PlacedRow> {
    window
        .rows
        .into_iter()
        .enumerate()
        .map(|(offset, row)| {
            let top = top + offset as f64 * ROW_HEIGHT;
            let position = window.start + offset;
            PlacedRow {
                key: (row.index, position, top as i64, drawn),
                position,
                top,
                row,
            }
        })
        .collect()
}

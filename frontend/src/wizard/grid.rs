//! The review grid: every row of the file, however many, by drawing only the rows in view. The
//! worker holds the rows; the grid asks it for the window under the scroll position.

use leptos::html::Div;
use leptos::prelude::*;

use super::WizardState;
use crate::language::translated;
use crate::protocol::{GridRow, Request, Response, RowFilter, RowWindow};
use crate::text::Text;
use crate::worker;
use clientela_shared::Severity;

/// Height of a row, in pixels (as in the stylesheet).
const ROW_HEIGHT: f64 = 30.0;
/// Rows in view.
const VIEW_ROWS: usize = 15;
/// Rows drawn above and below the view, so a short scroll shows rows at once.
const OVERSCAN: usize = 10;
/// The tallest element browsers draw reliably; past it, the scroll bar is scaled.
const MAX_SCROLL_HEIGHT: f64 = 32_000_000.0;

/// The cell being edited: row index, column, text.
type Editing = Option<(usize, usize, String)>;

/// The grid over the rows that pass `filter`. `jump_to` scrolls to a position among them.
#[component]
pub fn Grid(filter: RwSignal<RowFilter>, jump_to: RwSignal<Option<usize>>) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let total = RwSignal::new(0_usize);
    let lines = RwSignal::new(Vec::<PlacedRow>::new());
    let scroll_top = RwSignal::new(0.0_f64);
    let first = RwSignal::new(0_usize);
    let editing = RwSignal::new(None as Editing);
    let detail = RwSignal::new(String::new());
    let viewport = NodeRef::<Div>::new();
    let asked = StoredValue::new(0_u64);
    let headers = move || {
        state
            .file
            .with(|f| f.as_ref().map(|f| f.columns.clone()).unwrap_or_default())
    };
    let spacer_height = move || total.get() as f64 * ROW_HEIGHT;
    let spacer_height = move || spacer_height().min(MAX_SCROLL_HEIGHT);

    // Asks the worker for the rows around `first` whenever the view, the filter or the rows
    // change; an answer that arrives after a newer question is dropped.
    Effect::new(move || {
        let start = first.get().saturating_sub(OVERSCAN);
        let request = Request::Rows {
            filter: filter.get(),
            start,
            count: VIEW_ROWS + 2 * OVERSCAN,
        };
        let version = state.rows_version.get();
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
            let response = worker::ask(&request).await;
            if asked.get_value() != ticket {
                return;
            }
            match response {
                Response::Rows(window) => {
                    total.set(window.total);
                    lines.set(place(window, window_top, version));
                }
                Response::Failed(message) => state.error.set(Some(message)),
                Response::Stopped(why) => state.error.set(Some(state.stopped_message(why))),
                _ => {}
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

    // "Next problem" and the filters scroll the grid to a position.
    Effect::new(move || {
        let Some(position) = jump_to.get() else {
            return;
        };
        let Some(element) = viewport.get() else {
            return;
        };
        let rows = total.get_untracked().max(1);
        let view_height = VIEW_ROWS as f64 * ROW_HEIGHT;
        let scrollable = (spacer_height() - view_height).max(0.0);
        let ratio = position as f64 / rows.saturating_sub(VIEW_ROWS).max(1) as f64;
        element.set_scroll_top((ratio.min(1.0) * scrollable) as i32);
        first.set(position.min(rows.saturating_sub(1)));
    });

    let columns_style = move || {
        format!(
            "grid-template-columns: 4.5rem 5rem repeat({}, minmax(9rem, 1fr));",
            headers().len()
        )
    };

    view! {
        <div class="grid" role="grid" id="review-grid" aria-rowcount=move || total.get() + 1>
            <div class="grid-row grid-header" role="row" style=columns_style>
                <span role="columnheader">{translated(state.language, Text::LineHeader)}</span>
                <span role="columnheader">{translated(state.language, Text::ImportHeader)}</span>
                {move || headers().into_iter().map(|h| view! { <span role="columnheader">{h}</span> }).collect_view()}
            </div>
            <div class="grid-viewport" node_ref=viewport on:scroll=on_scroll tabindex="-1">
                <div class="grid-spacer" style=move || format!("height: {}px", spacer_height())>
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
                                detail=detail
                            />
                        }
                    />
                </div>
            </div>
            <p class="cell-detail" id="cell-detail" aria-live="polite">{move || detail.get()}</p>
        </div>
    }
}

/// A row with its place in the grid.
#[derive(Clone, Debug)]
struct PlacedRow {
    /// Unchanged rows keep their key between windows, so scrolling draws only the new ones.
    key: (usize, u64, i64),
    position: usize,
    top: f64,
    row: GridRow,
}

/// The rows of `window`, placed from `top` down.
fn place(window: RowWindow, top: f64, version: u64) -> Vec<PlacedRow> {
    window
        .rows
        .into_iter()
        .enumerate()
        .map(|(offset, row)| {
            let top = top + offset as f64 * ROW_HEIGHT;
            PlacedRow {
                key: (row.index, version, top as i64),
                position: window.start + offset,
                top,
                row,
            }
        })
        .collect()
}

/// One row of the grid.
#[component]
fn GridLine(
    row: GridRow,
    position: usize,
    top: f64,
    columns_style: String,
    editing: RwSignal<Editing>,
    detail: RwSignal<String>,
) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let texts = state.texts();
    let index = row.index;
    let line = row.line;
    let headers = state
        .file
        .with_untracked(|f| f.as_ref().map(|f| f.columns.clone()).unwrap_or_default());
    let row_issues: Vec<String> = row
        .issues
        .iter()
        .filter(|issue| issue.column.is_none())
        .map(|issue| issue.message.clone())
        .collect();
    let has_error = row.issues.iter().any(|i| i.severity == Severity::Error);
    let class = if row.excluded {
        "grid-row excluded"
    } else if has_error {
        "grid-row has-error"
    } else {
        "grid-row"
    };
    let excluded = row.excluded;
    let row_summary = row_issues.join(" ");
    let width = headers.len().max(row.cells.len());
    let cells = (0..width)
        .map(|column| {
            let text = row.cells.get(column).cloned().unwrap_or_default();
            let issues: Vec<_> = row
                .issues
                .iter()
                .filter(|i| i.column == Some(column))
                .collect();
            let severity = if issues.iter().any(|i| i.severity == Severity::Error) {
                "cell error"
            } else if issues.is_empty() {
                "cell"
            } else {
                "cell warning"
            };
            let message = issues
                .iter()
                .map(|i| i.message.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let header = headers.get(column).cloned().unwrap_or_default();
            let described = texts.cell_description(line, &header, &text);
            let spoken = if message.is_empty() {
                described
            } else {
                format!("{described}. {message}")
            };
            let start_text = text.clone();
            view! {
                <span
                    role="gridcell"
                    class=severity
                    tabindex="0"
                    title=message.clone()
                    aria-invalid=(!message.is_empty()).then_some("true")
                    data-column=column
                style=format!("grid-row: 1; grid-column: {};", column + 3)
                    on:focus=move |_| detail.set(spoken.clone())
                    on:dblclick={
                        let start_text = start_text.clone();
                        move |_| editing.set(Some((index, column, start_text.clone())))
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            editing.set(Some((index, column, start_text.clone())));
                        }
                    }
                >
                    <span class="cell-text">{text}</span>
                </span>
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
            <span role="rowheader" class="line">{line}</span>
            <span role="gridcell" class="include">
                <input
                    type="checkbox"
                    class="include-row"
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
                        <CellEditor index=index column=*column editing=editing />
                    </span>
                }),
                _ => None,
            })}
        </div>
    }
}

/// The text box that edits a cell: Enter or leaving it saves, Escape cancels.
#[component]
fn CellEditor(index: usize, column: usize, editing: RwSignal<Editing>) -> impl IntoView {
    let state = expect_context::<WizardState>();
    let input = NodeRef::<leptos::html::Input>::new();
    let initial =
        editing.with_untracked(|e| e.as_ref().map(|(_, _, t)| t.clone()).unwrap_or_default());
    let save = move || {
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
                // The cell around listens for Enter too (to start editing): keep it out.
                ev.stop_propagation();
                match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        save();
                    }
                    "Escape" => editing.set(None),
                    _ => {}
                }
            }
            on:blur=move |_| save()
        />
    }
}

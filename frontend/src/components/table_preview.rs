//! What was read from a file: its columns, how many rows, and the first rows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::app::LoadedFile;

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 10;

/// Shows the header names, the row count and the first rows of a file.
#[component]
pub fn TablePreview(
    /// The file that was read.
    file: Arc<LoadedFile>,
) -> impl IntoView {
    let table = &file.table;
    let row_count = table.row_count();
    let detection = table.detection();
    let source = match (&detection.delimiter, &detection.sheet) {
        (Some(delimiter), _) => format!("separator {}", separator_name(delimiter.value)),
        (None, Some(sheet)) => format!("sheet \"{}\"", sheet.value),
        (None, None) => detection.format.value.to_string(),
    };
    let summary = format!(
        "{} {} and {} columns in {} (header on line {}, {}).",
        row_count,
        if row_count == 1 { "row" } else { "rows" },
        table.columns().len(),
        file.name,
        table.header_line(),
        source,
    );
    let header = table
        .columns()
        .iter()
        .map(|name| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = table
        .rows()
        .take(PREVIEW_ROWS)
        .map(|row| {
            let cells = row
                .cells()
                .map(|value| view! { <td>{value.to_owned()}</td> })
                .collect_view();
            view! {
                <tr>
                    <td class="line">{row.line()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();

    view! {
        <p class="summary" id="row-count" aria-live="polite" data-rows=row_count>
            {summary}
        </p>
        <div class="preview">
            <table id="preview">
                <thead>
                    <tr>
                        <th scope="col">"Line"</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn separator_name(delimiter: char) -> &'static str {
    match delimiter {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ => "other",
    }
}

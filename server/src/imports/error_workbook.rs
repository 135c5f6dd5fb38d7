//! The error file as an Excel workbook, for users who fix their rows in Excel: the same rows and
//! cells as the CSV, every value written as text (never as a formula), the header bold and frozen.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::error_file::ErrorFile;

/// The most characters Excel keeps in one cell; a longer cell is cut there rather than fail the
/// whole download.
const MAX_CELL_CHARS: usize = 32_767;

/// The widest a column is made to fit its values, in pixels (about 40 characters), so that one
/// long address does not push the error column off the screen.
const MAX_COLUMN_PIXELS: u32 = 300;

/// How many rows are measured to fit the columns: what a screen shows, and cheap on large files.
const ROWS_MEASURED: u32 = 200;

/// `file` as an `.xlsx` workbook with one sheet, `Errors`.
pub(crate) fn error_workbook(file: &ErrorFile) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Errors")?;
    let bold = Format::new().set_bold();
    for (column, name) in file.header.iter().enumerate() {
        sheet.write_string_with_format(0, column_number(column)?, name, &bold)?;
    }
    for (index, row) in file.rows.iter().enumerate() {
        let row_number = u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        // The line is ours, not the user's data: a number, so that it sorts as one.
        sheet.write_number(row_number, 0, row.line as f64)?;
        for (column, cell) in row.cells.iter().enumerate() {
            sheet.write_string(row_number, column_number(column + 1)?, fit_in_a_cell(cell))?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet
        .set_autofit_max_row(ROWS_MEASURED)
        .set_autofit_max_width(MAX_COLUMN_PIXELS)
        .autofit();
    workbook.save_to_buffer()
}

fn column_number(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// `cell`, cut to the characters Excel keeps.
fn fit_in_a_cell(cell: &str) -> &str {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &cell[..end],
        None => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_CELL_CHARS, fit_in_a_cell};

    #[test]
    fn a_cell_longer_than_excel_keeps_is_cut_on_a_character() {
        let long = "ñ".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(fit_in_a_cell(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(fit_in_a_cell("Muñoz"), "Muñoz");
    }
}

//! The Excel template: the columns on a sheet named in the user's language, the header bold and
//! frozen, the example row under it, and a drop-down list on every column that takes only a few
//! values (status, customer type, select custom fields).

use clientela_shared::{Language, Profile};
use rust_xlsxwriter::{
    ColNum, DataValidation, Format, Formula, RowNum, Workbook, Worksheet, XlsxError,
    column_number_to_name,
};

use super::{TemplateColumn, template_columns};
use crate::text::{Text, text};

/// The last row a drop-down list covers: Excel's last.
const LAST_ROW: RowNum = 1_048_575;
/// The hidden sheet that holds the lists too long (or with commas) to write in the rule.
const LISTS_SHEET: &str = "Lists";

/// The template workbook's bytes.
pub fn template_xlsx(profile: &Profile, language: Language) -> Result<Vec<u8>, XlsxError> {
    let columns = template_columns(profile, language);
    let mut sheet = Worksheet::new();
    sheet.set_name(text(Text::PageCustomers, language))?;
    let bold = Format::new().set_bold();
    for (column, template) in (0..).zip(&columns) {
        sheet.write_string_with_format(0, column, &template.header, &bold)?;
        if !template.example.is_empty() {
            sheet.write_string(1, column, &template.example)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();

    let mut lists = Worksheet::new();
    lists.set_name(LISTS_SHEET)?.set_hidden(true);
    let mut lists_used: ColNum = 0;
    for (column, template) in (0..).zip(&columns) {
        if template.choices.is_empty() {
            continue;
        }
        let validation = match literal_list(template) {
            Some(validation) => validation,
            None => {
                lists.write_column(0, lists_used, &template.choices)?;
                let validation = DataValidation::new()
                    .allow_list_formula(list_range(lists_used, template.choices.len()));
                lists_used += 1;
                validation
            }
        };
        sheet.add_data_validation(1, column, LAST_ROW, column, &validation)?;
    }

    let mut workbook = Workbook::new();
    workbook.push_worksheet(sheet);
    if lists_used > 0 {
        workbook.push_worksheet(lists);
    }
    workbook.save_to_buffer()
}

/// The drop-down list of `template` written in the rule itself, when Excel takes it so: no
/// choice has a comma (the list's separator) and the whole fits Excel's 255 characters.
fn literal_list(template: &TemplateColumn) -> Option<DataValidation> {
    if template.choices.iter().any(|choice| choice.contains(',')) {
        return None;
    }
    DataValidation::new()
        .allow_list_strings(&template.choices)
        .ok()
}

/// `=Lists!$A$1:$A$3`: the `count` choices in column `column` of the lists sheet.
fn list_range(column: ColNum, count: usize) -> Formula {
    let name = column_number_to_name(column);
    Formula::new(format!("={LISTS_SHEET}!${name}$1:${name}${count}"))
}

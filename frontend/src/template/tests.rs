use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use clientela_shared::{Profile, Target, Validator, read_table, suggest_mapping_for_table};

use super::*;

/// A workspace with a custom field of every type and two tags.
fn profile() -> Profile {
    Profile::from_toml(
        r#"
        tags = ["VIP", "Newsletter"]
        [[custom_fields]]
        key = "segment"
        label = "Segment"
        type = "select"
        options = ["Retail", "Wholesale"]
        [[custom_fields]]
        key = "birthday"
        label = "Birthday"
        type = "date"
        [[custom_fields]]
        key = "visits"
        label = "Visits"
        type = "number"
        [[custom_fields]]
        key = "budget"
        label = "Budget"
        type = "currency"
        [[custom_fields]]
        key = "consent"
        label = "Consent"
        type = "boolean"
        [[custom_fields]]
        key = "hobby"
        label = "Hobby"
        type = "text"
        "#,
    )
    .unwrap()
}

/// The template as the file a user drops: every column maps by itself, and the example row
/// passes every check.
fn assert_maps_itself_and_validates(bytes: &[u8], profile: &Profile, language: Language) {
    let table = read_table(bytes).unwrap();
    let mapping = suggest_mapping_for_table(&table, profile);
    let unmapped: Vec<&str> = mapping
        .columns
        .iter()
        .filter(|c| matches!(c.target, Target::Ignore | Target::Extra))
        .map(|c| c.header.as_str())
        .collect();
    assert!(unmapped.is_empty(), "{language:?}: {unmapped:?}");
    let report = Validator::new(profile, &mapping, table.columns()).validate_table(&table);
    assert_eq!(report.rows.len(), 1, "{language:?}: one example row");
    assert_eq!(report.summary.invalid, 0, "{language:?}: {:?}", report.rows);
}

#[test]
fn the_csv_template_maps_itself_and_its_example_row_is_valid() {
    for profile in [Profile::default(), profile()] {
        for language in Language::ALL {
            let csv = template_csv(&profile, language);
            assert_maps_itself_and_validates(csv.as_bytes(), &profile, language);
        }
    }
}

#[test]
fn the_template_has_the_custom_fields_and_a_column_per_tag() {
    let headers: Vec<String> = template_columns(&profile(), Language::En)
        .into_iter()
        .map(|c| c.header)
        .collect();
    for expected in ["Email", "Segment", "Birthday", "TAG-VIP", "TAG-Newsletter"] {
        assert!(
            headers.iter().any(|h| h == expected),
            "{expected} in {headers:?}"
        );
    }
}

#[test]
fn the_xlsx_template_reads_back_with_its_headers_and_example_row() {
    let profile = profile();
    for language in Language::ALL {
        let bytes = template_xlsx(&profile, language).unwrap();
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        let sheet = workbook.sheet_names()[0].clone();
        assert_eq!(
            sheet,
            crate::text::text(crate::text::Text::PageCustomers, language)
        );
        let range = workbook.worksheet_range(&sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        let columns = template_columns(&profile, language);
        let headers: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
        let example: Vec<&str> = columns.iter().map(|c| c.example.as_str()).collect();
        assert_eq!(rows.len(), 2, "{language:?}: the headers and the example");
        assert_eq!(rows[0], headers, "{language:?}");
        assert_eq!(rows[1], example, "{language:?}");
        assert_maps_itself_and_validates(&bytes, &profile, language);
    }
}

#[test]
fn the_xlsx_template_offers_drop_down_lists_for_status_customer_type_and_selects() {
    let sheet = unzipped(
        &template_xlsx(&profile(), Language::En).unwrap(),
        "xl/worksheets/sheet1.xml",
    );
    assert_eq!(sheet.matches("<dataValidation ").count(), 3, "{sheet}");
    for list in [
        "\"active,potential\"",
        "\"person,company\"",
        "\"Retail,Wholesale\"",
    ] {
        assert!(sheet.contains(list), "{list} in {sheet}");
    }
}

#[test]
fn a_list_too_long_for_the_rule_goes_to_a_hidden_sheet() {
    let options: Vec<String> = (1..=60).map(|n| format!("Branch number {n}")).collect();
    let mut profile = profile();
    profile.custom_fields[0].options = options.clone();
    let bytes = template_xlsx(&profile, Language::En).unwrap();
    let sheet = unzipped(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<formula1>Lists!$A$1:$A$60</formula1>"),
        "{sheet}"
    );
    let workbook = unzipped(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"name="Lists" sheetId="2" state="hidden""#),
        "{workbook}"
    );

    let mut read: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let lists = read.worksheet_range("Lists").unwrap();
    let written: Vec<String> = lists.rows().map(|row| cell_text(&row[0])).collect();
    assert_eq!(written, options);
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The text of the file `name` inside the XLSX `bytes`.
fn unzipped(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// In the browser, where the worker writes the workbook.
#[cfg(target_arch = "wasm32")]
mod in_the_browser {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// A workbook carries the date it was written: in the browser the clock is JavaScript's
    /// (rust_xlsxwriter's `wasm` feature); Rust's own would panic there.
    #[wasm_bindgen_test]
    fn the_xlsx_template_is_written_in_the_browser() {
        let bytes = template_xlsx(&profile(), Language::Es).unwrap();
        let sheet = unzipped(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("\"active,potential\""));
    }
}

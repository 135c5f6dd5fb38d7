//! The CSV template: one column per field of the workspace (tags as `TAG-` columns), headed in
//! the user's language, and one example row the validator accepts.

use clientela_shared::{Field, Language, WorkspaceSchema};

/// The template's text.
pub fn template_csv(schema: Option<&WorkspaceSchema>, language: Language) -> String {
    let mut headers: Vec<String> = Vec::new();
    let mut example: Vec<String> = Vec::new();
    for field in Field::ALL {
        let Some(value) = example_value(field) else {
            continue;
        };
        headers.push(field.label(language).to_owned());
        example.push(value.to_owned());
    }
    for tag in schema.map(|s| s.tags.as_slice()).unwrap_or_default() {
        headers.push(format!("TAG-{tag}"));
        example.push("1".to_owned());
    }
    format!("{}\r\n{}\r\n", csv_line(&headers), csv_line(&example))
}

/// An example value for `field`; `None` leaves the field out of the template (the full name
/// repeats the name columns; tags have their own columns).
fn example_value(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::FirstName => "Ana",
        Field::MiddleName => "María",
        Field::LastName => "Pérez",
        Field::SecondLastName => "Gómez",
        Field::FullName | Field::Tags | Field::Agent => return None,
        Field::Email => "ana.perez@example.com",
        Field::Phone => "+593 2 234 5678",
        Field::Mobile => "+593 99 123 4567",
        Field::IdType => "",
        Field::IdNumber => "",
        Field::CustomerType => "",
        Field::Status => "active",
        Field::Company => "Comercial Andina",
        Field::Address => "Av. Amazonas 123",
        Field::AddressDetail => "Piso 2",
        Field::City => "Quito",
        Field::State => "Pichincha",
        Field::Zip => "170135",
        Field::CountryCode => "EC",
        Field::Notes => "",
        Field::Social => "",
    })
}

fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|cell| {
            if cell.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use clientela_shared::{Profile, Validator, read_table, suggest_mapping_for_table};

    use super::*;

    #[test]
    fn the_template_maps_itself_and_its_example_row_is_valid() {
        for language in Language::ALL {
            let csv = template_csv(None, language);
            let table = read_table(csv.as_bytes()).unwrap();
            let profile = Profile::default();
            let mapping = suggest_mapping_for_table(&table, &profile);
            let unmapped: Vec<&str> = mapping
                .columns
                .iter()
                .filter(|c| !matches!(c.target, clientela_shared::Target::Field(_)))
                .map(|c| c.header.as_str())
                .collect();
            assert!(unmapped.is_empty(), "{language:?}: {unmapped:?}");
            let report = Validator::new(&profile, &mapping, table.columns()).validate_table(&table);
            assert_eq!(report.summary.invalid, 0, "{language:?}: {:?}", report.rows);
        }
    }
}

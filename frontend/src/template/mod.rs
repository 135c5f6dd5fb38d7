//! The templates a user downloads to fill in: one column per field of the workspace (its custom
//! fields too, tags as `TAG-` columns), headed in the user's language, and an example row the
//! validator accepts. As CSV ([`template_csv`], made on the page), or as an Excel workbook with
//! drop-down lists ([`template_xlsx`], made in the import worker, which has room for the
//! workbook writer).

mod csv;
mod xlsx;

use clientela_shared::{Field, FieldType, Language, Profile};

pub use csv::template_csv;
pub use xlsx::template_xlsx;

/// One column of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateColumn {
    /// The header, as the column mapping recognises it.
    pub header: String,
    /// The example row's value.
    pub example: String,
    /// The values the column takes, when it takes only a few (offered as a drop-down list).
    pub choices: Vec<String>,
}

/// The template's columns for `profile` (its custom fields and tags), headed in `language`.
pub fn template_columns(profile: &Profile, language: Language) -> Vec<TemplateColumn> {
    let fields = Field::ALL.into_iter().filter_map(|field| {
        Some(TemplateColumn {
            header: field.label(language).to_owned(),
            example: example_value(field)?.to_owned(),
            choices: field_choices(field)
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
        })
    });
    let custom = profile.custom_fields.iter().map(|custom| TemplateColumn {
        header: custom.label.clone(),
        example: match custom.kind {
            FieldType::Select => custom.options.first().cloned().unwrap_or_default(),
            kind => custom_example(kind).to_owned(),
        },
        choices: if custom.kind == FieldType::Select {
            custom.options.clone()
        } else {
            Vec::new()
        },
    });
    let tags = profile.tags.iter().map(|tag| TemplateColumn {
        header: format!("TAG-{tag}"),
        example: "1".to_owned(),
        choices: Vec::new(),
    });
    fields.chain(custom).chain(tags).collect()
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

/// The values a built-in field takes, when it takes only a few.
fn field_choices(field: Field) -> &'static [&'static str] {
    match field {
        Field::Status => &["active", "potential"],
        Field::CustomerType => &["person", "company"],
        _ => &[],
    }
}

/// An example value of a custom field of type `kind` (a select's is its first option).
fn custom_example(kind: FieldType) -> &'static str {
    match kind {
        FieldType::Text | FieldType::Select => "Ejemplo",
        FieldType::Number => "42",
        FieldType::Currency => "1250.50",
        FieldType::Date => "1990-05-17",
        FieldType::Boolean => "yes",
    }
}

#[cfg(test)]
mod tests;

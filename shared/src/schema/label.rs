//! What each built-in field is called in English, Spanish, Portuguese and Polish, for messages.

use super::field::Field;
use crate::validation::messages::Language;

impl Field {
    /// The field's name as a user reads it in `language`, such as `Apellido` for `last_name`.
    pub fn label(self, language: Language) -> &'static str {
        let [en, es, pt, pl] = labels(self);
        match language {
            Language::En => en,
            Language::Es => es,
            Language::Pt => pt,
            Language::Pl => pl,
        }
    }
}

fn labels(field: Field) -> [&'static str; 4] {
    match field {
        Field::FirstName => ["First name", "Nombre", "Nome", "Imię"],
        Field::MiddleName => [
            "Middle name",
            "Segundo nombre",
            "Nome do meio",
            "Drugie imię",
        ],
        Field::LastName => ["Last name", "Apellido", "Sobrenome", "Nazwisko"],
        Field::SecondLastName => [
            "Second last name",
            "Segundo apellido",
            "Segundo sobrenome",
            "Drugie nazwisko",
        ],
        Field::FullName => [
            "Full name",
            "Nombre completo",
            "Nome completo",
            "Imię i nazwisko",
        ],
        Field::Email => ["Email", "Correo electrónico", "E-mail", "E-mail"],
        Field::Phone => ["Phone", "Teléfono", "Telefone", "Telefon"],
        Field::Mobile => ["Mobile", "Celular", "Celular", "Telefon komórkowy"],
        Field::Tags => ["Tags", "Etiquetas", "Etiquetas", "Tagi"],
        Field::Agent => ["Agent", "Agente", "Agente", "Agent"],
        Field::IdType => [
            "Document type",
            "Tipo de documento",
            "Tipo de documento",
            "Rodzaj dokumentu",
        ],
        Field::IdNumber => [
            "Document number",
            "Número de documento",
            "Número do documento",
            "Numer dokumentu",
        ],
        Field::CustomerType => [
            "Customer type",
            "Tipo de cliente",
            "Tipo de cliente",
            "Typ klienta",
        ],
        Field::Status => ["Status", "Estado", "Status", "Status"],
        Field::Company => ["Company", "Empresa", "Empresa", "Firma"],
        Field::Address => ["Address", "Dirección", "Endereço", "Adres"],
        Field::AddressDetail => [
            "Address detail",
            "Detalle de dirección",
            "Complemento",
            "Szczegóły adresu",
        ],
        Field::City => ["City", "Ciudad", "Cidade", "Miasto"],
        Field::State => ["State", "Provincia", "Estado", "Województwo"],
        Field::Zip => ["Postal code", "Código postal", "CEP", "Kod pocztowy"],
        Field::CountryCode => ["Country", "País", "País", "Kraj"],
        Field::Notes => ["Notes", "Notas", "Observações", "Uwagi"],
        Field::Social => [
            "Social network",
            "Red social",
            "Rede social",
            "Media społecznościowe",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_label_in_every_language() {
        for field in Field::ALL {
            for language in Language::ALL {
                assert!(!field.label(language).is_empty(), "{field} in {language}");
            }
        }
        assert_eq!(Field::LastName.label(Language::Es), "Apellido");
    }
}

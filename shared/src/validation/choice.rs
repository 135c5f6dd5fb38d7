//! Values from a closed list: booleans, customer types, statuses, selects, in four languages.

use crate::text::compact;

const YES: &[&str] = &[
    "1",
    "x",
    "yes",
    "y",
    "true",
    "t",
    "si",
    "s",
    "sim",
    "tak",
    "verdadero",
    "verdadeiro",
    "prawda",
    "v",
    "ok",
];
const NO: &[&str] = &["0", "no", "n", "false", "f", "nao", "nie", "falso", "falsz"];

/// Yes or no, in English, Spanish, Portuguese or Polish (`sí`, `Não`, `TAK`, `x`, `0`…).
pub fn parse_boolean(text: &str) -> Option<bool> {
    let folded = compact(text);
    if folded.is_empty() && matches!(text.trim(), "✓" | "✔") {
        return Some(true);
    }
    if YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

const PERSON: &[&str] = &[
    "person",
    "persona",
    "pessoa",
    "osoba",
    "individual",
    "natural",
    "personanatural",
    "personafisica",
    "pessoafisica",
    "pf",
    "osobafizyczna",
    "fizyczna",
    "particular",
    "people",
];
const COMPANY: &[&str] = &[
    "company",
    "empresa",
    "business",
    "organization",
    "organisation",
    "organizacion",
    "juridica",
    "personajuridica",
    "pessoajuridica",
    "pj",
    "firma",
    "spolka",
    "compania",
    "companhia",
    "sociedad",
    "corporate",
    "b2b",
];

/// `person` or `company`, from any of their usual names.
pub fn parse_customer_type(text: &str) -> Option<&'static str> {
    let folded = compact(text);
    if PERSON.contains(&folded.as_str()) {
        Some("person")
    } else if COMPANY.contains(&folded.as_str()) {
        Some("company")
    } else {
        None
    }
}

const ACTIVE: &[&str] = &[
    "active", "activo", "activa", "ativo", "ativa", "aktywny", "aktywna", "client", "cliente",
    "customer", "klient", "vigente",
];
const POTENTIAL: &[&str] = &[
    "potential",
    "potencial",
    "potencjalny",
    "potencjalna",
    "prospect",
    "prospecto",
    "lead",
    "interesado",
    "interesada",
    "interessado",
    "interessada",
];

/// `active` or `potential`, from any of their usual names.
pub fn parse_status(text: &str) -> Option<&'static str> {
    let folded = compact(text);
    if ACTIVE.contains(&folded.as_str()) {
        Some("active")
    } else if POTENTIAL.contains(&folded.as_str()) {
        Some("potential")
    } else {
        None
    }
}

/// The option `text` names, ignoring case, accents and punctuation.
pub fn match_option<'a>(text: &str, options: &'a [String]) -> Option<&'a str> {
    let folded = compact(text);
    options
        .iter()
        .find(|option| compact(option) == folded)
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_in_four_languages() {
        for yes in ["Sí", "sim", "TAK", "x", "1", "Yes", "✓"] {
            assert_eq!(parse_boolean(yes), Some(true), "{yes}");
        }
        for no in ["No", "não", "nie", "0", "false"] {
            assert_eq!(parse_boolean(no), Some(false), "{no}");
        }
        assert_eq!(parse_boolean("maybe"), None);
    }

    #[test]
    fn customer_types_and_statuses_have_synonyms() {
        assert_eq!(parse_customer_type("Persona"), Some("person"));
        assert_eq!(parse_customer_type("EMPRESA"), Some("company"));
        assert_eq!(parse_customer_type("Pessoa Jurídica"), Some("company"));
        assert_eq!(parse_status("Aktywny"), Some("active"));
        assert_eq!(parse_status("Potencial"), Some("potential"));
        assert_eq!(parse_status("Ativo"), Some("active"));
        assert_eq!(parse_status("dormant"), None);
    }

    #[test]
    fn options_match_ignoring_case_and_accents() {
        let options = vec!["Básico".to_owned(), "Pro".to_owned()];
        assert_eq!(match_option("basico", &options), Some("Básico"));
        assert_eq!(match_option("PRO", &options), Some("Pro"));
        assert_eq!(match_option("Gold", &options), None);
    }
}

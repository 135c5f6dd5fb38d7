//! Identity and tax documents: the types people write, and their check digits per country.

mod argentina;
mod brazil;
mod chile;
mod colombia;
mod digits;
mod ecuador;
mod mexico;
mod peru;
mod poland;
mod spain;

use serde::{Deserialize, Serialize};

use crate::text::compact as fold_compact;
use digits::compact;

/// A kind of identity or tax document. Which algorithm checks it depends on the country too
/// (a `cedula` is Ecuador's cédula in EC and a cédula de ciudadanía in CO).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdType {
    /// Cédula de identidad (Ecuador and others).
    Cedula,
    /// Colombia's cédula de ciudadanía.
    Cc,
    /// Registro Único de Contribuyentes (Ecuador, Peru).
    Ruc,
    /// Número de Identificación Tributaria (Colombia).
    Nit,
    /// Rol Único Tributario (Chile).
    Rut,
    /// Brazil's Cadastro de Pessoas Físicas.
    Cpf,
    /// Brazil's Cadastro Nacional da Pessoa Jurídica.
    Cnpj,
    /// Argentina's CUIT / CUIL.
    Cuit,
    /// Documento Nacional de Identidad (Argentina, Peru, Spain).
    Dni,
    /// Spain's foreigner number.
    Nie,
    /// Mexico's Registro Federal de Contribuyentes.
    Rfc,
    /// Mexico's Clave Única de Registro de Población.
    Curp,
    /// Poland's PESEL.
    Pesel,
    /// Poland's NIP tax number.
    Nip,
    /// A passport (format only).
    Passport,
    /// Any other document (format only).
    Other,
}

/// What people write for each type, folded and without spaces.
const NAMES: &[(&str, IdType)] = &[
    ("cedula", IdType::Cedula),
    ("ci", IdType::Cedula),
    ("ced", IdType::Cedula),
    ("cedulaidentidad", IdType::Cedula),
    ("ceduladeidentidad", IdType::Cedula),
    ("cedulaciudadania", IdType::Cc),
    ("ceduladeciudadania", IdType::Cc),
    ("cc", IdType::Cc),
    ("ruc", IdType::Ruc),
    ("nit", IdType::Nit),
    ("rut", IdType::Rut),
    ("run", IdType::Rut),
    ("cpf", IdType::Cpf),
    ("cnpj", IdType::Cnpj),
    ("cuit", IdType::Cuit),
    ("cuil", IdType::Cuit),
    ("dni", IdType::Dni),
    ("nif", IdType::Dni),
    ("nie", IdType::Nie),
    ("rfc", IdType::Rfc),
    ("curp", IdType::Curp),
    ("pesel", IdType::Pesel),
    ("nip", IdType::Nip),
    ("passport", IdType::Passport),
    ("pasaporte", IdType::Passport),
    ("passaporte", IdType::Passport),
    ("paszport", IdType::Passport),
    ("pas", IdType::Passport),
    ("pp", IdType::Passport),
    ("other", IdType::Other),
    ("otro", IdType::Other),
    ("outro", IdType::Other),
    ("inny", IdType::Other),
    ("ce", IdType::Other),
    ("carnetextranjeria", IdType::Other),
];

impl IdType {
    /// The stable key, such as `cedula` or `cpf`.
    pub fn key(self) -> &'static str {
        match self {
            IdType::Cedula => "cedula",
            IdType::Cc => "cc",
            IdType::Ruc => "ruc",
            IdType::Nit => "nit",
            IdType::Rut => "rut",
            IdType::Cpf => "cpf",
            IdType::Cnpj => "cnpj",
            IdType::Cuit => "cuit",
            IdType::Dni => "dni",
            IdType::Nie => "nie",
            IdType::Rfc => "rfc",
            IdType::Curp => "curp",
            IdType::Pesel => "pesel",
            IdType::Nip => "nip",
            IdType::Passport => "passport",
            IdType::Other => "other",
        }
    }

    /// The type for what a user wrote (`Cédula`, `C.C.`, `Pasaporte`, `CPF`…).
    pub fn from_name(written: &str) -> Option<IdType> {
        let folded = fold_compact(written);
        NAMES
            .iter()
            .find(|(name, _)| *name == folded)
            .map(|(_, kind)| *kind)
    }
}

/// Why a document number is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// Wrong length or characters; says what was expected.
    Format(&'static str),
    /// The check digit does not match.
    CheckDigit,
}

/// A document number that passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdAccepted {
    /// The number without separators, upper-cased.
    pub number: String,
    /// The check digit is wrong but documents like it are issued (Mexican RFCs): a warning.
    pub doubtful_check_digit: bool,
}

/// Checks `written` as a document of `kind`, issued in `country` (ISO alpha-2) when known.
pub fn check_id(
    kind: IdType,
    country: Option<&str>,
    written: &str,
) -> Result<IdAccepted, IdProblem> {
    let number = compact(written);
    let accepted = |number: String| IdAccepted {
        number,
        doubtful_check_digit: false,
    };
    let result = match (kind, country) {
        (IdType::Cedula, Some("EC") | None) => ecuador::cedula(&number),
        (IdType::Cedula, Some("CO")) | (IdType::Cc, _) => colombia::cc(&number),
        (IdType::Ruc, Some("EC")) => ecuador::ruc(&number),
        (IdType::Ruc, Some("PE")) => peru::ruc(&number),
        (IdType::Ruc, None) if number.len() == 13 => ecuador::ruc(&number),
        (IdType::Ruc, None) if number.len() == 11 => peru::ruc(&number),
        (IdType::Nit, Some("CO") | None) => colombia::nit(&number),
        (IdType::Rut, Some("CL") | None) => chile::rut(&number),
        (IdType::Cpf, _) => brazil::cpf(&number),
        (IdType::Cnpj, _) => brazil::cnpj(&number),
        (IdType::Cuit, _) => argentina::cuit(&number),
        (IdType::Dni, Some("AR")) => argentina::dni(&number),
        (IdType::Dni, Some("PE")) => peru::dni(
            number
                .get(..8)
                .filter(|_| number.len() == 9)
                .unwrap_or(&number),
        ),
        (IdType::Dni, Some("ES")) => spain::dni(&number),
        (IdType::Dni, None) if number.ends_with(|c: char| c.is_ascii_uppercase()) => {
            spain::dni(&number)
        }
        (IdType::Nie, _) => spain::nie(&number),
        (IdType::Rfc, _) => {
            return mexico::rfc(&number).map(|check| IdAccepted {
                doubtful_check_digit: check == mexico::RfcCheck::Differs,
                number,
            });
        }
        (IdType::Curp, _) => mexico::curp(&number),
        (IdType::Pesel, _) => poland::pesel(&number),
        (IdType::Nip, _) => poland::nip(&number),
        (IdType::Passport, _) => format_only(&number, 5, "5 to 20 letters and digits"),
        _ => format_only(&number, 3, "3 to 20 letters and digits"),
    };
    result.map(|()| accepted(number))
}

fn format_only(number: &str, min: usize, expected: &'static str) -> Result<(), IdProblem> {
    let fits =
        (min..=20).contains(&number.chars().count()) && number.chars().all(|c| c.is_alphanumeric());
    if fits {
        Ok(())
    } else {
        Err(IdProblem::Format(expected))
    }
}

/// The type a number with no `id_type` most likely has, from its country and shape.
pub fn infer_id_type(country: Option<&str>, written: &str) -> Option<IdType> {
    let number = compact(written);
    let all_digits = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    let len = number.len();
    match country? {
        "EC" if all_digits && len == 10 => Some(IdType::Cedula),
        "EC" if all_digits && len == 13 => Some(IdType::Ruc),
        "BR" if all_digits && len == 11 => Some(IdType::Cpf),
        "BR" if all_digits && len == 14 => Some(IdType::Cnpj),
        "AR" if all_digits && len == 11 => Some(IdType::Cuit),
        "AR" if all_digits && (7..=8).contains(&len) => Some(IdType::Dni),
        "CL" => Some(IdType::Rut),
        "PE" if all_digits && len == 11 => Some(IdType::Ruc),
        "PE" if all_digits && len == 8 => Some(IdType::Dni),
        "CO" if written
            .trim()
            .rsplit_once('-')
            .is_some_and(|(_, dv)| dv.len() == 1) =>
        {
            Some(IdType::Nit)
        }
        "CO" if all_digits => Some(IdType::Cc),
        "MX" if len == 18 => Some(IdType::Curp),
        "MX" if matches!(len, 10 | 12 | 13) && !all_digits => Some(IdType::Rfc),
        "ES" if number.starts_with(['X', 'Y', 'Z']) => Some(IdType::Nie),
        "ES" if len == 9 => Some(IdType::Dni),
        "PL" if all_digits && len == 11 => Some(IdType::Pesel),
        "PL" if all_digits && len == 10 => Some(IdType::Nip),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_are_understood() {
        assert_eq!(IdType::from_name("Cédula"), Some(IdType::Cedula));
        assert_eq!(IdType::from_name("C.C."), Some(IdType::Cc));
        assert_eq!(IdType::from_name("Pasaporte"), Some(IdType::Passport));
        assert_eq!(IdType::from_name("CPF"), Some(IdType::Cpf));
        assert_eq!(IdType::from_name("carnet"), None);
    }

    #[test]
    fn the_country_chooses_the_algorithm() {
        assert!(check_id(IdType::Cedula, Some("EC"), "1714307103").is_ok());
        assert!(check_id(IdType::Cedula, Some("EC"), "1714307104").is_err());
        // In Colombia a cédula has no check digit.
        assert!(check_id(IdType::Cedula, Some("CO"), "1714307104").is_ok());
    }

    #[test]
    fn separators_are_dropped_from_the_number() {
        let accepted = check_id(IdType::Cnpj, Some("BR"), "16.727.230/0001-97").unwrap();
        assert_eq!(accepted.number, "16727230000197");
    }

    #[test]
    fn the_type_is_inferred_from_country_and_shape() {
        assert_eq!(
            infer_id_type(Some("EC"), "1714307103"),
            Some(IdType::Cedula)
        );
        assert_eq!(
            infer_id_type(Some("BR"), "167.272.300-01"),
            Some(IdType::Cpf)
        );
        assert_eq!(
            infer_id_type(Some("CO"), "900.123.456-7"),
            Some(IdType::Nit)
        );
        assert_eq!(infer_id_type(None, "1714307103"), None);
    }
}

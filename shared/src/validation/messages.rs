//! The message catalogue: every finding code in English, Spanish, Portuguese and Polish.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::code::Code;

/// A language messages can be shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Polish.
    Pl,
}

impl Language {
    /// Every language, in catalogue order.
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::Pt, Language::Pl];

    /// The ISO 639-1 code: `en`, `es`, `pt` or `pl`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Pt => "pt",
            Language::Pl => "pl",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = String;

    /// Reads `en`, `es`, `pt` or `pl`, also with a region (`pt-BR`).
    fn from_str(text: &str) -> Result<Language, String> {
        let base = text
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.code() == base)
            .ok_or_else(|| format!("unknown language `{text}`: use en, es, pt or pl"))
    }
}

/// The message for `code` in `language`, with `{name}` where a parameter goes.
pub fn template(code: Code, language: Language) -> &'static str {
    let [en, es, pt, pl] = texts(code);
    match language {
        Language::En => en,
        Language::Es => es,
        Language::Pt => pt,
        Language::Pl => pl,
    }
}

/// "Did you mean {suggestion}?" in `language`, for findings whose template does not quote it.
pub fn did_you_mean(language: Language) -> &'static str {
    match language {
        Language::En => "Did you mean {suggestion}?",
        Language::Es => "¿Quiso decir {suggestion}?",
        Language::Pt => "Você quis dizer {suggestion}?",
        Language::Pl => "Czy chodziło o {suggestion}?",
    }
}

fn texts(code: Code) -> [&'static str; 4] {
    match code {
        Code::FileTooManyRows => [
            "The file has {rows} rows; an import with this profile takes at most {max}. Split the file.",
            "El archivo tiene {rows} filas; una importación con este perfil admite como máximo {max}. Divida el archivo.",
            "O arquivo tem {rows} linhas; uma importação com este perfil admite no máximo {max}. Divida o arquivo.",
            "Liczba wierszy w pliku: {rows}; import z tym profilem może mieć ich najwyżej {max}. Podziel plik.",
        ],
        Code::MappingDuplicateField => [
            "The columns {columns} are all mapped to {field}: keep one.",
            "Las columnas {columns} están asignadas a {field}: deje solo una.",
            "As colunas {columns} estão mapeadas para {field}: mantenha só uma.",
            "Kolumny {columns} są przypisane do pola {field}: zostaw jedną.",
        ],
        Code::MappingRequiredMissing => [
            "No column is mapped to the required field {field}.",
            "Ninguna columna está asignada al campo obligatorio {field}.",
            "Nenhuma coluna está mapeada para o campo obrigatório {field}.",
            "Żadna kolumna nie jest przypisana do wymaganego pola {field}.",
        ],
        Code::RequiredMissing => [
            "{field} is required.",
            "El campo {field} es obligatorio.",
            "O campo {field} é obrigatório.",
            "Pole {field} jest wymagane.",
        ],
        Code::AtLeastOneOfMissing => [
            "Fill at least one of: {fields}.",
            "Complete al menos uno de: {fields}.",
            "Preencha pelo menos um de: {fields}.",
            "Wypełnij co najmniej jedno z pól: {fields}.",
        ],
        Code::UniqueDuplicate => [
            "{field} {value} is repeated on line(s) {lines}.",
            "{field} {value} se repite en la(s) línea(s) {lines}.",
            "{field} {value} se repete na(s) linha(s) {lines}.",
            "{field} {value} powtarza się w wierszach: {lines}.",
        ],
        Code::EmailInvalid => [
            "{value} is not a valid email address.",
            "{value} no es un correo electrónico válido.",
            "{value} não é um e-mail válido.",
            "{value} nie jest poprawnym adresem e-mail.",
        ],
        Code::EmailTypo => [
            "{value} looks like a typo: did you mean {suggestion}?",
            "{value} parece un error de escritura: ¿quiso decir {suggestion}?",
            "{value} parece um erro de digitação: você quis dizer {suggestion}?",
            "{value} wygląda na literówkę: czy chodziło o {suggestion}?",
        ],
        Code::PhoneInvalid => [
            "{value} is not a valid phone number for {country}.",
            "{value} no es un teléfono válido para {country}.",
            "{value} não é um telefone válido para {country}.",
            "{value} nie jest poprawnym numerem telefonu dla kraju {country}.",
        ],
        Code::PhoneExcelDamaged => [
            "{value} was turned into scientific notation by a spreadsheet and lost digits: format the column as text and export again.",
            "Una hoja de cálculo convirtió {value} a notación científica y se perdieron dígitos: dé formato de texto a la columna y vuelva a exportar.",
            "Uma planilha converteu {value} em notação científica e alguns dígitos se perderam: formate a coluna como texto e exporte de novo.",
            "Arkusz kalkulacyjny zamienił {value} na zapis naukowy i część cyfr przepadła: sformatuj kolumnę jako tekst i wyeksportuj ponownie.",
        ],
        Code::PhoneLeadingZeroLost => [
            "{value} seems to have lost its leading zero (a spreadsheet treats it as a number): did you mean {suggestion}?",
            "{value} parece haber perdido el cero inicial (una hoja de cálculo lo trató como número): ¿quiso decir {suggestion}?",
            "{value} parece ter perdido o zero inicial (uma planilha o tratou como número): você quis dizer {suggestion}?",
            "Numer {value} prawdopodobnie stracił zero na początku (arkusz kalkulacyjny potraktował go jak liczbę): czy chodziło o {suggestion}?",
        ],
        Code::PhoneNoCountry => [
            "{value} has no country: write it with + and the country code, or fill country_code.",
            "{value} no tiene país: escríbalo con + y el código de país, o complete country_code.",
            "{value} não tem país: escreva com + e o código do país, ou preencha country_code.",
            "Przy numerze {value} brak kraju: zapisz go z + i numerem kierunkowym kraju albo wypełnij country_code.",
        ],
        Code::CountryInvalid => [
            "{value} is not a country code (use two letters, such as EC or PL).",
            "{value} no es un código de país (use dos letras, como EC o ES).",
            "{value} não é um código de país (use duas letras, como BR ou PT).",
            "{value} nie jest kodem kraju (użyj dwóch liter, np. PL).",
        ],
        Code::TagUnknown => [
            "The tag {value} does not exist.",
            "La etiqueta {value} no existe.",
            "A etiqueta {value} não existe.",
            "Tag {value} nie istnieje.",
        ],
        Code::TagCreated => [
            "The tag {value} is new and will be created.",
            "La etiqueta {value} es nueva y se creará.",
            "A etiqueta {value} é nova e será criada.",
            "Tag {value} jest nowy i zostanie utworzony.",
        ],
        Code::TagFlagInvalid => [
            "{value} is not a tag mark: use 1, x or yes to apply the tag, 0 or blank not to.",
            "{value} no es una marca de etiqueta: use 1, x o sí para aplicarla; 0 o vacío para no aplicarla.",
            "{value} não é uma marca de etiqueta: use 1, x ou sim para aplicá-la; 0 ou vazio para não aplicá-la.",
            "{value} nie jest znacznikiem tagu: wpisz 1, x lub tak, aby nadać tag, albo 0 lub nic, aby go nie nadawać.",
        ],
        Code::AgentInvalid => [
            "The agent {value} is not an email address.",
            "El agente {value} no es un correo electrónico.",
            "O agente {value} não é um e-mail.",
            "Agent {value} nie jest adresem e-mail.",
        ],
        Code::AgentUnknown => [
            "{value} is not an agent of this workspace.",
            "{value} no es un agente de este espacio de trabajo.",
            "{value} não é um agente deste espaço de trabalho.",
            "{value} nie jest agentem tego obszaru roboczego.",
        ],
        Code::AgentUnavailable => [
            "The agent {value} is not taking new customers.",
            "El agente {value} no está recibiendo clientes nuevos.",
            "O agente {value} não está recebendo clientes novos.",
            "Agent {value} nie przyjmuje nowych klientów.",
        ],
        Code::IdTypeUnknown => [
            "{value} is not a known document type.",
            "{value} no es un tipo de documento conocido.",
            "{value} não é um tipo de documento conhecido.",
            "{value} nie jest znanym rodzajem dokumentu.",
        ],
        Code::IdFormat => [
            "{value} is not a valid {id_type}: {expected}.",
            "{value} no es un número de {id_type} válido: {expected}.",
            "{value} não é um número de {id_type} válido: {expected}.",
            "{value} nie jest poprawnym numerem {id_type}: {expected}.",
        ],
        Code::IdCheckDigit => [
            "{value} is not a valid {id_type}: the check digit does not match.",
            "{value} no es un número de {id_type} válido: el dígito verificador no coincide.",
            "{value} não é um número de {id_type} válido: o dígito verificador não confere.",
            "{value} nie jest poprawnym numerem {id_type}: cyfra kontrolna się nie zgadza.",
        ],
        Code::IdTypeMissing => [
            "The document {value} has no type and its type cannot be told: fill id_type.",
            "El documento {value} no tiene tipo y no se puede deducir: complete id_type.",
            "O documento {value} não tem tipo e não é possível deduzi-lo: preencha id_type.",
            "Dokument {value} nie ma rodzaju i nie da się go ustalić: wypełnij id_type.",
        ],
        Code::CustomerTypeInvalid => [
            "{value} is not a customer type: use person or company.",
            "{value} no es un tipo de cliente: use persona o empresa.",
            "{value} não é um tipo de cliente: use pessoa ou empresa.",
            "{value} nie jest typem klienta: wpisz „osoba” lub „firma”.",
        ],
        Code::StatusInvalid => [
            "{value} is not a status: use active or potential.",
            "{value} no es un estado: use activo o potencial.",
            "{value} não é um status: use ativo ou potencial.",
            "{value} nie jest statusem: wpisz „aktywny” lub „potencjalny”.",
        ],
        Code::NumberInvalid => [
            "{value} is not a number.",
            "{value} no es un número.",
            "{value} não é um número.",
            "{value} nie jest liczbą.",
        ],
        Code::CurrencyInvalid => [
            "{value} is not an amount of money.",
            "{value} no es un importe.",
            "{value} não é um valor monetário.",
            "{value} nie jest kwotą.",
        ],
        Code::DateInvalid => [
            "{value} is not a date.",
            "{value} no es una fecha.",
            "{value} não é uma data.",
            "{value} nie jest datą.",
        ],
        Code::DateAmbiguous => [
            "{value} can be read day-first or month-first; read as {suggestion}.",
            "{value} puede leerse con el día o el mes primero; se leyó como {suggestion}.",
            "{value} pode ser lido com o dia ou o mês primeiro; foi lido como {suggestion}.",
            "{value} można odczytać jako dzień-miesiąc lub miesiąc-dzień; odczytano jako {suggestion}.",
        ],
        Code::DateImplausible => [
            "{value} is too far in the past or the future to be meant.",
            "{value} es una fecha demasiado lejana en el pasado o en el futuro.",
            "{value} está longe demais no passado ou no futuro.",
            "{value} jest zbyt odległą datą w przeszłości lub przyszłości.",
        ],
        Code::BooleanInvalid => [
            "{value} is not yes or no.",
            "{value} no es un valor de sí o no.",
            "{value} não é um valor de sim ou não.",
            "{value} nie jest wartością tak/nie.",
        ],
        Code::SelectInvalid => [
            "{value} is not one of: {options}.",
            "{value} no es una de las opciones: {options}.",
            "{value} não é uma das opções: {options}.",
            "{value} nie jest jedną z opcji: {options}.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_text_per_language() {
        for &code in Code::ALL {
            let [en, es, pt, pl] = texts(code);
            assert!(!en.is_empty());
            assert!(en != es && en != pt && en != pl, "{code} is not translated");
        }
    }

    #[test]
    fn languages_parse_with_regions() {
        assert_eq!("pt-BR".parse(), Ok(Language::Pt));
        assert_eq!("PL".parse(), Ok(Language::Pl));
        assert!("de".parse::<Language>().is_err());
    }
}

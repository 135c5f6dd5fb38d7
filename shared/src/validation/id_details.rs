//! What a document number should look like, as the checks in `ids/` say it in English, in the
//! user's language: the `{expected}` of a document-number message.

use super::messages::Language;

/// Each detail the checks give, then its Spanish, Portuguese and Polish.
const DETAILS: [[&str; 4]; 27] = [
    ["10 digits", "10 dígitos", "10 dígitos", "10 cyfr"],
    ["11 digits", "11 dígitos", "11 dígitos", "11 cyfr"],
    ["13 digits", "13 dígitos", "13 dígitos", "13 cyfr"],
    ["8 digits", "8 dígitos", "8 dígitos", "8 cyfr"],
    [
        "7 or 8 digits",
        "7 u 8 dígitos",
        "7 ou 8 dígitos",
        "7 lub 8 cyfr",
    ],
    [
        "3 to 10 digits",
        "de 3 a 10 dígitos",
        "de 3 a 10 dígitos",
        "od 3 do 10 cyfr",
    ],
    [
        "8 to 16 digits",
        "de 8 a 16 dígitos",
        "de 8 a 16 dígitos",
        "od 8 do 16 cyfr",
    ],
    [
        "7 or 8 digits and a check digit",
        "7 u 8 dígitos y un dígito verificador",
        "7 ou 8 dígitos e um dígito verificador",
        "7 lub 8 cyfr i cyfra kontrolna",
    ],
    [
        "8 digits and a letter",
        "8 dígitos y una letra",
        "8 dígitos e uma letra",
        "8 cyfr i litera",
    ],
    [
        "X, Y or Z, 7 digits and a letter",
        "X, Y o Z, 7 dígitos y una letra",
        "X, Y ou Z, 7 dígitos e uma letra",
        "X, Y lub Z, 7 cyfr i litera",
    ],
    [
        "3 to 20 letters and digits",
        "de 3 a 20 letras y dígitos",
        "de 3 a 20 letras e dígitos",
        "od 3 do 20 liter i cyfr",
    ],
    [
        "5 to 20 letters and digits",
        "de 5 a 20 letras y dígitos",
        "de 5 a 20 letras e dígitos",
        "od 5 do 20 liter i cyfr",
    ],
    [
        "14 characters: 12 digits or letters and 2 check digits",
        "14 caracteres: 12 dígitos o letras y 2 dígitos verificadores",
        "14 caracteres: 12 dígitos ou letras e 2 dígitos verificadores",
        "14 znaków: 12 cyfr lub liter i 2 cyfry kontrolne",
    ],
    [
        "18 characters: 4 letters, a date as YYMMDD, H or M, a state, 3 letters and 2 characters",
        "18 caracteres: 4 letras, una fecha AAMMDD, H o M, un estado, 3 letras y 2 caracteres",
        "18 caracteres: 4 letras, uma data AAMMDD, H ou M, um estado, 3 letras e 2 caracteres",
        "18 znaków: 4 litery, data RRMMDD, H lub M, stan, 3 litery i 2 znaki",
    ],
    [
        "3 or 4 letters, a date as YYMMDD and 3 characters",
        "3 o 4 letras, una fecha AAMMDD y 3 caracteres",
        "3 ou 4 letras, uma data AAMMDD e 3 caracteres",
        "3 lub 4 litery, data RRMMDD i 3 znaki",
    ],
    [
        "RENAPO never issues a CURP starting with this word",
        "RENAPO nunca emite una CURP que empiece con esta palabra",
        "o RENAPO nunca emite um CURP que comece com esta palavra",
        "RENAPO nigdy nie wydaje CURP zaczynającego się od tego słowa",
    ],
    [
        "the SAT never issues an RFC starting with this word",
        "el SAT nunca emite un RFC que empiece con esta palabra",
        "o SAT nunca emite um RFC que comece com esta palavra",
        "SAT nigdy nie wydaje RFC zaczynającego się od tego słowa",
    ],
    [
        "a real number, not one digit repeated",
        "un número real, no un mismo dígito repetido",
        "um número real, não um mesmo dígito repetido",
        "prawdziwy numer, a nie jedna powtórzona cyfra",
    ],
    [
        "a real number, not zeros",
        "un número real, no ceros",
        "um número real, não zeros",
        "prawdziwy numer, a nie same zera",
    ],
    [
        "it starts with 10, 15, 16, 17 or 20",
        "empieza por 10, 15, 16, 17 o 20",
        "começa com 10, 15, 16, 17 ou 20",
        "zaczyna się od 10, 15, 16, 17 lub 20",
    ],
    [
        "it starts with 20, 23, 24, 27, 30, 33 or 34",
        "empieza por 20, 23, 24, 27, 30, 33 o 34",
        "começa com 20, 23, 24, 27, 30, 33 ou 34",
        "zaczyna się od 20, 23, 24, 27, 30, 33 lub 34",
    ],
    [
        "the check digit is 0 to 9 or K",
        "el dígito verificador es de 0 a 9 o K",
        "o dígito verificador é de 0 a 9 ou K",
        "cyfra kontrolna to 0–9 lub K",
    ],
    [
        "the establishment number cannot be 000",
        "el número de establecimiento no puede ser 000",
        "o número do estabelecimento não pode ser 000",
        "numer zakładu nie może być 000",
    ],
    [
        "the establishment number cannot be 0000",
        "el número de establecimiento no puede ser 0000",
        "o número do estabelecimento não pode ser 0000",
        "numer zakładu nie może być 0000",
    ],
    [
        "the first two digits must be a province (01 to 24, or 30)",
        "los dos primeros dígitos deben ser una provincia (01 a 24, o 30)",
        "os dois primeiros dígitos devem ser uma província (01 a 24, ou 30)",
        "dwie pierwsze cyfry muszą oznaczać prowincję (01–24 lub 30)",
    ],
    [
        "the third digit must be 0 to 6",
        "el tercer dígito debe ser de 0 a 6",
        "o terceiro dígito deve ser de 0 a 6",
        "trzecia cyfra musi być od 0 do 6",
    ],
    [
        "the third digit must be 0 to 6 or 9",
        "el tercer dígito debe ser de 0 a 6 o 9",
        "o terceiro dígito deve ser de 0 a 6 ou 9",
        "trzecia cyfra musi być od 0 do 6 lub 9",
    ],
];

/// `detail` in `language`; as it is when it is not one of the checks' details.
pub fn id_detail_in(detail: &str, language: Language) -> &str {
    let column = match language {
        Language::En => return detail,
        Language::Es => 1,
        Language::Pt => 2,
        Language::Pl => 3,
    };
    DETAILS
        .iter()
        .find(|row| row[0] == detail)
        .map_or(detail, |row| row[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_detail_the_checks_give_is_translated() {
        // The details the checks in `ids/` give, read from their source.
        let sources = [
            include_str!("ids/argentina.rs"),
            include_str!("ids/brazil.rs"),
            include_str!("ids/chile.rs"),
            include_str!("ids/colombia.rs"),
            include_str!("ids/ecuador.rs"),
            include_str!("ids/mexico.rs"),
            include_str!("ids/mod.rs"),
            include_str!("ids/peru.rs"),
            include_str!("ids/poland.rs"),
            include_str!("ids/spain.rs"),
        ];
        let known: Vec<&str> = DETAILS.iter().map(|row| row[0]).collect();
        for source in sources {
            let code = source.split("#[cfg(test)]").next().unwrap_or(source);
            let code = code.replace("\\\n", "");
            for quoted in code.split('"').skip(1).step_by(2) {
                // A detail is a phrase: words in lower case (not a table of characters).
                let has_word = quoted
                    .as_bytes()
                    .windows(2)
                    .any(|pair| pair.iter().all(u8::is_ascii_lowercase));
                if quoted.contains(' ') && has_word && !quoted.contains('{') {
                    let detail = quoted.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert!(
                        known.contains(&detail.as_str()),
                        "not translated: {detail:?}"
                    );
                }
            }
        }
        let finding =
            crate::validation::finding::Finding::error(crate::validation::code::Code::IdFormat)
                .with("value", "123")
                .with("id_type", "CPF")
                .with("expected", "11 digits");
        assert_eq!(
            finding.message(Language::Es),
            "123 no es un número de CPF válido: 11 dígitos."
        );
        assert_eq!(id_detail_in("11 digits", Language::Pl), "11 cyfr");
        assert_eq!(id_detail_in("11 digits", Language::En), "11 digits");
        assert_eq!(id_detail_in("something new", Language::Es), "something new");
    }
}

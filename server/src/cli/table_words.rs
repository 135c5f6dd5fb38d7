//! The fixed words of `clientela validate`'s table, in the four languages its messages speak
//! (`--lang`).

use clientela_shared::Language;

/// The heading of the suggested mapping.
pub(crate) fn mapping_heading(language: Language, fingerprint: &str) -> String {
    match language {
        Language::En => format!("Suggested mapping (fingerprint {fingerprint}):"),
        Language::Es => format!("Asignación de columnas sugerida (huella {fingerprint}):"),
        Language::Pt => format!("Mapeamento de colunas sugerido (impressão {fingerprint}):"),
        Language::Pl => format!("Proponowane przypisanie kolumn (odcisk {fingerprint}):"),
    }
}

/// Where a finding is: `line 4, column "Apellido"`, `line 4`, `column "Apellido"` or the file.
pub(crate) fn place(language: Language, line: Option<u64>, column: Option<&str>) -> String {
    let (line_word, column_word, file) = match language {
        Language::En => ("line", "column", "file"),
        Language::Es => ("línea", "columna", "archivo"),
        Language::Pt => ("linha", "coluna", "arquivo"),
        Language::Pl => ("wiersz", "kolumna", "plik"),
    };
    match (line, column) {
        (Some(line), Some(column)) => format!("{line_word} {line}, {column_word} \"{column}\""),
        (Some(line), None) => format!("{line_word} {line}"),
        (None, Some(column)) => format!("{column_word} \"{column}\""),
        (None, None) => file.to_owned(),
    }
}

/// What follows the place of a warning (errors have nothing).
pub(crate) fn warning_mark(language: Language) -> &'static str {
    match language {
        Language::En => " (warning)",
        Language::Es => " (advertencia)",
        Language::Pt => " (aviso)",
        Language::Pl => " (ostrzeżenie)",
    }
}

/// The last line: how many rows, valid, with warnings and with errors.
pub(crate) fn summary(
    language: Language,
    rows: u64,
    valid: u64,
    warnings: u64,
    invalid: u64,
) -> String {
    let one_or_many = |count: u64, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    match language {
        Language::En => format!(
            "{}: {valid} valid, {warnings} with warnings, {invalid} with errors",
            one_or_many(rows, "row", "rows")
        ),
        Language::Es => format!(
            "{}: {}, {warnings} con advertencias, {invalid} con errores",
            one_or_many(rows, "fila", "filas"),
            one_or_many(valid, "válida", "válidas")
        ),
        Language::Pt => format!(
            "{}: {}, {warnings} com avisos, {invalid} com erros",
            one_or_many(rows, "linha", "linhas"),
            one_or_many(valid, "válida", "válidas")
        ),
        // Counted after a colon, Polish needs no plural forms.
        Language::Pl => format!(
            "Wiersze: {rows}; poprawne: {valid}; z ostrzeżeniami: {warnings}; z błędami: {invalid}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_says_where_and_how_many() {
        assert_eq!(
            place(Language::Es, Some(4), Some("Apellido")),
            "línea 4, columna \"Apellido\""
        );
        assert_eq!(place(Language::Pt, None, None), "arquivo");
        assert_eq!(
            summary(Language::Es, 5, 1, 0, 4),
            "5 filas: 1 válida, 0 con advertencias, 4 con errores"
        );
        assert_eq!(
            summary(Language::En, 5, 1, 0, 4),
            "5 rows: 1 valid, 0 with warnings, 4 with errors"
        );
        assert!(summary(Language::Pl, 2, 1, 1, 0).starts_with("Wiersze: 2"));
    }
}

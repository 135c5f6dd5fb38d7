use clientela_shared::{Language, OutcomeCounts};

use super::*;

#[test]
fn every_key_has_a_text_in_every_language() {
    for language in Language::ALL {
        for &key in Text::ALL {
            assert!(
                !text(key, language).trim().is_empty(),
                "{key:?} is empty in {language:?}"
            );
        }
    }
}

#[test]
fn every_language_but_english_translates_the_sentences() {
    // Names of countries and a few short words may be the same; sentences may not.
    for language in [Language::Es, Language::Pt, Language::Pl] {
        for &key in Text::ALL {
            let english = text(key, Language::En);
            if english.split_whitespace().count() > 3 {
                assert_ne!(text(key, language), english, "{key:?} in {language:?}");
            }
        }
    }
}

#[test]
fn polish_counts_take_the_form_for_one_for_two_to_four_and_for_the_rest() {
    let rows = |rows: usize| {
        let counts = ReviewCounts {
            rows,
            ..ReviewCounts::default()
        };
        catalogue(Language::Pl).review_counts(&counts)
    };
    assert!(rows(1).starts_with("1 wiersz: "), "{}", rows(1));
    assert!(rows(2).starts_with("2 wiersze: "), "{}", rows(2));
    assert!(rows(5).starts_with("5 wierszy: "), "{}", rows(5));
    assert!(rows(12).starts_with("12 wierszy: "), "{}", rows(12));
    assert!(rows(22).starts_with("22 wiersze: "), "{}", rows(22));

    let fixes = |n| catalogue(Language::Pl).apply_suggestions(n);
    assert_eq!(fixes(1), "Zastosuj 1 sugerowaną poprawkę");
    assert_eq!(fixes(2), "Zastosuj 2 sugerowane poprawki");
    assert_eq!(fixes(5), "Zastosuj 5 sugerowanych poprawek");
    assert_eq!(fixes(12), "Zastosuj 12 sugerowanych poprawek");
    assert_eq!(fixes(22), "Zastosuj 22 sugerowane poprawki");
}

#[test]
fn spanish_and_portuguese_counts_tell_one_from_many() {
    let counts = ReviewCounts {
        rows: 1,
        ready: 1,
        excluded: 2,
        ..ReviewCounts::default()
    };
    assert_eq!(
        catalogue(Language::Es).review_counts(&counts),
        "1 fila: 1 lista para importar, 0 con errores, 0 con advertencias, 2 excluidas."
    );
    assert_eq!(
        catalogue(Language::Pt).review_counts(&counts),
        "1 linha: 1 pronta para importar, 0 com erros, 0 com avisos, 2 deixadas de fora."
    );
    assert_eq!(catalogue(Language::Es).customer_count(1), "1 cliente");
    assert_eq!(catalogue(Language::Pt).customer_count(3), "3 clientes");
    assert_eq!(
        catalogue(Language::Es).corrections_sent(1, 2),
        "1 fila corregida y enviada; 2 filas todavía con errores."
    );
    assert_eq!(
        catalogue(Language::Pt).corrections_sent(3, 1),
        "3 linhas corrigidas e enviadas; 1 linha ainda com erros."
    );
}

#[test]
fn english_reads_as_it_always_has() {
    let en = catalogue(Language::En);
    let counts = ReviewCounts {
        rows: 4,
        ready: 3,
        errors: 1,
        warnings: 1,
        ..ReviewCounts::default()
    };
    assert_eq!(
        en.review_counts(&counts),
        "4 rows: 3 ready to import, 1 with errors, 1 with warnings, 0 left out."
    );
    let outcome = OutcomeCounts {
        created: 3,
        ..OutcomeCounts::default()
    };
    assert_eq!(
        en.import_result(&outcome, 1),
        "3 created, 0 updated, 0 skipped (already stored), 0 rejected by the server; 1 row not sent."
    );
    assert_eq!(text(Text::StepFile, Language::En), "File");
}

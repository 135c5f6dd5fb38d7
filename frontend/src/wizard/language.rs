//! The user's language, from the browser's settings.

use clientela_shared::Language;

/// The first of the browser's languages that Clientela speaks; English otherwise.
pub fn browser_language() -> Language {
    let preferred = web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default();
    language_of(&preferred)
}

/// The language a tag such as `es-EC` or `pt-BR` names.
pub fn language_of(tag: &str) -> Language {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Language::ALL
        .into_iter()
        .find(|language| language.code() == primary)
        .unwrap_or(Language::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_tags_name_their_language() {
        assert_eq!(language_of("es-EC"), Language::Es);
        assert_eq!(language_of("pt_BR"), Language::Pt);
        assert_eq!(language_of("pl"), Language::Pl);
        assert_eq!(language_of("de-DE"), Language::En);
        assert_eq!(language_of(""), Language::En);
    }
}

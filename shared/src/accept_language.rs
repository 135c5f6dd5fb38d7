//! The language an HTTP `Accept-Language` header asks for, among those Clientela speaks.

use crate::validation::messages::Language;

impl Language {
    /// The first language of `header` Clientela speaks, by the caller's preference (`q`), its
    /// primary subtag in any case (`es-EC` and `ES` are Spanish). English when the header names
    /// none of them, names `*` first, or cannot be read; a language with `q=0` is refused.
    ///
    /// ```
    /// use clientela_shared::Language;
    ///
    /// assert_eq!(Language::from_accept_language("es-EC,es;q=0.9,en;q=0.8"), Language::Es);
    /// assert_eq!(Language::from_accept_language("fr-FR, pl;q=0.5"), Language::Pl);
    /// assert_eq!(Language::from_accept_language("fr-FR"), Language::En);
    /// ```
    pub fn from_accept_language(header: &str) -> Language {
        let mut ranges: Vec<(f32, Option<Language>)> = header
            .split(',')
            .filter_map(|range| {
                let mut parts = range.split(';');
                let tag = parts.next()?.trim();
                let weight = weight(parts)?;
                if tag.is_empty() || weight <= 0.0 {
                    return None;
                }
                // `*` is any language: the default one serves it.
                let language = if tag == "*" {
                    Some(Language::En)
                } else {
                    tag.parse().ok()
                };
                Some((weight, language))
            })
            .collect();
        // A stable sort keeps the header's order between equal weights.
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges
            .into_iter()
            .find_map(|(_, language)| language)
            .unwrap_or_default()
    }
}

/// The `q` of a language range's parameters: 1 when absent, `None` when it is not a number
/// from 0 to 1 (the range is then ignored).
fn weight<'a>(parameters: impl Iterator<Item = &'a str>) -> Option<f32> {
    for parameter in parameters {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            let weight: f32 = value.trim().parse().ok()?;
            return (0.0..=1.0).contains(&weight).then_some(weight);
        }
    }
    Some(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(header: &str) -> Language {
        Language::from_accept_language(header)
    }

    #[test]
    fn the_primary_subtag_counts_in_any_case() {
        assert_eq!(language("es-EC,es;q=0.9"), Language::Es);
        assert_eq!(language("PT-br"), Language::Pt);
        assert_eq!(language("pl"), Language::Pl);
        assert_eq!(language(" En-GB "), Language::En);
    }

    #[test]
    fn the_highest_weight_wins_whatever_the_order() {
        assert_eq!(language("en;q=0.5, pl;q=0.8, es"), Language::Es);
        assert_eq!(language("en;q=0.5,pl;q=0.8"), Language::Pl);
        assert_eq!(language("pt;Q=0.9, es;q=0.95"), Language::Es);
    }

    #[test]
    fn equal_weights_keep_the_header_order() {
        assert_eq!(language("pl;q=0.7, es;q=0.7"), Language::Pl);
        assert_eq!(language("pt, es"), Language::Pt);
    }

    #[test]
    fn unsupported_languages_are_skipped() {
        assert_eq!(language("fr-FR,fr;q=0.9,pt;q=0.3"), Language::Pt);
        assert_eq!(language("de, fr"), Language::En);
    }

    #[test]
    fn a_refused_or_unreadable_range_does_not_count() {
        assert_eq!(language("es;q=0, pl;q=0.2"), Language::Pl);
        assert_eq!(language("es;q=abc, pl;q=0.2"), Language::Pl);
        assert_eq!(language("es;q=2"), Language::En);
    }

    #[test]
    fn a_wildcard_is_answered_in_english() {
        assert_eq!(language("*"), Language::En);
        assert_eq!(language("fr, *;q=0.5, es;q=0.4"), Language::En);
        assert_eq!(language("fr, es;q=0.4, *;q=0.1"), Language::Es);
    }

    #[test]
    fn an_empty_or_garbled_header_is_english() {
        assert_eq!(language(""), Language::En);
        assert_eq!(language(",;;,"), Language::En);
        assert_eq!(language("español"), Language::En);
    }
}

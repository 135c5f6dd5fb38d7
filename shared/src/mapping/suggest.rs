//! Suggesting a mapping from headers, a sample of rows and the profile.

use super::column::{ColumnMapping, MatchReason, Target};
use super::plan::Mapping;
use super::sniff::sniff;
use super::synonyms::{self, AMBIGUOUS_NAMES};
use crate::schema::field::Field;
use crate::schema::profile::Profile;
use crate::table::Table;
use crate::text::{compact, edit_distance, fold};

/// Suggests a target for every header, with a confidence.
///
/// Headers are compared folded (case, accents, punctuation and spacing ignored) with synonyms in
/// English, Spanish, Portuguese and Polish and with the profile's custom fields; then allowing a
/// typo; then as words inside a longer header. Columns still unknown are judged by their cells
/// in `sample`. When two columns claim a field, the surer one keeps it (a second phone becomes the
/// mobile) and the other is kept as additional data.
///
/// ```
/// use clientela_shared::{Field, Profile, Target, suggest_mapping};
///
/// let headers = ["Nombre".to_owned(), "Apellidos".to_owned(), "Correo".to_owned(), "Dato".to_owned()];
/// let sample = [vec!["Ana", "Pérez", "ana@example.com", "+593991234567"]];
/// let mapping = suggest_mapping(&headers, &sample, &Profile::default());
/// let targets: Vec<&Target> = mapping.columns.iter().map(|c| &c.target).collect();
/// assert_eq!(targets, [
///     &Target::Field(Field::FirstName),
///     &Target::Field(Field::LastName),
///     &Target::Field(Field::Email),
///     &Target::Field(Field::Phone),
/// ]);
/// ```
pub fn suggest_mapping<R, S>(headers: &[String], sample: &[R], profile: &Profile) -> Mapping
where
    R: AsRef<[S]>,
    S: AsRef<str>,
{
    let mut candidates: Vec<(Target, u8, MatchReason)> = headers
        .iter()
        .map(|header| from_header(header, profile))
        .collect();

    let country = profile.default_country.as_deref();
    for (index, candidate) in candidates.iter_mut().enumerate() {
        let ambiguous = matches!(candidate.0, Target::Field(Field::State | Field::Status))
            && compact(&headers[index]) == "estado";
        if candidate.2 != MatchReason::None && !ambiguous {
            continue;
        }
        let cells: Vec<&str> = sample
            .iter()
            .filter_map(|row| row.as_ref().get(index).map(AsRef::as_ref))
            .collect();
        match sniff(&cells, country) {
            Some((field, confidence)) => {
                *candidate = (Target::Field(field), confidence, MatchReason::Content)
            }
            None if ambiguous => {
                *candidate = (Target::Field(Field::State), 60, MatchReason::Synonym)
            }
            None => {}
        }
    }

    // "Nombre" next to "Apellidos" is the first name, not the whole name.
    let has_surname = candidates
        .iter()
        .any(|(target, _, _)| *target == Target::Field(Field::LastName));
    if has_surname {
        for (index, candidate) in candidates.iter_mut().enumerate() {
            if candidate.0 == Target::Field(Field::FullName)
                && AMBIGUOUS_NAMES.contains(&compact(&headers[index]).as_str())
            {
                candidate.0 = Target::Field(Field::FirstName);
            }
        }
    }

    let columns = resolve_conflicts(headers, candidates, profile);
    Mapping {
        fingerprint: Mapping::fingerprint_of(headers),
        columns,
    }
}

/// How many rows [`suggest_mapping_for_table`] looks at to judge columns by their content.
pub const SAMPLE_ROWS: usize = 200;

/// [`suggest_mapping`] for a table read by [`read_table`](crate::read_table), judging content
/// from its first 200 rows.
pub fn suggest_mapping_for_table(table: &Table, profile: &Profile) -> Mapping {
    let sample: Vec<Vec<&str>> = table
        .rows()
        .take(SAMPLE_ROWS)
        .map(|row| row.cells().collect())
        .collect();
    suggest_mapping(table.columns(), &sample, profile)
}

/// The best guess from the header alone.
fn from_header(header: &str, profile: &Profile) -> (Target, u8, MatchReason) {
    if let Some(tag) = tag_column(header) {
        return (Target::Tag(tag), 100, MatchReason::TagColumn);
    }
    let key = compact(header);
    if key.is_empty() {
        return (unmapped(profile), 0, MatchReason::None);
    }
    for custom in &profile.custom_fields {
        if compact(&custom.key) == key || compact(&custom.label) == key {
            return (
                Target::Custom(custom.key.clone()),
                95,
                MatchReason::CustomField,
            );
        }
    }
    if let Some(field) = Field::ALL
        .into_iter()
        .find(|field| compact(field.key()) == key)
    {
        return (Target::Field(field), 100, MatchReason::Synonym);
    }
    if let Some((_, field)) = synonyms::all().find(|(word, _)| *word == key) {
        return (Target::Field(field), 95, MatchReason::Synonym);
    }
    // A typo: one edit in a short header, two in a long one; digits must agree ("Phone 2" is not "Phone").
    if key.len() >= 5 {
        let limit = if key.len() >= 9 { 2 } else { 1 };
        let fuzzy = synonyms::all()
            .filter(|(word, _)| word.len() >= 4 && same_digits(word, &key))
            .map(|(word, field)| (edit_distance(word, &key), field))
            .filter(|(distance, _)| *distance <= limit)
            .min_by_key(|(distance, _)| *distance);
        if let Some((_, field)) = fuzzy {
            return (Target::Field(field), 70, MatchReason::Fuzzy);
        }
    }
    // A synonym among other words: "Customer email", "Teléfono móvil del cliente".
    let folded = fold(header);
    let words: Vec<&str> = folded.split(' ').collect();
    let contained = synonyms::all()
        .filter(|(word, _)| word.len() >= 3)
        .filter(|(word, _)| {
            (2..=words.len())
                .rev()
                .chain([1])
                .any(|width| words.windows(width).any(|window| window.concat() == *word))
        })
        .max_by_key(|(word, _)| word.len());
    if let Some((_, field)) = contained {
        return (Target::Field(field), 60, MatchReason::Contains);
    }
    (unmapped(profile), 0, MatchReason::None)
}

fn same_digits(a: &str, b: &str) -> bool {
    a.chars()
        .filter(char::is_ascii_digit)
        .eq(b.chars().filter(char::is_ascii_digit))
}

/// `TAG-VIP`, `tag_vip`, `Tag: VIP` → `VIP`.
fn tag_column(header: &str) -> Option<String> {
    let trimmed = header.trim();
    let (prefix, rest) = (trimmed.get(..3)?, trimmed.get(3..)?);
    let name = rest.strip_prefix(['-', '_', ':'])?.trim();
    (prefix.eq_ignore_ascii_case("tag") && !name.is_empty()).then(|| name.to_owned())
}

fn unmapped(profile: &Profile) -> Target {
    if profile.keep_unmapped {
        Target::Extra
    } else {
        Target::Ignore
    }
}

/// The surest column keeps each field; a second phone becomes the mobile (and the other way round).
fn resolve_conflicts(
    headers: &[String],
    candidates: Vec<(Target, u8, MatchReason)>,
    profile: &Profile,
) -> Vec<ColumnMapping> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&index| (std::cmp::Reverse(candidates[index].1), index));
    let mut taken: Vec<Target> = Vec::new();
    let mut columns: Vec<Option<ColumnMapping>> = vec![None; candidates.len()];
    for index in order {
        let (mut target, mut confidence, mut reason) = candidates[index].clone();
        let claims = matches!(target, Target::Field(_) | Target::Custom(_));
        if claims && taken.contains(&target) {
            let alternative = match target {
                Target::Field(Field::Phone) => Some(Target::Field(Field::Mobile)),
                Target::Field(Field::Mobile) => Some(Target::Field(Field::Phone)),
                _ => None,
            };
            match alternative.filter(|alt| !taken.contains(alt)) {
                Some(alt) => {
                    target = alt;
                    confidence = confidence.saturating_sub(10);
                }
                None => {
                    target = unmapped(profile);
                    confidence = 0;
                    reason = MatchReason::None;
                }
            }
        }
        if matches!(target, Target::Field(_) | Target::Custom(_)) {
            taken.push(target.clone());
        }
        columns[index] = Some(ColumnMapping {
            header: headers[index].clone(),
            target,
            confidence,
            reason,
        });
    }
    columns.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(headers: &[&str], sample: &[Vec<&str>], profile: &Profile) -> Vec<Target> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        suggest_mapping(&headers, sample, profile)
            .columns
            .into_iter()
            .map(|c| c.target)
            .collect()
    }

    fn field(field: Field) -> Target {
        Target::Field(field)
    }

    #[test]
    fn synonyms_in_four_languages() {
        let got = targets(
            &[
                "Teléfono",
                "Correo electrónico",
                "Imię",
                "Nazwisko",
                "telefone",
                "e-mail",
                "Empresa",
                "Cédula",
            ],
            &[],
            &Profile::default(),
        );
        assert_eq!(
            got,
            [
                field(Field::Phone),
                // "e-mail" is the field's own key, surer than the synonym "Correo electrónico".
                Target::Extra,
                field(Field::FirstName),
                field(Field::LastName),
                field(Field::Mobile),
                field(Field::Email),
                field(Field::Company),
                field(Field::IdNumber),
            ]
        );
    }

    #[test]
    fn upper_case_account_headers() {
        let got = targets(
            &["FIRST SURNAME", "DOCUMENT NUMBER", "DOCUMENT TYPE", "NAME"],
            &[],
            &Profile::default(),
        );
        assert_eq!(
            got,
            [
                field(Field::LastName),
                field(Field::IdNumber),
                field(Field::IdType),
                field(Field::FirstName)
            ]
        );
    }

    #[test]
    fn headers_with_multibyte_letters_near_the_start_do_not_panic() {
        assert_eq!(
            targets(&["a€b", "Tą", "TAG-Zażółć"], &[], &Profile::default())[2],
            Target::Tag("Zażółć".into())
        );
    }

    #[test]
    fn name_alone_is_the_full_name() {
        assert_eq!(
            targets(&["Nombre"], &[], &Profile::default()),
            [field(Field::FullName)]
        );
    }

    #[test]
    fn a_typo_and_extra_words_still_match() {
        let got = targets(
            &["Emial", "Customer phone number", "Phone 2"],
            &[],
            &Profile::default(),
        );
        assert_eq!(
            got,
            [
                field(Field::Email),
                field(Field::Phone),
                field(Field::Mobile)
            ]
        );
    }

    #[test]
    fn tag_columns_and_custom_fields() {
        let profile = Profile::from_toml(
            "[[custom_fields]]\nkey = \"birthday\"\nlabel = \"Fecha de nacimiento\"\ntype = \"date\"\n",
        )
        .unwrap();
        let got = targets(
            &["TAG-VIP", "tag_Newsletter", "Fecha de Nacimiento"],
            &[],
            &profile,
        );
        assert_eq!(
            got,
            [
                Target::Tag("VIP".into()),
                Target::Tag("Newsletter".into()),
                Target::Custom("birthday".into())
            ]
        );
    }

    #[test]
    fn content_decides_unknown_headers() {
        let sample = vec![
            vec!["ana@example.com", "Activo"],
            vec!["luis@example.com", "Potencial"],
        ];
        assert_eq!(
            targets(&["Dato 1", "Estado"], &sample, &Profile::default()),
            [field(Field::Email), field(Field::Status)]
        );
        let sample = vec![vec!["Pichincha"], vec!["Guayas"]];
        assert_eq!(
            targets(&["Estado"], &sample, &Profile::default()),
            [field(Field::State)]
        );
    }

    #[test]
    fn unmapped_columns_are_extra_unless_the_profile_drops_them() {
        let profile = Profile {
            keep_unmapped: false,
            ..Profile::default()
        };
        assert_eq!(targets(&["Zodiac sign"], &[], &profile), [Target::Ignore]);
        assert_eq!(
            targets(&["Zodiac sign"], &[], &Profile::default()),
            [Target::Extra]
        );
    }

    #[test]
    fn the_surer_column_keeps_the_field() {
        let got = targets(&["Mail", "Email"], &[], &Profile::default());
        assert_eq!(got, [Target::Extra, field(Field::Email)]);
    }
}

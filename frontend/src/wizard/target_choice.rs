//! The choices of the mapping step's drop-down, and how a choice is written in an `<option>`'s
//! value (`field:email`, `custom:birthday`, `tag:VIP`, `extra`, `ignore`).

use clientela_shared::{Field, Language, Profile, Target};

use crate::text::{Text, catalogue};

/// One choice: the value in the page and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The `<option>`'s value.
    pub value: String,
    /// What the user reads.
    pub label: String,
}

/// Every target a column can go to, with `current` among them even if the workspace does not
/// list it (a `TAG-` column of a new tag).
pub fn choices(profile: &Profile, current: &Target, language: Language) -> Vec<Choice> {
    let mut targets = vec![Target::Ignore, Target::Extra];
    targets.extend(Field::ALL.into_iter().map(Target::Field));
    targets.extend(
        profile
            .custom_fields
            .iter()
            .map(|c| Target::Custom(c.key.clone())),
    );
    targets.extend(profile.tags.iter().map(|tag| Target::Tag(tag.clone())));
    if !targets.contains(current) {
        targets.push(current.clone());
    }
    targets
        .iter()
        .map(|target| Choice {
            value: encode(target),
            label: label(target, profile, language),
        })
        .collect()
}

/// The label of `target` for the user.
pub fn label(target: &Target, profile: &Profile, language: Language) -> String {
    match target {
        Target::Field(field) => field.label(language).to_owned(),
        Target::Custom(key) => profile
            .custom_fields
            .iter()
            .find(|custom| &custom.key == key)
            .map_or_else(|| key.clone(), |custom| custom.label.clone()),
        Target::Tag(tag) => catalogue(language).tag_label(tag),
        Target::Extra => catalogue(language)
            .text(Text::KeepAsAdditionalData)
            .to_owned(),
        Target::Ignore => catalogue(language).text(Text::IgnoreThisColumn).to_owned(),
    }
}

/// The `<option>` value of `target`.
pub fn encode(target: &Target) -> String {
    match target {
        Target::Field(field) => format!("field:{}", field.key()),
        Target::Custom(key) => format!("custom:{key}"),
        Target::Tag(tag) => format!("tag:{tag}"),
        Target::Extra => "extra".to_owned(),
        Target::Ignore => "ignore".to_owned(),
    }
}

/// The target an `<option>` value names.
pub fn decode(value: &str) -> Option<Target> {
    match value.split_once(':') {
        Some(("field", key)) => Field::from_key(key).map(Target::Field),
        Some(("custom", key)) => Some(Target::Custom(key.to_owned())),
        Some(("tag", tag)) => Some(Target::Tag(tag.to_owned())),
        _ => match value {
            "extra" => Some(Target::Extra),
            "ignore" => Some(Target::Ignore),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_decodes_to_its_target() {
        let profile = Profile::from_toml(
            "tags = [\"VIP: gold\"]\n[[custom_fields]]\nkey = \"birthday\"\nlabel = \"Birthday\"\ntype = \"date\"",
        )
        .unwrap();
        let current = Target::Tag("New".into());
        let all = choices(&profile, &current, Language::En);
        assert!(all.iter().any(|c| c.label == "Birthday"));
        for choice in all {
            let target = decode(&choice.value).unwrap();
            assert_eq!(encode(&target), choice.value);
        }
        assert_eq!(
            decode("tag:VIP: gold"),
            Some(Target::Tag("VIP: gold".into()))
        );
        assert_eq!(decode("nonsense"), None);
    }
}

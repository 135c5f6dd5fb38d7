//! The rules an import's records are checked with. The client says which profile it checked
//! with, but the rules come from the workspace:
//!
//! - a profile named like one the admins saved (ignoring case and spaces around) is that saved
//!   profile, whatever rules came with the name; only the default country the user chose for
//!   rows naming none is kept;
//! - any other profile keeps its own rules under no name (it is not a saved one), but only an
//!   admin may let it accept tags the workspace does not know (`unknown_tags = "create"`), and
//!   its custom fields are the workspace's only;
//! - the known tags are the workspace's (unless a saved profile lists its own), and the
//!   workspace's custom fields apply to every profile.
//!
//! The server applies this to every import it opens; `clientela import` and the browser apply
//! it too, so that what they show is what the server will answer.

use crate::account::Role;
use crate::schema::profile::{CustomField, Profile, UnknownTags};
use crate::schema_api::NamedProfile;

/// What an import's rules come from besides the client.
#[derive(Debug, Clone, Copy)]
pub struct WorkspaceRules<'a> {
    /// The profiles the workspace's admins saved.
    pub saved: &'a [NamedProfile],
    /// The workspace's known tags.
    pub tags: &'a [String],
    /// The workspace's custom fields.
    pub custom_fields: &'a [CustomField],
}

impl WorkspaceRules<'_> {
    /// The saved profile called `name`, ignoring case and spaces around.
    pub fn saved_profile(&self, name: &str) -> Option<&NamedProfile> {
        let name = name.trim().to_lowercase();
        self.saved
            .iter()
            .find(|saved| saved.name.trim().to_lowercase() == name)
    }

    /// The profile an import by a user of `role` is checked with, when the client sent `sent`.
    pub fn import_profile(&self, role: Role, sent: Profile) -> Profile {
        let saved = sent
            .name
            .as_deref()
            .and_then(|name| self.saved_profile(name));
        let mut profile = match saved {
            Some(saved) => Profile {
                name: Some(saved.name.clone()),
                default_country: sent
                    .default_country
                    .or(saved.profile.default_country.clone()),
                ..saved.profile.clone()
            },
            None => {
                let mut own = sent;
                own.name = None;
                own.tags.clear();
                own.custom_fields.clear();
                if role != Role::Admin {
                    own.unknown_tags = UnknownTags::Error;
                }
                own
            }
        };
        if profile.tags.is_empty() {
            profile.tags = self.tags.to_vec();
        }
        profile.add_workspace_fields(self.custom_fields);
        profile
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict() -> NamedProfile {
        NamedProfile {
            name: "Strict".to_owned(),
            profile: Profile::from_toml(
                "required = [\"email\"]\ndefault_country = \"ES\"\nunknown_tags = \"create\"",
            )
            .unwrap(),
            toml: None,
        }
    }

    fn profile_for(role: Role, sent: Profile) -> Profile {
        let saved = [strict()];
        let tags = ["vip".to_owned()];
        let rules = WorkspaceRules {
            saved: &saved,
            tags: &tags,
            custom_fields: &[],
        };
        rules.import_profile(role, sent)
    }

    fn named(name: &str) -> Profile {
        Profile {
            name: Some(name.to_owned()),
            ..Profile::default()
        }
    }

    #[test]
    fn a_saved_profiles_name_brings_its_rules_whatever_the_client_sent() {
        let profile = profile_for(Role::Agent, named("Strict"));
        assert_eq!(profile.required, ["email"]);
        assert_eq!(profile.unknown_tags, UnknownTags::Create);
        assert_eq!(profile.default_country.as_deref(), Some("ES"));
        assert_eq!(profile.tags, ["vip"]);
    }

    #[test]
    fn a_saved_profiles_name_is_found_ignoring_case_and_spaces() {
        let profile = profile_for(Role::Agent, named(" strict "));
        assert_eq!(profile.name.as_deref(), Some("Strict"));
        assert_eq!(profile.required, ["email"]);
    }

    #[test]
    fn a_profile_of_its_own_has_no_name_and_only_the_workspaces_custom_fields() {
        let sent = Profile::from_toml(
            "name = \"Strikt\"\n[[custom_fields]]\nkey = \"made_up\"\nlabel = \"M\"\ntype = \"text\"\n",
        )
        .unwrap();
        let profile = profile_for(Role::Agent, sent);
        assert_eq!(profile.name, None);
        assert!(
            profile.custom_fields.is_empty(),
            "{:?}",
            profile.custom_fields
        );
    }

    #[test]
    fn the_users_default_country_wins_over_the_saved_profiles() {
        let sent = Profile {
            default_country: Some("PT".to_owned()),
            ..named("Strict")
        };
        let profile = profile_for(Role::Agent, sent);
        assert_eq!(profile.default_country.as_deref(), Some("PT"));
        assert_eq!(profile.required, ["email"]);
    }

    #[test]
    fn only_an_admin_may_accept_unknown_tags_without_a_saved_profile() {
        let sent = Profile {
            unknown_tags: UnknownTags::Create,
            tags: vec!["made-up".to_owned()],
            ..named("Mine")
        };
        let agent = profile_for(Role::Supervisor, sent.clone());
        assert_eq!(agent.unknown_tags, UnknownTags::Error);
        assert_eq!(agent.tags, ["vip"]);
        let admin = profile_for(Role::Admin, sent);
        assert_eq!(admin.unknown_tags, UnknownTags::Create);
        assert_eq!(admin.tags, ["vip"]);
    }

    #[test]
    fn a_profile_of_its_own_keeps_its_stricter_rules() {
        let sent = Profile {
            required: vec!["phone".to_owned()],
            ..Profile::default()
        };
        let profile = profile_for(Role::Agent, sent);
        assert_eq!(profile.required, ["phone"]);
    }
}

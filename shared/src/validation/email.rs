//! Email addresses: the syntax isemail calls "valid and usable", and typos in common domains.
//!
//! Usable means what a CRM can send to: a dot-atom local part, `@`, and a domain of two or more
//! DNS labels. Quoted local parts, comments, folding white space, IP literals and TLD-only domains
//! are valid for RFC 5321/5322 but refused here, as isemail refuses them by default.

use crate::text::edit_distance;

const LOCAL_MAX: usize = 64;
const ADDRESS_MAX: usize = 254;
const LABEL_MAX: usize = 63;

/// Email domains common among customers, to spot typos such as `gmial.com`; also the domains
/// that are one edit away from another but real (`mail.com`, `ymail.com`).
const COMMON_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.es",
    "hotmail.com.br",
    "outlook.com",
    "outlook.es",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.es",
    "yahoo.com.br",
    "yahoo.com.mx",
    "ymail.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "mail.com",
    "email.com",
    "gmx.com",
    "protonmail.com",
    "proton.me",
    "uol.com.br",
    "bol.com.br",
    "terra.com.br",
    "wp.pl",
    "onet.pl",
    "interia.pl",
    "o2.pl",
    "gazeta.pl",
];

/// An address written correctly, lower-cased; or `None` when it is not usable.
pub fn normalise_email(address: &str) -> Option<String> {
    is_usable_email(address).then(|| address.to_ascii_lowercase())
}

/// Whether `address` is a usable email address (see the module docs).
pub fn is_usable_email(address: &str) -> bool {
    if address.len() > ADDRESS_MAX {
        return false;
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    is_dot_atom(local) && local.len() <= LOCAL_MAX && is_usable_domain(domain)
}

fn is_dot_atom(local: &str) -> bool {
    !local.is_empty()
        && local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.bytes().all(is_atext))
}

fn is_atext(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&byte)
}

fn is_usable_domain(domain: &str) -> bool {
    // Walked label by label without collecting them: every email cell of a file comes here.
    let well_formed = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= LABEL_MAX
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let Some((_, top)) = domain.rsplit_once('.') else {
        return false;
    };
    well_formed && !top.bytes().all(|b| b.is_ascii_digit())
}

/// The address with its domain corrected, when the domain is one or two typing slips away from a
/// common one (`ana@gmial.com` → `ana@gmail.com`).
pub fn likely_typo(address: &str) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    let domain = domain.to_ascii_lowercase();
    if COMMON_DOMAINS.contains(&domain.as_str()) {
        return None;
    }
    let limit = if domain.len() > 9 { 2 } else { 1 };
    COMMON_DOMAINS
        .iter()
        .map(|common| (edit_distance(&domain, common), common))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, common)| format!("{}@{common}", local.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_usable_and_lower_cased() {
        assert_eq!(
            normalise_email("Ana.Perez+crm@Example.COM").as_deref(),
            Some("ana.perez+crm@example.com")
        );
    }

    #[test]
    fn quoted_local_parts_and_ip_literals_are_refused() {
        assert!(!is_usable_email("\"ana perez\"@example.com"));
        assert!(!is_usable_email("ana@[192.168.0.1]"));
        assert!(!is_usable_email("ana@localhost"));
        assert!(!is_usable_email("ana@example.123"));
    }

    #[test]
    fn dots_hyphens_and_spaces_in_the_wrong_place_are_refused() {
        for bad in [
            "ana..perez@example.com",
            ".ana@example.com",
            "ana.@example.com",
            "ana@-example.com",
            "ana@example-.com",
            "ana perez@example.com",
            "ana@example..com",
            "ana@",
            "@example.com",
            "ana",
        ] {
            assert!(!is_usable_email(bad), "{bad}");
        }
    }

    #[test]
    fn common_domain_typos_are_caught() {
        assert_eq!(
            likely_typo("ana@gmial.com").as_deref(),
            Some("ana@gmail.com")
        );
        assert_eq!(
            likely_typo("Ana@HOTMIAL.COM").as_deref(),
            Some("ana@hotmail.com")
        );
        assert_eq!(
            likely_typo("ana@gmail.con").as_deref(),
            Some("ana@gmail.com")
        );
        assert_eq!(likely_typo("ana@mail.com"), None);
        assert_eq!(likely_typo("ana@gmail.com"), None);
        assert_eq!(likely_typo("ana@clientela.dev"), None);
    }
}

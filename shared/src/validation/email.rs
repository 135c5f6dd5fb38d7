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

/// Whether `local` is atoms of atext joined by single dots. One pass over the bytes: every email
/// cell of a file comes here.
fn is_dot_atom(local: &str) -> bool {
    let mut atom_empty = true;
    for &b in local.as_bytes() {
        if b == b'.' {
            if atom_empty {
                return false;
            }
            atom_empty = true;
        } else if is_atext(b) {
            atom_empty = false;
        } else {
            return false;
        }
    }
    !atom_empty
}

fn is_atext(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&byte)
}

/// Whether `domain` is two or more labels of letters, digits and inner hyphens, each of at most
/// 63 bytes, the last not all digits. One pass over the bytes, as for the local part.
fn is_usable_domain(domain: &str) -> bool {
    let mut dots = 0;
    let mut label_len = 0;
    let mut label_all_digits = true;
    let mut previous = b'.';
    for &b in domain.as_bytes() {
        if b == b'.' {
            if label_len == 0 || previous == b'-' {
                return false;
            }
            dots += 1;
            label_len = 0;
            label_all_digits = true;
        } else if b.is_ascii_alphanumeric() || b == b'-' {
            if label_len == 0 && b == b'-' {
                return false;
            }
            label_len += 1;
            if label_len > LABEL_MAX {
                return false;
            }
            label_all_digits &= b.is_ascii_digit();
        } else {
            return false;
        }
        previous = b;
    }
    dots > 0 && label_len > 0 && previous != b'-' && !label_all_digits
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

    /// The label-by-label checks the one-pass ones replaced, to compare with.
    fn is_dot_atom_by_atoms(local: &str) -> bool {
        !local.is_empty()
            && local
                .split('.')
                .all(|atom| !atom.is_empty() && atom.bytes().all(is_atext))
    }

    fn is_usable_domain_by_labels(domain: &str) -> bool {
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

    #[test]
    fn one_pass_checks_agree_with_the_label_by_label_ones() {
        // Every string of up to six of these pieces, then labels around the 63-byte limit.
        let pieces = ["a", "0", ".", "-", "!", " ", "é", "Z"];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|text| pieces.iter().map(move |piece| format!("{text}{piece}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        let long = "a".repeat(LABEL_MAX);
        for extra in ["", "a", "-", "1"] {
            texts.push(format!("{long}{extra}.com"));
            texts.push(format!("example.{long}{extra}"));
            texts.push(format!("x.{extra}{long}"));
        }
        for text in &texts {
            assert_eq!(is_dot_atom(text), is_dot_atom_by_atoms(text), "{text:?}");
            assert_eq!(
                is_usable_domain(text),
                is_usable_domain_by_labels(text),
                "{text:?}"
            );
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

//! Answers a validator remembers between rows: files ask the same questions again and again.

use std::collections::HashMap;

use super::email::likely_typo;
use super::ids::IdType;
use super::phone::{PhoneProblem, normalise_phone};

/// Answers to questions files ask again and again: a phone number read in a country, whether an
/// email domain is a typo of a common one, what a choice cell means.
#[derive(Debug, Default)]
pub(crate) struct Caches {
    /// Country → number as written → verdict. Keyed by country first so that a lookup borrows
    /// the cell instead of copying it into a key.
    phones: HashMap<Option<&'static str>, HashMap<String, Result<String, PhoneProblem>>>,
    phone_entries: usize,
    /// Domain → the common domain it is a likely typo of.
    domain_typos: HashMap<String, Option<String>>,
    pub(crate) countries: RecentAnswers<Option<&'static str>>,
    pub(crate) id_types: RecentAnswers<Option<IdType>>,
    pub(crate) customer_types: RecentAnswers<Option<&'static str>>,
    pub(crate) statuses: RecentAnswers<Option<&'static str>>,
}

impl Caches {
    /// Past this many entries a cache is emptied, so a file of distinct values cannot grow it
    /// without bound.
    const MAX_ENTRIES: usize = 100_000;

    pub(crate) fn phone(
        &mut self,
        country: Option<&'static str>,
        value: &str,
    ) -> Result<String, PhoneProblem> {
        if let Some(known) = self
            .phones
            .get(&country)
            .and_then(|numbers| numbers.get(value))
        {
            return known.clone();
        }
        if self.phone_entries >= Caches::MAX_ENTRIES {
            self.phones.clear();
            self.phone_entries = 0;
        }
        let verdict = normalise_phone(value, country);
        self.phones
            .entry(country)
            .or_default()
            .insert(value.to_owned(), verdict.clone());
        self.phone_entries += 1;
        verdict
    }

    /// The corrected address when `email`'s domain is a likely typo.
    pub(crate) fn email_typo(&mut self, email: &str) -> Option<String> {
        let (local, domain) = email.rsplit_once('@')?;
        if self.domain_typos.len() >= Caches::MAX_ENTRIES {
            self.domain_typos.clear();
        }
        let fixed = match self.domain_typos.get(domain) {
            Some(fixed) => fixed.as_deref()?.to_owned(),
            None => {
                let fixed = likely_typo(&format!("x@{domain}")).map(|fixed| fixed[2..].to_owned());
                self.domain_typos.insert(domain.to_owned(), fixed.clone());
                fixed?
            }
        };
        Some(format!("{local}@{fixed}"))
    }
}

/// The answers for the last few values asked about. A choice column (country, document type,
/// status, customer type) holds a handful of values, often alternating from row to row, and
/// comparing with a few remembered ones costs far less than folding the text again.
#[derive(Debug)]
pub(crate) struct RecentAnswers<T> {
    known: Vec<(String, T)>,
}

impl<T> Default for RecentAnswers<T> {
    fn default() -> Self {
        RecentAnswers { known: Vec::new() }
    }
}

impl<T: Copy> RecentAnswers<T> {
    /// How many values are remembered; past it the list starts again, so a column of distinct
    /// values costs one short scan per row and no more.
    const KEPT: usize = 8;

    pub(crate) fn get(&mut self, value: &str, answer: impl FnOnce(&str) -> T) -> T {
        if let Some((_, known)) = self.known.iter().find(|(seen, _)| seen == value) {
            return *known;
        }
        if self.known.len() >= Self::KEPT {
            self.known.clear();
        }
        let known = answer(value);
        self.known.push((value.to_owned(), known));
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_answers_are_not_asked_again() {
        let mut answers = RecentAnswers::default();
        let mut asked = 0;
        for value in ["Activo", "Potencial", "Activo", "Potencial", "Activo"] {
            answers.get(value, |v| {
                asked += 1;
                v.len()
            });
        }
        assert_eq!(asked, 2);
    }

    #[test]
    fn recent_answers_stay_bounded() {
        let mut answers = RecentAnswers::default();
        for n in 0..100 {
            assert_eq!(
                answers.get(&n.to_string(), |v| v.len()),
                n.to_string().len()
            );
        }
        assert!(answers.known.len() <= RecentAnswers::<usize>::KEPT);
    }

    #[test]
    fn a_cached_phone_verdict_is_the_first_one() {
        let mut caches = Caches::default();
        let first = caches.phone(Some("EC"), "0991234567");
        assert_eq!(first.as_deref(), Ok("+593991234567"));
        assert_eq!(caches.phone(Some("EC"), "0991234567"), first);
        // The same digits read in another country are another question.
        assert_ne!(caches.phone(Some("PL"), "0991234567"), first);
    }

    #[test]
    fn domain_typos_are_remembered_with_their_fix() {
        let mut caches = Caches::default();
        for _ in 0..2 {
            assert_eq!(
                caches.email_typo("ana@gmial.com").as_deref(),
                Some("ana@gmail.com")
            );
            assert_eq!(caches.email_typo("ana@example.com"), None);
        }
    }
}

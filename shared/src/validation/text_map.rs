//! A small map from names to text, kept as one vector sorted by name.
//!
//! A record holds about a dozen fields and a finding one to three parameters. As B-trees, every
//! record cost three node allocations of half a kilobyte each and every finding one, most of it
//! empty; a million-row report spent more time allocating, faulting in and freeing those nodes
//! than checking the cells. A sorted vector holds the same entries in one allocation the size of
//! the entries, finds a name by binary search, and iterates, compares and serialises in the same
//! order as a `BTreeMap`, so the JSON is unchanged.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Index;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Names (nearly always static, such as `email` or `value`) to text, in name order, each name
/// once. It has the part of `BTreeMap`'s interface that records and findings use, and serialises
/// as the same JSON object.
///
/// ```
/// use clientela_shared::TextMap;
///
/// let mut fields = TextMap::new();
/// fields.insert("email".into(), "ana@example.com".to_owned());
/// fields.insert("city".into(), "Quito".to_owned());
/// assert_eq!(fields["email"], "ana@example.com");
/// assert_eq!(fields.keys().collect::<Vec<_>>(), ["city", "email"]);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct TextMap {
    /// Sorted by name, without repeats.
    entries: Vec<(Cow<'static, str>, String)>,
}

impl TextMap {
    /// An empty map; it allocates on the first insert.
    pub fn new() -> TextMap {
        TextMap::default()
    }

    /// An empty map with room for `capacity` entries, so that filling it allocates once.
    pub fn with_capacity(capacity: usize) -> TextMap {
        TextMap {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `key` is, or where it would go.
    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(name, _)| compare(name, key))
    }

    /// The text under `key`.
    pub fn get(&self, key: &str) -> Option<&String> {
        let index = self.position(key).ok()?;
        Some(&self.entries[index].1)
    }

    /// The text under `key`, to change it in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut String> {
        let index = self.position(key).ok()?;
        Some(&mut self.entries[index].1)
    }

    /// Whether `key` has text.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Puts `value` under `key` and returns the text it replaces, like `BTreeMap::insert`.
    pub fn insert(&mut self, key: Cow<'static, str>, value: String) -> Option<String> {
        // Entries that come in order (a record laid out field by field, JSON written by this
        // type) go at the end after one comparison.
        if self
            .entries
            .last()
            .is_none_or(|(last, _)| compare(last, &key).is_lt())
        {
            self.entries.push((key, value));
            return None;
        }
        match self.position(&key) {
            Ok(index) => Some(std::mem::replace(&mut self.entries[index].1, value)),
            Err(index) => {
                self.entries.insert(index, (key, value));
                None
            }
        }
    }

    /// Appends `key`, which sorts after every name in the map: for a builder that has its
    /// entries in order, so each costs no comparison at all.
    pub(crate) fn push_last(&mut self, key: &'static str, value: String) {
        debug_assert!(
            self.entries
                .last()
                .is_none_or(|(last, _)| last.as_ref() < key),
            "{key} is not the last name"
        );
        self.entries.push((Cow::Borrowed(key), value));
    }

    /// Takes the text under `key` out.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let index = self.position(key).ok()?;
        Some(self.entries.remove(index).1)
    }

    /// The entries in name order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Cow<'static, str>, &String)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    /// The names in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.entries.iter().map(|(key, _)| key.as_ref())
    }

    /// The texts in name order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &String> {
        self.entries.iter().map(|(_, value)| value)
    }
}

/// The order of `str`, deciding on the first byte when it differs, as it does for most pairs of
/// field names; that spares a call to `memcmp` for each step of a search.
fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ => a.cmp(b),
    }
}

impl fmt::Debug for TextMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<Q: Borrow<str> + ?Sized> Index<&Q> for TextMap {
    type Output = String;

    /// The text under `key`. Panics when there is none, as `BTreeMap` does.
    fn index(&self, key: &Q) -> &String {
        let key = key.borrow();
        self.get(key)
            .unwrap_or_else(|| panic!("no entry named {key:?}"))
    }
}

impl<'a> IntoIterator for &'a TextMap {
    type Item = (&'a Cow<'static, str>, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'static, str>, String)>,
        fn(&'a (Cow<'static, str>, String)) -> (&'a Cow<'static, str>, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(key, value)| (key, value))
    }
}

impl IntoIterator for TextMap {
    type Item = (Cow<'static, str>, String);
    type IntoIter = std::vec::IntoIter<(Cow<'static, str>, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<String>> FromIterator<(K, V)> for TextMap {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> TextMap {
        let mut map = TextMap::new();
        map.extend(items);
        map
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<String>> Extend<(K, V)> for TextMap {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        for (key, value) in items {
            self.insert(key.into(), value.into());
        }
    }
}

impl Serialize for TextMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key.as_ref(), value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TextMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextMap, D::Error> {
        deserializer.deserialize_map(TextMapVisitor)
    }
}

/// Reads a JSON object (or any serde map) of text into a [`TextMap`]; a repeated name keeps its
/// last value, as a `BTreeMap` read the same way does.
struct TextMapVisitor;

impl<'de> Visitor<'de> for TextMapVisitor {
    type Value = TextMap;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map of names to text")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<TextMap, A::Error> {
        let mut map = TextMap::with_capacity(access.size_hint().unwrap_or(0).min(64));
        while let Some((key, value)) = access.next_entry::<String, String>()? {
            map.insert(Cow::Owned(key), value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The same inserts into a `TextMap` and a `BTreeMap`.
    fn both(pairs: &[(&'static str, &str)]) -> (TextMap, BTreeMap<Cow<'static, str>, String>) {
        let mut map = TextMap::new();
        let mut tree = BTreeMap::new();
        for &(key, value) in pairs {
            assert_eq!(
                map.insert(key.into(), value.to_owned()),
                tree.insert(key.into(), value.to_owned())
            );
        }
        (map, tree)
    }

    #[test]
    fn behaves_as_a_btree_map() {
        let pairs = [
            ("status", "active"),
            ("email", "ana@example.com"),
            ("country_code", "EC"),
            ("first_name", "Ana"),
            ("email", "luis@example.com"),
            ("Émile", "accents sort after ASCII"),
            ("", "empty name"),
            ("city", "Quito"),
        ];
        let (mut map, mut tree) = both(&pairs);
        assert!(map.iter().eq(tree.iter()));
        assert_eq!(map.len(), tree.len());
        assert_eq!(map["email"], "luis@example.com");
        assert_eq!(map.get("phone"), tree.get("phone"));
        assert!(map.contains_key("city") && !map.contains_key("cit"));
        assert_eq!(map.remove("status"), tree.remove("status"));
        assert_eq!(map.remove("status"), None);
        assert!(map.iter().eq(tree.iter()));
    }

    #[test]
    fn json_is_a_btree_maps() {
        let (map, tree) = both(&[("value", "x@"), ("lines", "2, 7"), ("field", "email")]);
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, serde_json::to_string(&tree).unwrap());
        assert_eq!(json, r#"{"field":"email","lines":"2, 7","value":"x@"}"#);
        let read: TextMap = serde_json::from_str(r#"{"b":"2","a":"1","b":"3"}"#).unwrap();
        assert_eq!(read.iter().collect::<Vec<_>>().len(), 2);
        assert_eq!((read["a"].as_str(), read["b"].as_str()), ("1", "3"));
        assert_eq!(
            serde_json::from_str::<TextMap>("{}").unwrap(),
            TextMap::new()
        );
    }

    #[test]
    fn names_compare_as_strs() {
        let names = [
            "", "a", "ab", "b", "B", "é", "e", "email", "emails", "id_type", "id",
        ];
        for a in names {
            for b in names {
                assert_eq!(compare(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn debug_reads_as_a_map() {
        let (map, tree) = both(&[("b", "2"), ("a", "1")]);
        assert_eq!(format!("{map:?}"), format!("{tree:?}"));
    }
}

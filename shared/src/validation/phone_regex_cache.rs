//! Room for phonenumber's compiled patterns.
//!
//! `phonenumber` compiles the metadata's patterns when first used and keeps only the last 100
//! in one shared cache. A file with numbers of several countries uses more than that, so the
//! cache thrashes and nearly every number compiles regexes again: about 2,400 rows/s on the
//! generated 100k-row file instead of about 25,000 (measured natively, the same in wasm). With
//! room for a few thousand patterns every pattern is compiled once.
//!
//! Most cells no longer reach this cache: our own checks ask `phone_patterns`, and plainly
//! written numbers skip the crate's parser (`phone_plain`). It still serves the crate's parser
//! for the rest (letters, extensions, `+` and digits without a space that `phone_e164` leaves).

use std::sync::Once;

use phonenumber::metadata::DATABASE;
use regex_cache::RegexCache;

/// How many compiled patterns are kept: enough for every pattern of dozens of countries, still
/// bounded however many countries a file mixes.
const PATTERNS_KEPT: usize = 4_000;

/// Gives the shared pattern cache room, once per process (or worker).
pub(crate) fn make_room() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The patterns hold the cache through an `Arc`, so replacing what it guards is enough.
        // A poisoned lock only means a panic elsewhere; the small cache then stays.
        if let Ok(mut cache) = DATABASE.cache().lock() {
            *cache = RegexCache::new(PATTERNS_KEPT);
        }
    });
}

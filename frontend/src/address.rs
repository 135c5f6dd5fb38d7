//! The page shown, and the customers page's search and filters, kept in the address bar, so a
//! reload, the browser's Back button or a link sent to a colleague opens the same view.
//!
//! They live after the `#`, which the server never sees: `#customers?q=ana&tag=vip&page=2` is
//! the page's name, then its query, each value percent-encoded.

/// What the address bar says: a page's name and its query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// The page's name, such as `customers`; empty when the address names none.
    pub page: String,
    /// The query's names and values, decoded, in their order.
    pub query: Vec<(String, String)>,
}

impl Address {
    /// Reads `hash`, the part of an address from its `#` on (with or without the `#`).
    pub fn parse(hash: &str) -> Address {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (page, query) = hash.split_once('?').unwrap_or((hash, ""));
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_component(name), decode_component(value))
            })
            .collect();
        Address {
            page: decode_component(page),
            query,
        }
    }

    /// The value of `name` in the query, if it is there.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(found, _)| found == name)
            .map(|(_, value)| value.as_str())
    }
}

/// `#page?name=value&…` with the empty values left out.
pub fn hash_of(page: &str, query: &[(&str, &str)]) -> String {
    let query = query_string(query);
    if query.is_empty() {
        format!("#{page}")
    } else {
        format!("#{page}?{query}")
    }
}

/// `name=value&…` with the empty values left out and every value percent-encoded.
pub fn query_string(query: &[(&str, &str)]) -> String {
    query
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| format!("{name}={}", encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes `text` as JavaScript's `encodeURIComponent` does: letters, digits and
/// `-_.!~*'()` stay, every other byte of its UTF-8 becomes `%XX`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode_component`]; a `%` not followed by two hex digits stays as it is, and bytes
/// that are not UTF-8 become U+FFFD, so a mangled link still opens.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                at += 3;
            }
            None => {
                out.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The address bar's `#…` now.
pub fn current() -> Address {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    Address::parse(&hash)
}

/// Puts `hash` in the address bar as a new step of the browser's history (Back returns to the
/// step before), or in place of the current one.
pub fn show(hash: &str, new_step: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    // Refused only for an address of another origin, which a `#…` never is.
    let _ = if new_step {
        history.push_state_with_url(&state, "", Some(hash))
    } else {
        history.replace_state_with_url(&state, "", Some(hash))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_and_its_query_are_read_back_as_written() {
        let hash = hash_of(
            "customers",
            &[
                ("q", "Conceição & Muñoz"),
                ("tag", ""),
                ("list", "50% off/ü?#"),
            ],
        );
        assert_eq!(
            hash,
            "#customers?q=Concei%C3%A7%C3%A3o%20%26%20Mu%C3%B1oz&list=50%25%20off%2F%C3%BC%3F%23"
        );
        let address = Address::parse(&hash);
        assert_eq!(address.page, "customers");
        assert_eq!(address.get("q"), Some("Conceição & Muñoz"));
        assert_eq!(address.get("list"), Some("50% off/ü?#"));
        assert_eq!(address.get("tag"), None, "empty values are left out");
    }

    #[test]
    fn a_page_without_a_query_and_an_empty_address_are_read() {
        assert_eq!(hash_of("history", &[("q", " ")]), "#history");
        assert_eq!(Address::parse("#history").page, "history");
        assert_eq!(Address::parse(""), Address::default());
        assert_eq!(Address::parse("#"), Address::default());
    }

    #[test]
    fn a_mangled_address_still_opens() {
        let address = Address::parse("#customers?q=%zz%4&tag&=x&page=%FF");
        assert_eq!(address.get("q"), Some("%zz%4"));
        assert_eq!(address.get("tag"), Some(""));
        assert_eq!(address.get(""), Some("x"));
        assert_eq!(address.get("page"), Some("\u{fffd}"));
    }

    #[test]
    fn encoding_matches_javascripts_encode_uri_component() {
        // The values JavaScript's encodeURIComponent gives for the same text.
        assert_eq!(
            encode_component("a-b_c.d!e~f*g'h(i)j"),
            "a-b_c.d!e~f*g'h(i)j"
        );
        assert_eq!(encode_component("a b+c=d"), "a%20b%2Bc%3Dd");
        assert_eq!(encode_component("ł€"), "%C5%82%E2%82%AC");
    }
}

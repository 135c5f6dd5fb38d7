//! The user's language, from the browser's settings.

use clientela_shared::Language;

/// The browser's language when Clientela speaks it (`es-EC` is Spanish); English otherwise.
pub fn browser_language() -> Language {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .and_then(|tag| tag.parse().ok())
        .unwrap_or(Language::En)
}

//! The only code that touches the browser: storage, fetching, clipboard, time and the embed's
//! messages to its host page.

pub mod clipboard;
pub mod embed;
pub mod fetch;
pub mod storage;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The page address without its `#…` part, for building share links.
pub fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The current `#…` fragment without the `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

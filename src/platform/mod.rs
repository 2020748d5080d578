//! The only code that touches the browser: storage, downloads, clipboard, time, the location
//! and the embed's messages to its host page.

pub mod chunks;
pub mod clipboard;
pub mod files;
pub mod host;
pub mod json;
pub mod storage;

use wasm_bindgen::JsCast;

/// Whether a browser is there. Not when the build pre-renders Home natively: pages then draw
/// what a first visit sees (no address, no clock, no storage, online).
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    if IN_BROWSER {
        js_sys::Date::now()
    } else {
        0.0
    }
}

/// Minutes to add to local time to get UTC (`Date.getTimezoneOffset`).
pub fn tz_offset_min() -> f64 {
    if IN_BROWSER {
        js_sys::Date::new_0().get_timezone_offset()
    } else {
        0.0
    }
}

/// `navigator.onLine`.
pub fn online() -> bool {
    !IN_BROWSER || gloo::utils::window().navigator().on_line()
}

fn location() -> Option<web_sys::Location> {
    if !IN_BROWSER {
        return None;
    }
    web_sys::window().map(|w| w.location())
}

/// The page address without its query and `#…` parts, for building share links: a query such
/// as `?utm_source=…` is not passed on.
pub fn page_url() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// The folder the page is served from, ending in `/`.
pub fn folder_url() -> String {
    let page = page_url();
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => page,
    }
}

/// The current `#…` fragment without the `#`.
pub fn hash() -> String {
    location()
        .and_then(|l| l.hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Goes to `#path`, adding a history entry.
pub fn go(path: &str) {
    if let Some(l) = location() {
        let _ = l.set_hash(path);
    }
}

/// Changes the address to `#path` without a history entry or a `hashchange` event.
pub fn replace_hash(path: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{path}")));
    }
}

/// Loads `url` in place of this page (no history entry).
pub fn replace_location(url: &str) {
    if let Some(l) = location() {
        let _ = l.replace(url);
    }
}

pub fn reload() {
    if let Some(l) = location() {
        let _ = l.reload();
    }
}

pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// Sets `data-theme` on `<html>` (`None` follows the system).
pub fn set_theme(theme: Option<&str>) {
    if let Some(html) = gloo::utils::document().document_element() {
        match theme {
            Some(t) => {
                let _ = html.set_attribute("data-theme", t);
            }
            None => {
                let _ = html.remove_attribute("data-theme");
            }
        }
    }
}

/// The embed's `inherit` theme: a transparent page (the host's background shows through) in the
/// host's text colour, with the light or dark palette for everything else.
pub fn inherit_host_colors(text: Option<&str>, dark: bool) {
    use wasm_bindgen::JsCast;
    set_theme(Some(if dark { "dark" } else { "light" }));
    let Some(html) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = html.set_attribute("data-inherit", "");
    if let (Some(text), Some(html)) = (text, html.dyn_ref::<web_sys::HtmlElement>()) {
        // CSSOM, not a style attribute: the strict CSP allows it.
        let _ = html.style().set_property("--host-text", text);
    }
}

/// Moves keyboard focus to the first element matching `selector`, if the page has focus (an
/// embed must not pull focus, and the scroll with it, from the page around it).
pub fn focus(selector: &str) {
    try_focus(selector);
}

/// `focus`, saying whether an element took it.
pub fn try_focus(selector: &str) -> bool {
    let document = gloo::utils::document();
    if !document.has_focus().unwrap_or(false) {
        return false;
    }
    document
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

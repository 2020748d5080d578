use js_sys::Reflect;
use wasm_bindgen_futures::JsFuture;

/// Copies text; false if the browser has no clipboard here (plain-http pages) or refused, and
/// the UI then shows the text to copy by hand.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // `navigator.clipboard` only exists in secure contexts; calling it elsewhere throws.
    let has_clipboard = Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

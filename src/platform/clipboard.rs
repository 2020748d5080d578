use wasm_bindgen_futures::JsFuture;

/// Copies text; false if the browser refused (the UI then shows the text to copy by hand).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}

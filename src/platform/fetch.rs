use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// GETs `url` as text; errors are sentences for the learner.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("No browser window.")?;
    let offline = || {
        "The questions could not be downloaded. Check your connection and try again.".to_string()
    };
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| offline())?;
    let resp: Response = resp.dyn_into().map_err(|_| offline())?;
    if !resp.ok() {
        return Err(format!(
            "The questions could not be downloaded (HTTP {}).",
            resp.status()
        ));
    }
    let text = JsFuture::from(resp.text().map_err(|_| offline())?)
        .await
        .map_err(|_| offline())?;
    text.as_string().ok_or_else(offline)
}

//! The full app's entry point (`index.html`): hydrate the Home pre-rendered into the page, or
//! draw the app afresh for any other address.

// Smaller than the default allocator (see Cargo.toml); the wasm is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

use pyquiz::ui::app::{App, AppProps};

/// The topics ticked on the pre-rendered Home, if the learner changed any before the wasm ran
/// (hydration sets every box back to what the app draws).
#[cfg(feature = "hydration")]
fn picked(root: &web_sys::Element) -> Option<Vec<String>> {
    use wasm_bindgen::JsCast;
    let boxes = root.query_selector_all("input[id^=topic-]").ok()?;
    let boxes: Vec<web_sys::HtmlInputElement> = (0..boxes.length())
        .filter_map(|i| boxes.item(i)?.dyn_into().ok())
        .collect();
    boxes
        .iter()
        .any(|b| b.checked() != b.default_checked())
        .then(|| {
            boxes
                .iter()
                .filter(|b| b.checked())
                .map(|b| b.id().trim_start_matches("topic-").to_string())
                .collect()
        })
}

fn main() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        yew::Renderer::<App>::new().render();
        return;
    };
    // Home was drawn into the page at build time: take it over, unless the address has moved
    // on since.
    #[cfg(feature = "hydration")]
    if root.has_attribute("data-prerendered")
        && pyquiz::route::Route::parse(&pyquiz::platform::hash()) == pyquiz::route::Route::Home
    {
        let props = AppProps {
            prerendered: true,
            picked: picked(&root),
        };
        // `App` lets the held-back controls (styles/app.css) work once it has read storage.
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).hydrate();
        return;
    }
    // Replace the "Loading…" placeholder (or a Home that is not wanted here).
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    let _ = root.remove_attribute("data-prerendered");
}

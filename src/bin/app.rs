//! The full app's entry point (`index.html`): mount the app, nothing else.

// Smaller than the default allocator (see Cargo.toml); the wasm is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            // Replace the "Loading…" placeholder the page shows until the wasm runs.
            root.set_inner_html("");
            yew::Renderer::<pyquiz::ui::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<pyquiz::ui::app::App>::new().render();
        }
    }
}

//! The blog embed's entry point (`embed/index.html`): mount the embed, nothing else.

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
            yew::Renderer::<pyquiz::ui::embed::EmbedApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<pyquiz::ui::embed::EmbedApp>::new().render();
        }
    }
}

//! The web app's entry point: mount the root component, nothing else.

fn main() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            // Replace the "Loading…" placeholder that index.html shows until the wasm runs.
            root.set_inner_html("");
            yew::Renderer::<pyquiz::ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<pyquiz::ui::App>::new().render();
        }
    }
}

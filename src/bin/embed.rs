//! The blog embed's entry point (`embed/index.html`): mount the embed, nothing else.

// Smaller than the default allocator (see Cargo.toml); the wasm is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    // The questions the page has been downloading are read in before the first render, which
    // then draws the first question; the page shows its "Loading the quiz…" until then.
    wasm_bindgen_futures::spawn_local(async {
        let props = pyquiz::ui::embed::Props {
            prepared: Some(std::rc::Rc::new(pyquiz::ui::embed::prepare().await)),
        };
        match gloo::utils::document().get_element_by_id("app") {
            Some(root) => {
                // Replace the "Loading…" placeholder the page shows until the wasm runs.
                root.set_inner_html("");
                yew::Renderer::<pyquiz::ui::embed::EmbedApp>::with_root_and_props(root, props)
                    .render();
            }
            None => {
                yew::Renderer::<pyquiz::ui::embed::EmbedApp>::with_props(props).render();
            }
        }
    });
}

//! The author page's entry point (`author/index.html`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    pyquiz_author::page::mount();
}

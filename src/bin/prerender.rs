//! Renders the app's Home natively, as a first visit sees it, for `scripts/postbuild.mjs` to
//! put into `index.html`: the page paints before the wasm arrives, which then hydrates it.
//! `cargo run --features ssr --bin prerender -- OUT.html`

fn main() {
    let out = std::env::args().nth(1).expect("usage: prerender OUT.html");
    let html = pyquiz::ui::app::render_home();
    std::fs::write(&out, html).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
}

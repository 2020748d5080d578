use crate::quiz::keymap::SHORTCUTS;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `HTMLDialogElement`, for `showModal` (not in the web-sys features this crate enables).
    type Dialog;
    #[wasm_bindgen(method, js_name = showModal)]
    fn show_modal(this: &Dialog);
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_close: Callback<()>,
}

/// The `?` overlay: every keyboard shortcut of the quiz, in a modal dialog near the top of the
/// window (wherever the page is scrolled, the list is in view and the question stays put). It
/// is open while it is drawn: closing (Close, Escape, `?`) is the owner's `on_close`.
#[function_component]
pub fn Shortcuts(props: &Props) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(el) = dialog.cast::<Element>() {
                el.unchecked_ref::<Dialog>().show_modal();
            }
            crate::platform::focus(".shortcuts .close");
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    // Escape asks to cancel the dialog: the owner closes it, so it never closes behind the
    // owner's back (and its state stays the one truth).
    let cancel = props.on_close.reform(|e: Event| e.prevent_default());
    html! {
        <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title" oncancel={cancel}>
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
            </dl>
            <button type="button" class="secondary close" onclick={close}>{ "Close" }</button>
        </dialog>
    }
}

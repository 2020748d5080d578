use crate::platform::clipboard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: AttrValue,
    pub text: AttrValue,
}

/// A "Copy link" button. Where the browser has no clipboard (plain-http pages) or refuses, it
/// shows the text selected, ready to copy by hand.
#[function_component]
pub fn CopyLink(props: &Props) -> Html {
    let status = use_state(|| None::<bool>);
    let onclick = {
        let status = status.clone();
        let text = props.text.clone();
        Callback::from(move |_| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(clipboard::copy(&text).await));
            });
        })
    };
    // Select the fallback's text as it appears, so Ctrl+C is all that is left to do.
    use_effect_with(*status, |s| {
        if *s == Some(false) {
            if let Some(el) = gloo::utils::document()
                .query_selector(".copy-fallback")
                .ok()
                .flatten()
            {
                use wasm_bindgen::JsCast;
                if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                    input.select();
                    let _ = input.focus();
                }
            }
        }
    });
    html! {
        <span class="copy-link">
            <button type="button" class="secondary" {onclick} data-copy={props.text.clone()}>{ &props.label }</button>
            <span class="copy-status" role="status">
                { match *status {
                    Some(true) => html! { { "Copied!" } },
                    Some(false) => html! {
                        <label>{ "Copy this: " }<input class="copy-fallback" readonly=true value={props.text.clone()} /></label>
                    },
                    None => html! {},
                } }
            </span>
        </span>
    }
}

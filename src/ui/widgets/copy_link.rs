use crate::platform::clipboard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: AttrValue,
    pub text: AttrValue,
}

/// A "Copy link" button; shows the text to copy by hand if the clipboard is refused.
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
    html! {
        <span class="copy-link">
            <button class="secondary" {onclick} data-copy={props.text.clone()}>{ &props.label }</button>
            <span class="copy-status" role="status">
                { match *status {
                    Some(true) => html! { { "Copied!" } },
                    Some(false) => html! { <input class="copy-fallback" readonly=true aria-label="Link to copy" value={props.text.clone()} /> },
                    None => html! {},
                } }
            </span>
        </span>
    }
}

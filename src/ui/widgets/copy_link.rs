use crate::platform::clipboard;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: AttrValue,
    pub text: AttrValue,
    /// Show the text in a read-only field next to the button (share links a reader may want to
    /// see or copy by hand); otherwise the field appears only when copying fails.
    #[prop_or_default]
    pub field: bool,
    /// Show the field once the button was used, and keep it (a toolbar with no room for it
    /// before): the link stays in view to check or copy by hand after "Copied!" goes.
    #[prop_or_default]
    pub field_after_use: bool,
    /// Called after the button was used, so a quiz can take focus back (Enter must answer,
    /// not copy again).
    #[prop_or_default]
    pub on_done: Callback<()>,
}

/// How long "Copied!" stays before the status clears.
const STATUS_MS: u32 = 4000;

/// A copy button. Where the browser has no clipboard (plain-http pages) or refuses, the text
/// is shown selected, ready to copy by hand.
#[function_component]
pub fn CopyLink(props: &Props) -> Html {
    let status = use_state(|| None::<bool>);
    let used = use_state(|| false);
    // This button's own field: with several on a page, each selects its own text.
    let field = use_node_ref();
    let clear = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let status = status.clone();
        let text = props.text.clone();
        let on_done = props.on_done.clone();
        let used = used.clone();
        Callback::from(move |_| {
            used.set(true);
            let status = status.clone();
            let text = text.clone();
            let clear = clear.clone();
            let on_done = on_done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = clipboard::copy(&text).await;
                status.set(Some(copied));
                if copied {
                    let status = status.clone();
                    *clear.borrow_mut() = Some(Timeout::new(STATUS_MS, move || status.set(None)));
                    on_done.emit(());
                }
            });
        })
    };
    // Select the text as the fallback appears, so Ctrl+C is all that is left to do.
    {
        let field = field.clone();
        use_effect_with(*status, move |s| {
            if *s == Some(false) {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    input.select();
                    let _ = input.focus();
                }
            }
        });
    }
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let show_field = props.field || (props.field_after_use && *used) || *status == Some(false);
    html! {
        <span class="copy-link">
            if show_field {
                <input ref={field} class="copy-field" readonly=true value={props.text.clone()}
                    aria-label={props.label.clone()} onfocus={select_all} />
            }
            <button type="button" class="secondary" {onclick} data-copy={props.text.clone()}>{ &props.label }</button>
            <span class="copy-status" role="status">
                { match *status {
                    Some(true) => "Copied!",
                    Some(false) => "Copy it from the field.",
                    None => "",
                } }
            </span>
        </span>
    }
}

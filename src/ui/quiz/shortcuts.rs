use crate::quiz::keymap::SHORTCUTS;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_close: Callback<()>,
}

/// The `?` overlay: every keyboard shortcut of the quiz.
#[function_component]
pub fn Shortcuts(props: &Props) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    use_effect_with((), |_| crate::platform::focus(".shortcuts .close"));
    html! {
        <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
            </dl>
            <button type="button" class="secondary close" onclick={close}>{ "Close" }</button>
        </div>
    }
}

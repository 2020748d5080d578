use crate::bank::{Choice, Kind};
use crate::state::Action;
use crate::ui::hooks::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub kind: Kind,
    pub options: Vec<Choice>,
    pub selected: Vec<usize>,
    /// Colour right and wrong options (feedback is showing).
    pub reveal: bool,
    pub locked: bool,
}

/// The options of a single, multi or output question; keys 1-9 pick them too.
#[function_component]
pub fn Options(props: &Props) -> Html {
    let app = use_app();
    let multi = props.kind == Kind::Multi;
    let role = if multi { "group" } else { "radiogroup" };
    let label = if multi {
        "Options: pick every right one"
    } else {
        "Options: pick one"
    };
    html! {
        <div class={classes!("options", (props.kind == Kind::Output).then_some("output-options"))} {role} aria-label={label}>
            { for props.options.iter().enumerate().map(|(i, opt)| {
                let picked = props.selected.contains(&i);
                let state_class = match (props.reveal, opt.correct, picked) {
                    (true, true, _) => Some("right"),
                    (true, false, true) => Some("wrong"),
                    _ => None,
                };
                let dispatch = app.dispatcher();
                let onclick = Callback::from(move |_| dispatch.dispatch(Action::Toggle(i)));
                let body = Html::from_html_unchecked(AttrValue::from(opt.html.clone()));
                html! {
                    <button
                        class={classes!("option", picked.then_some("picked"), state_class)}
                        role={if multi { "checkbox" } else { "radio" }}
                        aria-checked={picked.to_string()}
                        disabled={props.locked}
                        {onclick}
                    >
                        <span class="key" aria-hidden="true">{ i + 1 }</span>
                        if props.kind == Kind::Output {
                            <pre class="option-text">{ body }</pre>
                        } else {
                            <span class="option-text">{ body }</span>
                        }
                        if props.reveal && opt.correct {
                            <span class="visually-hidden">{ " (right answer)" }</span>
                        }
                    </button>
                }
            }) }
        </div>
    }
}

use crate::bank::{Choice, Kind, Question};
use crate::ui::markup::rich_inline;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// A single, multi or output question. Shared, not its options copied: the app's code
    /// then needs no deep copy of rich text.
    pub question: Rc<Question>,
    /// Keys of the picked options.
    pub picked: Vec<String>,
    /// Show each option's verdict and its explanation (the answer is in).
    pub reveal: bool,
    pub locked: bool,
    pub on_pick: Callback<String>,
}

/// The options of a single, multi or output question, as a real radio or checkbox group:
/// Tab reaches the group, arrows move in it, 1–9 pick from anywhere (see `quiz::keymap`).
/// After answering, each option says in words whether it was right, picked or missed, with its
/// own explanation next to it.
#[function_component]
pub fn Options(props: &Props) -> Html {
    let kind = props.question.body.kind();
    let options = props.question.body.options();
    let multi = kind == Kind::Multi;
    let right = options.iter().filter(|o| o.correct).count();
    let legend = if multi {
        format!("Select all that apply ({right} are right)")
    } else {
        "Pick one answer".to_string()
    };
    let class = classes!(
        "options",
        (kind == Kind::Output).then_some("output-options"),
        props.reveal.then_some("revealed")
    );
    html! {
        <fieldset {class}>
            <legend class="pick-how">{ legend }</legend>
            { for options.iter().enumerate().map(|(i, opt)| option(props, multi, i, opt)) }
        </fieldset>
    }
}

fn option(props: &Props, multi: bool, i: usize, opt: &Choice) -> Html {
    let picked = props.picked.contains(&opt.key);
    let verdict = props.reveal.then_some(match (opt.correct, picked) {
        (true, true) => ("right", "✓ Your answer: right"),
        (false, true) => ("wrong", "✗ Your answer: wrong"),
        (true, false) if multi => ("missed", "✓ Right answer: you missed it"),
        (true, false) => ("missed", "✓ The right answer"),
        (false, false) => ("other", ""),
    });
    let onchange = {
        let key = opt.key.clone();
        props.on_pick.reform(move |_| key.clone())
    };
    let qid = &props.question.id;
    let id = format!("opt-{qid}-{i}");
    let body = rich_inline(&opt.text);
    html! {
        <div class={classes!("option", picked.then_some("picked"), verdict.map(|v| v.0))}>
            <label for={id.clone()}>
                <input {id} type={if multi { "checkbox" } else { "radio" }} name={qid.clone()}
                    value={opt.key.clone()} checked={picked} disabled={props.locked}
                    data-index={i.to_string()} {onchange} />
                <span class="key" aria-hidden="true">{ i + 1 }</span>
                if props.question.body.kind() == Kind::Output {
                    <pre class="option-text">{ body }</pre>
                } else {
                    <span class="option-text">{ body }</span>
                }
            </label>
            if let Some((_, text)) = verdict.filter(|v| !v.1.is_empty()) {
                <p class="verdict-tag">{ text }</p>
            }
            if let (Some(v), Some(why)) = (verdict, &opt.why) {
                if v.0 != "other" || picked {
                    <div class="why">{ rich_inline(why) }</div>
                } else {
                    <details class="why-other"><summary>{ "Why not this one?" }</summary>{ rich_inline(why) }</details>
                }
            }
        </div>
    }
}

use crate::bank::{Body, Question};
use crate::quiz::{Answer, Response};
use crate::ui::markup::{explanation_with_docs, raw_html};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: std::rc::Rc<Question>,
    pub answer: Answer,
}

/// Right or wrong, why, and where to read more.
#[function_component]
pub fn Feedback(props: &Props) -> Html {
    let q = &props.question;
    let a = &props.answer;
    let verdict = if a.correct { "Correct" } else { "Not quite" };
    let picked_why: Vec<Html> = match (&q.body, &a.response) {
        (
            Body::Single { options } | Body::Multi { options } | Body::Output { options },
            Response::Choices(picked),
        ) => picked
            .iter()
            .filter_map(|&i| options.get(i))
            .filter(|o| !o.correct)
            .filter_map(|o| o.why.as_deref())
            .map(raw_html)
            .collect(),
        _ => Vec::new(),
    };
    let expected = match &q.body {
        Body::Short { answers, .. } if !a.correct => html! {
            <p class="expected">{ "Expected: " }<code>{ answers.first().cloned().unwrap_or_default() }</code></p>
        },
        _ => html! {},
    };
    html! {
        <section class={classes!("feedback", if a.correct { "right" } else { "wrong" })} aria-label="Feedback">
            <h3 class="verdict">{ verdict }</h3>
            { expected }
            { for picked_why.into_iter().map(|w| html! { <p class="why">{ w }</p> }) }
            { explanation_with_docs(q) }
        </section>
    }
}

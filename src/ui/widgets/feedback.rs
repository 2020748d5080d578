use crate::bank::{Body, Question};
use crate::quiz::{Answer, Response};
use yew::prelude::*;

fn raw(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

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
            .map(raw)
            .collect(),
        _ => Vec::new(),
    };
    let expected = match &q.body {
        Body::Short { answers } if !a.correct => html! {
            <p class="expected">{ "Expected: " }<code>{ answers.first().cloned().unwrap_or_default() }</code></p>
        },
        _ => html! {},
    };
    html! {
        <section class={classes!("feedback", if a.correct { "right" } else { "wrong" })} aria-label="Feedback">
            <h3 class="verdict">{ verdict }</h3>
            { expected }
            { for picked_why.into_iter().map(|w| html! { <p class="why">{ w }</p> }) }
            <div class="explanation">{ raw(&q.explanation) }</div>
            <p class="docs"><a href={q.docs.clone()} target="_blank" rel="noopener">{ "Read the docs ↗" }</a></p>
        </section>
    }
}

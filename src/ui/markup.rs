use crate::bank::Question;
use yew::prelude::*;

/// HTML that the content compiler produced at build time (escaped and rendered there), so it is
/// trusted here and inserted as is.
pub fn raw_html(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

/// A question's explanation followed by its docs link, as feedback and the review show it.
pub fn explanation_with_docs(q: &Question) -> Html {
    html! {
        <>
            <div class="explanation">{ raw_html(&q.explanation) }</div>
            <p class="docs"><a href={q.docs.clone()} target="_blank" rel="noopener">{ "Read the docs ↗" }</a></p>
        </>
    }
}

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub message: AttrValue,
}

/// What a broken link or unknown page shows: what went wrong and the way home.
#[function_component]
pub fn LinkErrorCard(props: &Props) -> Html {
    html! {
        <section class="card link-error" role="alert">
            <h1 tabindex="-1">{ &props.title }</h1>
            <p>{ &props.message }</p>
            <p><a href="#/" class="button primary">{ "Go to the quiz home" }</a></p>
        </section>
    }
}

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub message: AttrValue,
    /// A quiz still worth taking from a damaged link (its hash route).
    #[prop_or_default]
    pub offer: Option<String>,
}

/// What a broken link or unknown page shows: what went wrong and the way home.
#[function_component]
pub fn LinkErrorCard(props: &Props) -> Html {
    html! {
        <section class="card link-error" role="alert">
            <h1 tabindex="-1">{ &props.title }</h1>
            <p>{ &props.message }</p>
            <p>
                if let Some(path) = &props.offer {
                    <a href={format!("#{path}")} class="button primary offer">{ "Take its quiz" }</a>
                }
                <a href="#/" class={if props.offer.is_some() { "button secondary" } else { "button primary" }}>{ "Go to the quiz home" }</a>
            </p>
        </section>
    }
}

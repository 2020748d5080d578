use crate::ui::widgets::LinkErrorCard;
use yew::prelude::*;

#[function_component]
pub fn NotFoundPage() -> Html {
    html! { <LinkErrorCard title="Page not found" message="This address does not lead to a page of the quiz." /> }
}

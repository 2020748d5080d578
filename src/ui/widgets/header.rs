use crate::progress::Theme;
use crate::route::Route;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub theme: Theme,
    pub on_theme: Callback<Theme>,
}

/// The site header: brand, the main pages, and the colour scheme.
#[function_component]
pub fn Header(props: &Props) -> Html {
    let link = |href: &'static str, label: &'static str, here: bool| {
        html! { <a {href} aria-current={here.then_some("page")}>{ label }</a> }
    };
    let on_theme = props.on_theme.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Theme::parse(&select.value()).unwrap_or_default()
    });
    html! {
        <header class="site-header">
            <a href="#/" class="brand"><span class="brand-mark" aria-hidden="true">{ "py" }</span>{ "quiz" }</a>
            <nav aria-label="Main">
                { link("#/", "Home", props.route == Route::Home) }
                { link("#/browse", "Browse", matches!(props.route, Route::Browse(_))) }
                { link("#/progress", "Progress", props.route == Route::Progress) }
            </nav>
            <label class="theme-pick">
                <span class="visually-hidden">{ "Colour scheme" }</span>
                <select onchange={on_theme} aria-label="Colour scheme">
                    { for Theme::ALL.iter().map(|t| html! {
                        <option value={t.as_str()} selected={*t == props.theme}>{ format!("Theme: {}", t.label()) }</option>
                    }) }
                </select>
            </label>
        </header>
    }
}

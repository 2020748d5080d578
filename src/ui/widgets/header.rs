use crate::progress::Theme;
use crate::route::Route;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub theme: Theme,
    pub on_theme: Callback<Theme>,
    /// Reviews due now, shown on the Progress link.
    pub due: usize,
    /// False while the browser says it has no network.
    pub online: bool,
}

/// The site header: brand, the main pages (Progress with the reviews due), the colour scheme,
/// and a quiet note while the app runs offline.
#[function_component]
pub fn Header(props: &Props) -> Html {
    let link = |href: &'static str, label: &'static str, here: bool| {
        html! { <a {href} aria-current={here.then_some("page")}>{ label }</a> }
    };
    let on_theme = props.on_theme.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Theme::parse(&select.value()).unwrap_or_default()
    });
    let progress_here = props.route == Route::Progress;
    html! {
        <header class="site-header">
            <a href="#/" class="brand"><span class="brand-mark" aria-hidden="true">{ "py" }</span>{ "quiz" }</a>
            <nav aria-label="Main">
                { link("#/", "Home", props.route == Route::Home) }
                { link("#/browse", "Browse", matches!(props.route, Route::Browse(_))) }
                <a href="#/progress" class="nav-progress" aria-current={progress_here.then_some("page")}>
                    { "Progress" }
                    if props.due > 0 {
                        <span class="nav-due">{ format!(" · {} due", props.due) }</span>
                    }
                </a>
            </nav>
            <span class="offline-note" role="status">
                if !props.online { { "offline — progress saves on this device" } }
            </span>
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

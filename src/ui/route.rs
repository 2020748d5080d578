use yew_router::prelude::*;

/// Hash routes, so any static host serves every page from one `index.html`.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/quiz")]
    Quiz,
    #[at("/results")]
    Results,
    #[at("/progress")]
    Progress,
    /// A shared quiz: `#/q/<id>.<id>…`.
    #[at("/q/:ids")]
    Shared { ids: String },
    #[at("/q/:ids/:mode")]
    SharedMode { ids: String, mode: String },
    /// A permalink to one question.
    #[at("/question/:id")]
    Question { id: String },
    #[at("/score/:score/:ids")]
    Score { score: String, ids: String },
    /// The chrome-less widget for iframes; options in the query.
    #[at("/embed")]
    Embed,
    #[not_found]
    #[at("/404")]
    NotFound,
}

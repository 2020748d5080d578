use crate::state::{Action, NoticeKind};
use crate::ui::hooks::use_app;
use yew::prelude::*;

/// Notices about storage, links and downloads; announced to screen readers as they appear.
#[function_component]
pub fn Notices() -> Html {
    let app = use_app();
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for app.notices.iter().map(|n| {
                let id = n.id;
                let dispatch = app.dispatcher();
                let class = match n.kind { NoticeKind::Info => "notice info", NoticeKind::Warning => "notice warning" };
                html! {
                    <div {class} key={id}>
                        <p>{ &n.text }</p>
                        <button class="ghost" aria-label="Dismiss this notice" onclick={move |_| dispatch.dispatch(Action::Dismiss(id))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

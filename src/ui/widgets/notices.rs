use crate::state::{Notice, NoticeAction, NoticeKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<u32>,
    pub on_action: Callback<NoticeAction>,
}

/// Notices about storage, links and downloads; announced to screen readers as they appear.
#[function_component]
pub fn Notices(props: &Props) -> Html {
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for props.notices.iter().map(|n| {
                let id = n.id;
                let class = match n.kind { NoticeKind::Info => "notice info", NoticeKind::Warning => "notice warning" };
                let action = n.action.map(|a| {
                    let label = match a { NoticeAction::UndoReset => "Undo", NoticeAction::Reload => "Reload" };
                    html! { <button type="button" class="secondary" onclick={props.on_action.reform(move |_| a)}>{ label }</button> }
                });
                html! {
                    <div {class} key={id}>
                        <p>{ &n.text }</p>
                        { action }
                        <button type="button" class="ghost" aria-label="Dismiss this notice" onclick={props.on_dismiss.reform(move |_| id)}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

use super::CopyLink;
use crate::platform;
use crate::quiz::Mode;
use crate::share::EmbedParams;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub params: EmbedParams,
    /// The exam time limit the learner chose: embeds cannot keep it, and the dialog says so.
    #[prop_or_default]
    pub exam_minutes: Option<u32>,
}

/// An attribute value as HTML: the snippet is pasted into someone's page.
fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The one-line snippet a blog pastes to embed this quiz.
fn snippet(params: &EmbedParams) -> String {
    let attrs: String = params
        .to_attrs()
        .iter()
        .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(v)))
        .collect();
    format!(
        "<script src=\"{}embed.js\"{attrs} async></script>",
        escape(&platform::folder_url())
    )
}

/// "Embed this quiz": the snippet and how to use it.
#[function_component]
pub fn EmbedDialog(props: &Props) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let code = snippet(&props.params);
    html! {
        <div class="embed-dialog">
            <button type="button" class="secondary" aria-expanded={open.to_string()} onclick={toggle}>{ "Embed this quiz" }</button>
            if *open {
                <div class="embed-panel" role="region" aria-label="Embed code">
                    <p>{ "Paste this where the quiz should appear in your post. The frame sizes itself and loads only when a reader scrolls near it." }</p>
                    <textarea class="snippet" readonly=true rows="3" aria-label="Embed snippet" value={code.clone()} />
                    <CopyLink label="Copy snippet" text={code} />
                    if let Some(minutes) = props.exam_minutes.filter(|_| props.params.mode == Mode::Exam) {
                        <p class="notice info">{ format!("Embedded exams are untimed: the {minutes}-minute limit is not part of the snippet.") }</p>
                    }
                    <p class="muted">
                        <a href="embed-demo.html" target="_blank" rel="noopener">{ "Every option, with live examples ↗" }</a>
                        { " · " }
                        <a href="author/" target="_blank" rel="noopener">{ "Embed your own questions ↗" }</a>
                    </p>
                </div>
            }
        </div>
    }
}

use super::CopyLink;
use crate::platform;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `data-` attributes of the snippet, e.g. `[("topic", "scope"), ("count", "5")]`.
    pub attrs: Vec<(AttrValue, AttrValue)>,
}

/// "Embed this quiz": the one-line snippet a blog pastes.
#[function_component]
pub fn EmbedDialog(props: &Props) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let base = platform::base_url();
    let dir = base.rsplit_once('/').map_or(base.as_str(), |(d, _)| d);
    let attrs: String = props
        .attrs
        .iter()
        .map(|(k, v)| format!(" data-{k}=\"{v}\""))
        .collect();
    let snippet = format!("<script src=\"{dir}/embed.js\"{attrs} async></script>");
    html! {
        <div class="embed-dialog">
            <button class="secondary" aria-expanded={open.to_string()} onclick={toggle}>{ "Embed this quiz" }</button>
            if *open {
                <div class="embed-panel" role="region" aria-label="Embed code">
                    <p>{ "Paste this where the quiz should appear in your post. The frame sizes itself to its content." }</p>
                    <textarea class="snippet" readonly=true rows="3" aria-label="Embed snippet" value={snippet.clone()} />
                    <CopyLink label="Copy snippet" text={snippet} />
                    <p class="muted">{ "Options: data-topic, data-ids, data-count, data-difficulty, data-theme (light, dark, auto), data-mode (practice, exam)." }</p>
                </div>
            }
        </div>
    }
}

//! The author page: a TOML draft on the left, its problems or a live preview (the real embed, in
//! an iframe, handed the compiled file as `embed.js` would) on the right, then the download and
//! the snippets. The draft is kept in localStorage under its own key.

use crate::{compile, inline_snippet, snippet, Compiled, OUTPUT_NAME, SOURCE_NAME, TEMPLATE};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlIFrameElement, HtmlInputElement, HtmlTextAreaElement, MessageEvent};
use yew::prelude::*;

/// Not a `pyquiz.` key: the app's storage rules never see it.
const DRAFT_KEY: &str = "pyquiz-author.draft";
/// Compiles this long after the last keystroke.
const PAUSE_MS: u32 = 300;

pub fn mount() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<AuthorPage>::with_root(root).render();
        }
        None => {
            yew::Renderer::<AuthorPage>::new().render();
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn load_draft() -> String {
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok()?)
        .unwrap_or_else(|| TEMPLATE.to_string())
}

fn save_draft(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(DRAFT_KEY, text).is_ok())
}

/// `embed.js` and the embed page, next to this page's folder.
fn site_url(path: &str) -> String {
    let here = gloo::utils::document().url().unwrap_or_default();
    web_sys::Url::new_with_base(path, &here)
        .map(|u| u.href())
        .unwrap_or_else(|_| path.to_string())
}

/// Saves `text` as `name` in the browser's downloads.
fn download(text: &str, name: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoked later: some browsers still read the address after the click returns.
    Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Copies `text`, then says whether it worked: the clipboard needs a secure page (https or
/// localhost), and the text stays selectable in its field either way.
fn copy(text: &str, said: UseStateHandle<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let failed = "Could not copy: select the text in its field and copy it.".to_string();
    if !window.is_secure_context() {
        said.set(failed);
        return;
    }
    let promise = window.navigator().clipboard().write_text(text);
    let ok = {
        let said = said.clone();
        Closure::once(move |_: JsValue| said.set("Copied.".into()))
    };
    let err = Closure::once(move |_: JsValue| said.set(failed));
    let _ = promise.then2(&ok, &err);
    ok.forget();
    err.forget();
}

/// The page runs on the author's own machine: its embed.js address would not work in a post.
fn on_this_machine() -> bool {
    let host = web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .unwrap_or_default();
    matches!(
        host.as_str(),
        "localhost" | "127.0.0.1" | "[::1]" | "0.0.0.0"
    )
}

#[function_component]
pub fn AuthorPage() -> Html {
    let draft = use_state(load_draft);
    let compiled = use_state(|| compile(&draft));
    // Bumped on every good compile: a fresh preview frame takes the new file.
    let version = use_state(|| 0u32);
    let saved = use_state(|| true);
    let file_url = use_state(|| OUTPUT_NAME.to_string());
    let pending = use_mut_ref(|| None::<Timeout>);
    let frame = use_node_ref();
    let copied = use_state(String::new);

    let on_input = {
        let (draft, compiled, version, saved) = (
            draft.clone(),
            compiled.clone(),
            version.clone(),
            saved.clone(),
        );
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            saved.set(save_draft(&text));
            draft.set(text.clone());
            let (compiled, version) = (compiled.clone(), version.clone());
            *pending.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || {
                let next = compile(&text);
                if matches!(next, Compiled::Quiz { .. }) && next != *compiled {
                    version.set(*version + 1);
                }
                compiled.set(next);
            }));
        })
    };
    let on_template = {
        let (draft, compiled, version, saved) = (
            draft.clone(),
            compiled.clone(),
            version.clone(),
            saved.clone(),
        );
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            let keep = *draft != TEMPLATE
                && !web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message("Replace your draft with the template?")
                            .ok()
                    })
                    .unwrap_or(false);
            if keep {
                return;
            }
            // A compile of the old draft still waiting would otherwise land after this one.
            pending.borrow_mut().take();
            saved.set(save_draft(TEMPLATE));
            draft.set(TEMPLATE.to_string());
            compiled.set(compile(TEMPLATE));
            version.set(*version + 1);
        })
    };

    // The preview frame asks for its quiz ("ready") and reports its height.
    {
        let frame = frame.clone();
        let json = match &*compiled {
            Compiled::Quiz { json, .. } => Some(json.clone()),
            Compiled::Problems(_) => None,
        };
        use_effect_with((*version, json), move |(_, json)| {
            let json = json.clone();
            let mut listener = None;
            let window = web_sys::window();
            if let (Some(window), Some(json)) = (window.clone(), json) {
                let frame = frame.clone();
                let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                    let Some(iframe) = frame.cast::<HtmlIFrameElement>() else {
                        return;
                    };
                    let Some(child) = iframe.content_window() else {
                        return;
                    };
                    if e.source().map(JsValue::from) != Some(JsValue::from(&child)) {
                        return;
                    }
                    let data = e.data();
                    let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                    if get("source").and_then(|v| v.as_string()).as_deref() != Some("pyquiz") {
                        return;
                    }
                    match get("type").and_then(|v| v.as_string()).as_deref() {
                        Some("ready") => {
                            let msg = js_sys::Object::new();
                            let _ =
                                js_sys::Reflect::set(&msg, &"source".into(), &"pyquiz-host".into());
                            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"quiz".into());
                            let _ =
                                js_sys::Reflect::set(&msg, &"text".into(), &json.as_str().into());
                            let _ = child.post_message(&msg, &e.origin());
                        }
                        Some("height") => {
                            if let Some(h) = get("height").and_then(|v| v.as_f64()) {
                                let _ = iframe
                                    .style()
                                    .set_property("height", &format!("{}px", h.ceil()));
                            }
                        }
                        _ => {}
                    }
                });
                let _ = window
                    .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref());
                listener = Some(closure);
            }
            move || {
                if let (Some(w), Some(c)) = (window, listener) {
                    let _ = w
                        .remove_event_listener_with_callback("message", c.as_ref().unchecked_ref());
                }
            }
        });
    }

    let on_save_toml = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| download(&draft, SOURCE_NAME, "application/toml"))
    };
    let embed_js = site_url("../embed.js");
    let (status, problems, publish) = match &*compiled {
        Compiled::Problems(list) => (
            html! { <p class="status bad">{ format!("{} to fix before the quiz can be shown", plural(list.len(), "problem")) }</p> },
            html! {
                <ol class="problems" aria-label="Problems">
                    { for list.iter().map(|(line, message)| html! {
                        <li><span class="line">{ format!("line {line}") }</span>{ ": " }{ message.clone() }</li>
                    }) }
                </ol>
            },
            html! {},
        ),
        Compiled::Quiz { json, questions } => {
            let on_download = {
                let json = json.clone();
                Callback::from(move |_: MouseEvent| {
                    download(&json, OUTPUT_NAME, "application/json")
                })
            };
            let on_url = {
                let file_url = file_url.clone();
                Callback::from(move |e: InputEvent| {
                    file_url.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let tag = snippet(&embed_js, &file_url);
            let inline = inline_snippet(&embed_js, json);
            let copy_tag = {
                let (tag, copied) = (tag.clone(), copied.clone());
                Callback::from(move |_: MouseEvent| copy(&tag, copied.clone()))
            };
            let copy_inline = {
                let (inline, copied) = (inline.clone(), copied.clone());
                Callback::from(move |_: MouseEvent| copy(&inline, copied.clone()))
            };
            (
                html! { <p class="status good">{ format!("Ready: {}", plural(*questions, "question")) }</p> },
                html! {},
                html! {
                    <section class="publish" aria-labelledby="publish-title">
                        <h2 id="publish-title">{ "Put it on your blog" }</h2>
                        <p>{ "1. Download the quiz file and upload it next to your post." }</p>
                        <button type="button" class="primary" onclick={on_download}>{ format!("Download {OUTPUT_NAME}") }</button>
                        <p><label for="file-url">{ "2. Its address, as seen from your post (just the name if it sits next to the post)" }</label></p>
                        <input id="file-url" type="text" value={(*file_url).clone()} oninput={on_url} />
                        <p><label for="tag">{ "3. Paste this tag where the quiz should appear:" }</label></p>
                        <textarea id="tag" class="snippet" readonly=true rows="2" value={tag} />
                        <button type="button" class="secondary" onclick={copy_tag}>{ "Copy tag" }</button>
                        <span class="muted copied" role="status">{ (*copied).clone() }</span>
                        if on_this_machine() {
                            <p class="notice info">{ "This page runs on your own machine, so the tag points at it: use the address of your deployed pyquiz in your post (or open this page there)." }</p>
                        }
                        <details>
                            <summary>{ "Cannot upload files? Put the quiz in the page instead" }</summary>
                            <textarea class="snippet" readonly=true rows="4" aria-label="Inline form" value={inline} />
                            <button type="button" class="secondary" onclick={copy_inline}>{ "Copy inline form" }</button>
                        </details>
                        <p class="muted">{ "Every other embed attribute works too: " }<a href="../embed-demo.html">{ "the embed's options" }</a>{ "." }</p>
                    </section>
                },
            )
        }
    };
    let preview = match &*compiled {
        Compiled::Quiz { .. } => html! {
            <iframe key={*version} ref={frame.clone()} class="preview-frame" title="Preview of your quiz"
                src={site_url("../embed/#quiz=host")} />
        },
        Compiled::Problems(_) => {
            html! { <p class="muted">{ "The preview comes back once the problems are fixed." }</p> }
        }
    };
    html! {
        <main class="author">
            <header>
                <h1>{ "Write your own quiz" }</h1>
                <p>{ "Questions in the same TOML as pyquiz's own bank: every type, code, explanations, hints and links. It is compiled here, in your browser; nothing is uploaded. " }
                   <a href="../">{ "Back to pyquiz" }</a></p>
            </header>
            <div class="author-grid">
                <section class="editor" aria-labelledby="draft-label">
                    <div class="editor-bar">
                        <label id="draft-label" for="draft">{ "Your quiz (TOML)" }</label>
                        <button type="button" class="secondary" onclick={on_template}>{ "Start from the template" }</button>
                    </div>
                    <textarea id="draft" spellcheck="false" wrap="off" rows="28" value={(*draft).clone()} oninput={on_input} />
                    <p class="muted">{ if *saved { "Your draft is kept in this browser." } else { "Your draft could not be kept in this browser: download it or copy it somewhere." } }
                        { " " }<button type="button" class="link" onclick={on_save_toml}>{ format!("Download {SOURCE_NAME}") }</button></p>
                </section>
                <section class="preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">{ "Preview" }</h2>
                    <div role="status">{ status }</div>
                    { problems }
                    { preview }
                    { publish }
                </section>
            </div>
        </main>
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

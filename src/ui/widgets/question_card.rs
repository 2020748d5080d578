use super::feedback::Feedback;
use super::options::Options;
use super::CopyLink;
use crate::bank::{question_meta, Body, Question};
use crate::platform;
use crate::quiz::{Entry, Grade, Mode};
use crate::state::Action;
use crate::ui::hooks::use_app;
use crate::ui::markup::raw_html;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Rc<Question>,
    pub entry: Entry,
    pub mode: Mode,
    /// The quiz is over: show feedback in exam mode too, accept nothing.
    #[prop_or_default]
    pub finished: bool,
}

/// One question: prompt, code, the answer controls for its type, hint and feedback.
#[function_component]
pub fn QuestionCard(props: &Props) -> Html {
    let app = use_app();
    let q = &props.question;
    let entry = &props.entry;
    let answered = entry.answer.is_some();
    let show_feedback = answered && (props.mode == Mode::Practice || props.finished);
    let locked = answered || props.finished;
    let topic = question_meta(&q.id).map(|m| m.topic().title).unwrap_or("");

    let body = match &q.body {
        Body::Single { options } | Body::Multi { options } | Body::Output { options } => html! {
            <Options kind={q.body.kind()} options={options.clone()} selected={entry.selected.clone()} reveal={show_feedback} {locked} />
        },
        Body::Short { .. } => short_input(&app, entry, locked),
        Body::Flashcard { answer, checklist } => flashcard(&app, entry, answer, checklist, locked),
    };

    let hint = match &q.hint {
        Some(h) if entry.hint_shown => {
            html! { <div class="hint"><strong>{ "Hint: " }</strong>{ raw_html(h) }</div> }
        }
        Some(_) if !locked => {
            let dispatch = app.dispatcher();
            html! { <button class="ghost hint-button" onclick={move |_| dispatch.dispatch(Action::ShowHint)}>{ "Show a hint" }</button> }
        }
        _ => html! {},
    };

    html! {
        <article class="question-card" aria-labelledby={format!("q-{}", q.id)}>
            <p class="meta">
                <span class="topic-name">{ topic }</span>
                <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.label() }</span>
                if q.tags.iter().any(|t| t == "gotcha") { <span class="badge gotcha">{ "gotcha" }</span> }
                if let Some(v) = &q.min_python { <span class="badge">{ format!("Python {v}+") }</span> }
                <span class="permalink"><CopyLink label="Copy link" text={format!("{}#/question/{}", platform::base_url(), q.id)} /></span>
            </p>
            <div class="prompt" id={format!("q-{}", q.id)} tabindex="-1">{ raw_html(&q.prompt) }</div>
            if let Some(code) = &q.code { <div class="snippet-code">{ raw_html(code) }</div> }
            { body }
            { hint }
            if show_feedback {
                if let Some(answer) = &entry.answer { <Feedback question={q.clone()} answer={answer.clone()} /> }
            }
        </article>
    }
}

fn short_input(app: &crate::ui::hooks::AppHandle, entry: &Entry, locked: bool) -> Html {
    let oninput = {
        let dispatch = app.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Type(input.value()));
        })
    };
    let onsubmit = {
        let dispatch = app.dispatcher();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Submit {
                now: platform::now_ms(),
            });
        })
    };
    html! {
        <form class="short-answer" {onsubmit}>
            <label for="short-input">{ "Your answer" }</label>
            <input id="short-input" type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                value={entry.text.clone()} {oninput} disabled={locked} />
        </form>
    }
}

fn flashcard(
    app: &crate::ui::hooks::AppHandle,
    entry: &Entry,
    answer: &str,
    checklist: &[String],
    locked: bool,
) -> Html {
    if !entry.revealed {
        let dispatch = app.dispatcher();
        return html! {
            <div class="flashcard">
                <p class="muted">{ "Answer out loud or on paper, then reveal the model answer." }</p>
                <button class="primary" onclick={move |_| dispatch.dispatch(Action::Reveal)}>
                    { "Reveal answer" }<kbd>{ "Space" }</kbd>
                </button>
            </div>
        };
    }
    let graded = entry.answer.as_ref().map(|a| &a.response);
    html! {
        <div class="flashcard revealed">
            <h3>{ "Model answer" }</h3>
            <div class="model-answer">{ raw_html(answer) }</div>
            <h3>{ "A strong answer covers" }</h3>
            <ul class="checklist">{ for checklist.iter().map(|c| html! { <li>{ raw_html(c) }</li> }) }</ul>
            <div class="grades" role="group" aria-label="How well did you know it?">
                { for Grade::ALL.iter().enumerate().map(|(i, &g)| {
                    let dispatch = app.dispatcher();
                    let picked = graded == Some(&crate::quiz::Response::SelfGrade(g));
                    html! {
                        <button class={classes!("grade", g.label().to_lowercase(), picked.then_some("picked"))} disabled={locked}
                            aria-pressed={picked.to_string()}
                            onclick={move |_| dispatch.dispatch(Action::SelfGrade { grade: g, now: platform::now_ms() })}>
                            <span class="key" aria-hidden="true">{ i + 1 }</span>{ g.label() }
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}

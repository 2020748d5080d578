use super::options::Options;
use crate::bank::Rich;
use crate::bank::{topic_of, Body, Question};
use crate::platform;
use crate::quiz::{Answer, Grade, Mode, QuizAction, Response, Slot};
use crate::ui::markup::{rich, rich_inline};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Rc<Question>,
    pub slot: Slot,
    pub mode: Mode,
    /// The quiz is over: show the feedback in an exam too, accept nothing.
    #[prop_or_default]
    pub finished: bool,
    /// More for the meta line: the app's permalink, bookmark and report links.
    #[prop_or_default]
    pub extras: Html,
    pub on_action: Callback<QuizAction>,
    /// A button beside the question (its toolbar, "Show a hint") has done its job: give focus
    /// back to the question, so the next Enter answers instead of pressing it again. Without
    /// it the button simply lets go of focus.
    #[prop_or_default]
    pub on_tool_used: Option<Callback<()>>,
}

/// One question: prompt, code, the answer controls for its type, hint and feedback. Draws its
/// props and reports what the learner did; it holds no state of its own.
#[function_component]
pub fn QuestionCard(props: &Props) -> Html {
    let q = &props.question;
    let slot = &props.slot;
    let answered = slot.answer.is_some();
    let locked = answered || props.finished;
    // Feedback after each answer in practice; for every question, skipped ones too, once the
    // quiz is over.
    let reveal = answered && props.mode == Mode::Practice || props.finished;
    let on = props.on_action.clone();
    let tool_used = {
        let give_back = props.on_tool_used.clone();
        move || match &give_back {
            Some(give_back) => give_back.emit(()),
            None => let_go_of_focus(),
        }
    };
    // Clicks (and Enter or Space) on the toolbar's buttons and links, not on its text.
    let on_toolbar = {
        let tool_used = tool_used.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            if target.is_some_and(|t| t.closest("button, a").ok().flatten().is_some()) {
                tool_used();
            }
        })
    };
    let own = use_context::<super::OwnQuestions>().is_some();
    let topic = topic_of(&q.id).filter(|_| !own).map_or("", |t| t.title);
    // Tags such as "gotcha" would give the answer away: they show with the feedback.
    let gotcha = reveal && q.tags.iter().any(|t| t == "gotcha");
    let body = match &q.body {
        Body::Single { .. } | Body::Multi { .. } | Body::Output { .. } => html! {
            <Options question={q.clone()}
                picked={slot.picked.clone()} {reveal} {locked}
                on_pick={on.reform(QuizAction::Pick)} />
        },
        Body::Short { .. } => short_input(&q.id, slot, locked, &on),
        Body::Flashcard { answer, checklist } => flashcard(
            slot.revealed || props.finished,
            slot,
            answer,
            checklist,
            locked,
            &on,
        ),
    };
    let hint = match &q.hint {
        Some(h) if slot.hint_shown => {
            html! { <div class="hint"><strong>{ "Hint: " }</strong>{ rich(h) }</div> }
        }
        Some(_) if !locked && props.mode == Mode::Practice => html! {
            <button type="button" class="ghost hint-button" onclick={ {
                let on = on.clone();
                move |_: MouseEvent| {
                    on.emit(QuizAction::Hint);
                    tool_used();
                }
            } }>
                { "Show a hint" }<kbd>{ "H" }</kbd>
            </button>
        },
        _ => html! {},
    };
    html! {
        <article class="question-card" aria-labelledby={format!("prompt-{}", q.id)}>
            <p class="meta" onclick={on_toolbar}>
                <span class="topic-name">{ topic }</span>
                <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.label() }</span>
                if gotcha { <span class="badge gotcha">{ "gotcha" }</span> }
                if let Some(v) = python_range(q) { <span class="badge">{ v }</span> }
                { props.extras.clone() }
            </p>
            <div class="prompt" id={format!("prompt-{}", q.id)}>{ rich(&q.prompt) }</div>
            if let Some(code) = &q.code { <div class="snippet-code">{ rich(code) }</div> }
            { body }
            { hint }
            if reveal { { feedback(q, slot.answer.as_ref()) } }
        </article>
    }
}

/// Blurs the focused element: focus returns to the page, whose keys are the quiz's.
fn let_go_of_focus() {
    let active = gloo::utils::document().active_element();
    if let Some(el) = active.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        el.blur().ok();
    }
}

fn python_range(q: &Question) -> Option<String> {
    match (&q.min_python, &q.max_python) {
        (Some(a), Some(b)) => Some(format!("Python {a}–{b}")),
        (Some(a), None) => Some(format!("Python {a}+")),
        (None, Some(b)) => Some(format!("Python ≤ {b}")),
        (None, None) => None,
    }
}

fn short_input(id: &str, slot: &Slot, locked: bool, on: &Callback<QuizAction>) -> Html {
    let oninput = on.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        QuizAction::Type(input.value())
    });
    let onsubmit = on.reform(|e: SubmitEvent| {
        e.prevent_default();
        QuizAction::Submit {
            now: platform::now_ms(),
        }
    });
    let input_id = format!("short-{id}");
    html! {
        <form class="short-answer" {onsubmit}>
            <label for={input_id.clone()}>{ "Your answer" }</label>
            <input id={input_id} class="short-input" type="text" autocomplete="off" autocapitalize="off"
                spellcheck="false" value={slot.text.clone()} {oninput} disabled={locked} />
        </form>
    }
}

fn flashcard(
    revealed: bool,
    slot: &Slot,
    answer: &Rich,
    checklist: &[Rich],
    locked: bool,
    on: &Callback<QuizAction>,
) -> Html {
    if !revealed {
        return html! {
            <div class="flashcard">
                <p class="muted">{ "Answer out loud or on paper, then show the model answer and grade yourself." }</p>
                <button type="button" class="primary reveal" onclick={on.reform(|_| QuizAction::Reveal)}>
                    { "Show answer" }<kbd>{ "Space" }</kbd>
                </button>
            </div>
        };
    }
    let graded = slot.answer.as_ref().map(|a| &a.response);
    html! {
        <div class="flashcard revealed">
            <h2 class="card-subhead">{ "Model answer" }</h2>
            <div class="model-answer">{ rich(answer) }</div>
            <h2 class="card-subhead">{ "A strong answer covers" }</h2>
            <ul class="checklist">{ for checklist.iter().map(|c| html! { <li>{ rich_inline(c) }</li> }) }</ul>
            <div class="grades" role="group" aria-label="How well did you know it?">
                { for Grade::ALL.iter().enumerate().map(|(i, &g)| {
                    let picked = graded == Some(&Response::SelfGrade(g));
                    html! {
                        <button type="button" class={classes!("grade", picked.then_some("picked"))} disabled={locked}
                            aria-pressed={picked.to_string()}
                            onclick={on.reform(move |_| QuizAction::SelfGrade { grade: g, now: platform::now_ms() })}>
                            <kbd aria-hidden="true">{ i + 1 }</kbd>{ g.label() }
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}

/// Right or wrong in words (or skipped, once the quiz is over), what was expected, why, and
/// where to read more.
fn feedback(q: &Question, answer: Option<&Answer>) -> Html {
    let Some(a) = answer else {
        let expected = match &q.body {
            Body::Short { answers, .. } => html! {
                <p class="expected">{ "The answer is " }<code>{ answers.first().cloned().unwrap_or_default() }</code>{ "." }</p>
            },
            _ => html! {},
        };
        return feedback_box(q, "skipped", "– Skipped".into(), expected);
    };
    let (class, verdict) = match (&a.response, a.correct) {
        (Response::SelfGrade(g), _) => ("graded", format!("You graded this: {}", g.label())),
        (_, true) => ("right", "✓ Correct".to_string()),
        (_, false) => ("wrong", "✗ Not quite".to_string()),
    };
    let expected = match (&q.body, &a.response) {
        (Body::Short { answers, .. }, Response::Text(t)) => html! {
            <p class="expected">
                { "You wrote " }<code>{ t.clone() }</code>
                if !a.correct { { "; the answer is " }<code>{ answers.first().cloned().unwrap_or_default() }</code> }
                { "." }
            </p>
        },
        (_, Response::Legacy) => html! {
            <p class="muted">{ "Answered with an earlier version of pyquiz: the pick itself was not kept." }</p>
        },
        _ => html! {},
    };
    feedback_box(q, class, verdict, expected)
}

fn feedback_box(q: &Question, class: &'static str, verdict: String, expected: Html) -> Html {
    html! {
        <section class={classes!("feedback", class)} aria-label="Feedback">
            <h2 class="verdict">{ verdict }</h2>
            { expected }
            <div class="explanation">{ rich(&q.explanation) }</div>
            <p class="docs"><a href={q.docs.clone()} target="_blank" rel="noopener">{ "Read the docs ↗" }</a></p>
        </section>
    }
}

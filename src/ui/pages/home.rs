use crate::bank::{questions_in_topic, Difficulty, QUESTIONS, TOPICS};
use crate::platform;
use crate::quiz::{matching, select, Filters, Mode};
use crate::state::Action;
use crate::ui::hooks::use_app;
use crate::ui::route::Route;
use crate::ui::widgets::EmbedDialog;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

const COUNTS: [usize; 5] = [5, 10, 20, 30, 50];

fn topic_ids() -> Vec<&'static str> {
    TOPICS.iter().map(|t| t.id).collect()
}

/// Pick topics, difficulty, length and mode; continue or review; start.
#[function_component]
pub fn HomePage() -> Html {
    let app = use_app();
    let navigator = use_navigator().expect("inside the router");
    let filters = app.progress.settings.filters.clone();
    let mode = app.progress.settings.mode;
    let ids = topic_ids();
    let available = matching(&QUESTIONS, &ids, &filters).len();
    let now = platform::now_ms();
    let due = app.progress.due_ids(QUESTIONS.iter().map(|q| q.id), now);

    let set_filters = {
        let d = app.dispatcher();
        move |f: Filters| d.dispatch(Action::SetFilters(f))
    };
    let start = {
        let app = app.clone();
        let navigator = navigator.clone();
        let filters = filters.clone();
        Callback::from(move |_| {
            let now = platform::now_ms();
            let picked = select(&QUESTIONS, &topic_ids(), &filters, now as u64);
            app.dispatch(Action::Start {
                ids: picked,
                mode,
                now,
            });
            navigator.push(&Route::Quiz);
        })
    };
    let review = {
        let app = app.clone();
        let navigator = navigator.clone();
        let due = due.clone();
        Callback::from(move |_| {
            let ids: Vec<String> = due.iter().take(20).cloned().collect();
            app.dispatch(Action::Start {
                ids,
                mode: Mode::Practice,
                now: platform::now_ms(),
            });
            navigator.push(&Route::Quiz);
        })
    };

    let continue_card = app.progress.unfinished().map(|s| {
        let nav = navigator.clone();
        let d = app.dispatcher();
        html! {
            <section class="card continue" aria-label="Unfinished quiz">
                <h2>{ "Continue your quiz" }</h2>
                <p>{ format!("{} of {} answered, question {} of {}.", s.answered_count(), s.ids.len(), s.position + 1, s.ids.len()) }</p>
                <div class="actions">
                    <button class="primary" onclick={move |_| nav.push(&Route::Quiz)}>{ "Continue" }</button>
                    <button class="ghost" onclick={move |_| d.dispatch(Action::Discard)}>{ "Discard it" }</button>
                </div>
            </section>
        }
    });

    let topic_boxes = TOPICS.iter().enumerate().map(|(i, t)| {
        let checked = filters.topics.iter().any(|x| x == t.id);
        let count = questions_in_topic(i)
            .filter(|q| {
                filters.difficulties.is_empty() || filters.difficulties.contains(&q.difficulty)
            })
            .count();
        let onchange = {
            let f = filters.clone();
            let set = set_filters.clone();
            let id = t.id.to_string();
            Callback::from(move |_| {
                let mut f = f.clone();
                if let Some(at) = f.topics.iter().position(|x| *x == id) {
                    f.topics.remove(at);
                } else {
                    f.topics.push(id.clone());
                }
                set(f);
            })
        };
        html! {
            <label class={classes!("topic", checked.then_some("checked"))} title={t.summary}>
                <input type="checkbox" {checked} {onchange} />
                <span class="topic-title">{ t.title }</span>
                <span class="count" aria-label={format!("{count} questions")}>{ count }</span>
            </label>
        }
    });

    let difficulty_boxes = Difficulty::ALL.iter().map(|&d| {
        let checked = filters.difficulties.contains(&d);
        let onchange = {
            let f = filters.clone();
            let set = set_filters.clone();
            Callback::from(move |_| {
                let mut f = f.clone();
                if let Some(at) = f.difficulties.iter().position(|x| *x == d) {
                    f.difficulties.remove(at);
                } else {
                    f.difficulties.push(d);
                }
                set(f);
            })
        };
        html! { <label class="chip"><input type="checkbox" {checked} {onchange} />{ d.label() }</label> }
    });

    let on_count = {
        let f = filters.clone();
        let set = set_filters.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut f = f.clone();
            f.count = select.value().parse().unwrap_or(10);
            set(f);
        })
    };
    let mode_radio = |m: Mode, label: &'static str, help: &'static str| {
        let d = app.dispatcher();
        html! {
            <label class="chip" title={help}>
                <input type="radio" name="mode" checked={mode == m} onchange={move |_| d.dispatch(Action::SetMode(m))} />{ label }
            </label>
        }
    };

    let quiz_size = available.min(filters.count);
    let mut embed_attrs: Vec<(AttrValue, AttrValue)> = Vec::new();
    if !filters.topics.is_empty() {
        embed_attrs.push(("topic".into(), filters.topics.join(",").into()));
    }
    if !filters.difficulties.is_empty() {
        let d: Vec<&str> = filters.difficulties.iter().map(|d| d.as_str()).collect();
        embed_attrs.push(("difficulty".into(), d.join(",").into()));
    }
    embed_attrs.push(("count".into(), filters.count.min(50).to_string().into()));

    html! {
        <div class="home">
            <section class="intro">
                <h1>{ "Python interview practice" }</h1>
                <p>{ format!("{} questions on {} topics, checked against CPython. Everything runs in your browser; your progress stays on this device.", QUESTIONS.len(), TOPICS.len()) }</p>
            </section>
            { continue_card }
            if !due.is_empty() {
                <section class="card review" aria-label="Review">
                    <h2>{ "Due for review" }</h2>
                    <p>{ format!("{} question{} you answered before {} due again.", due.len(), if due.len() == 1 { "" } else { "s" }, if due.len() == 1 { "is" } else { "are" }) }</p>
                    <button class="secondary" onclick={review}>{ format!("Review {}", due.len().min(20)) }</button>
                </section>
            }
            <section class="card builder" aria-labelledby="builder-title">
                <h2 id="builder-title">{ "Build a quiz" }</h2>
                <fieldset class="topics">
                    <legend>{ "Topics " }<span class="muted">{ "(none picked = all)" }</span></legend>
                    <div class="topic-grid">{ for topic_boxes }</div>
                </fieldset>
                <div class="row">
                    <fieldset><legend>{ "Difficulty" }</legend>{ for difficulty_boxes }</fieldset>
                    <fieldset><legend>{ "Mode" }</legend>
                        { mode_radio(Mode::Practice, "Practice", "Feedback after every question") }
                        { mode_radio(Mode::Exam, "Exam", "Feedback at the end") }
                    </fieldset>
                    <label class="count-select">{ "Questions " }
                        <select onchange={on_count} aria-label="Number of questions">
                            { for COUNTS.iter().map(|&c| html! { <option value={c.to_string()} selected={c == filters.count}>{ c }</option> }) }
                        </select>
                    </label>
                </div>
                <p class="showing" aria-live="polite">{ format!("Showing {available} of {} questions", QUESTIONS.len()) }
                    <span class="muted">{ format!(" · this quiz: {quiz_size}") }</span>
                </p>
                <div class="actions">
                    <button class="primary start" onclick={start} disabled={available == 0}>{ "Start quiz" }</button>
                    <EmbedDialog attrs={embed_attrs} />
                </div>
            </section>
        </div>
    }
}

//! Ways to study, on the home and progress pages: due reviews, recent mistakes, weak topics and
//! cramming one topic.

use crate::bank::{questions_in_topic, QUESTIONS, TOPICS};
use crate::platform;
use crate::progress::study;
use crate::quiz::{select, Filters, Mode};
use crate::state::{Action, Purpose};
use crate::ui::app::{use_app, AppHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Reviews and mistakes offered at once, at most.
const BATCH: usize = 20;

/// Starts a quiz and shows it.
pub fn start(app: &AppHandle, ids: Vec<String>, mode: Mode, purpose: Purpose) {
    let now = platform::now_ms();
    app.dispatch(Action::Start {
        ids,
        mode,
        purpose,
        now,
    });
    platform::go("/quiz");
}

fn all_ids() -> impl Iterator<Item = &'static str> {
    QUESTIONS.iter().map(|q| q.id)
}

/// The questions of topics, by index, for the weakest-topics study.
fn by_topic() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    TOPICS
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, questions_in_topic(i).map(|q| q.id).collect()))
}

/// A section of a page (it reads the app state), not a leaf widget.
#[function_component]
pub fn StudyActions() -> Html {
    let app = &use_app();
    let cram_topic = use_state(|| 0usize);
    let now = platform::now_ms();
    let records = &app.0.records;
    let due = study::due_queue(records, all_ids(), now);
    let mistakes = study::mistakes(records, all_ids());
    let weakest: Vec<&str> = study::weakest_topics(records, by_topic(), now)
        .into_iter()
        .take(3)
        .collect();
    let button = |label: String, help: &'static str, ids: Vec<String>, class: &'static str| {
        let app = app.clone();
        let empty = ids.is_empty();
        let onclick =
            Callback::from(move |_| start(&app, ids.clone(), Mode::Practice, Purpose::Study));
        html! {
            <div class="study-action">
                <button type="button" class={class} disabled={empty} {onclick}>{ label }</button>
                <span class="muted">{ help }</span>
            </div>
        }
    };
    let weak_ids = {
        let filters = Filters {
            topics: weakest.iter().map(|t| t.to_string()).collect(),
            difficulties: Vec::new(),
            count: 10,
        };
        if weakest.is_empty() {
            Vec::new()
        } else {
            select(crate::bank::candidates(), &filters, now as u64)
        }
    };
    let weak_names: Vec<&str> = weakest
        .iter()
        .filter_map(|t| crate::bank::topic(t).map(|t| t.title))
        .collect();
    html! {
        <div class="study-actions">
            { button(format!("Due today ({})", due.len()), "Reviews the scheduler says you are about to forget, most forgotten first.", due.into_iter().take(BATCH).collect(), "primary due-today") }
            { button(format!("Practise my mistakes ({})", mistakes.len()), "Questions you got wrong (or skipped) last time.", mistakes.into_iter().take(BATCH).collect(), "secondary mistakes") }
            { button("Weakest topics".into(), if weak_names.is_empty() { "Answer a few questions first." } else { "Ten questions from the three topics you know least." }, weak_ids, "secondary weakest") }
            if !weak_names.is_empty() { <p class="muted weak-names">{ format!("Weakest now: {}.", weak_names.join(", ")) }</p> }
            { cram(app, &cram_topic) }
        </div>
    }
}

/// "Cram a topic": every question of one topic, ignoring the schedule.
fn cram(app: &AppHandle, topic: &UseStateHandle<usize>) -> Html {
    let onchange = {
        let topic = topic.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            topic.set(s.value().parse().unwrap_or(0));
        })
    };
    let go = {
        let app = app.clone();
        let i = **topic;
        Callback::from(move |_| {
            let ids = questions_in_topic(i).map(|q| q.id.to_string()).collect();
            start(&app, ids, Mode::Practice, Purpose::Cram);
        })
    };
    html! {
        <div class="study-action cram">
            <label for="cram-topic">{ "Cram a topic" }</label>
            <select id="cram-topic" {onchange}>
                { for TOPICS.iter().enumerate().map(|(i, t)| html! { <option value={i.to_string()} selected={i == **topic}>{ t.title }</option> }) }
            </select>
            <button type="button" class="secondary cram-start" onclick={go}>{ "Cram" }</button>
            <span class="muted">{ "All its questions; your review schedule is left as it is." }</span>
        </div>
    }
}

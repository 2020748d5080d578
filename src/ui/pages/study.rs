//! Ways to study, on the home and progress pages: due reviews, recent mistakes, weak topics and
//! cramming one topic.

use crate::bank::{question_meta, questions_in_topic, QUESTIONS, TOPICS};
use crate::platform;
use crate::progress::study;
use crate::quiz::{select, Filters, Mode};
use crate::route::quiz_address;
use crate::state::{Action, Purpose};
use crate::ui::app::{use_app, AppHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Reviews and mistakes offered at once, at most.
pub const BATCH: usize = 20;

/// Questions a quiz of the learner's own choosing (bookmarks, search results) takes at most.
pub const CHOSEN_MAX: usize = 50;

/// Starts a quiz and shows it at its own address (`#/q/…`), so the address bar shares it. With
/// nothing to quiz on the page stays, and the state says why.
pub fn start(app: &AppHandle, ids: Vec<String>, mode: Mode, purpose: Purpose) {
    let now = platform::now_ms();
    let known: Vec<String> = ids
        .iter()
        .filter(|id| question_meta(id).is_some())
        .cloned()
        .collect();
    app.dispatch(Action::Start {
        ids,
        mode,
        purpose,
        now,
    });
    if !known.is_empty() {
        platform::go(&quiz_address(&known, mode));
    }
}

/// The bookmarked questions, in bank order.
pub fn bookmarked_ids(app: &AppHandle) -> Vec<String> {
    let settings = &app.0.settings;
    QUESTIONS
        .iter()
        .filter(|q| settings.is_bookmarked(q.id))
        .map(|q| q.id.to_string())
        .collect()
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
    let button = |label: String,
                  help: String,
                  ids: Vec<String>,
                  class: &'static str,
                  purpose: Purpose| {
        let app = app.clone();
        let empty = ids.is_empty();
        let onclick = Callback::from(move |_| start(&app, ids.clone(), Mode::Practice, purpose));
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
    let bookmarks = bookmarked_ids(app);
    let bookmarks_help = match bookmarks.len() {
        0 => "Bookmark questions (☆) in a quiz or in Browse to quiz them here.".into(),
        n if n > CHOSEN_MAX => format!("The first {CHOSEN_MAX} of the questions you bookmarked."),
        _ => "The questions you bookmarked.".into(),
    };
    let weak_names: Vec<&str> = weakest
        .iter()
        .filter_map(|t| crate::bank::topic(t).map(|t| t.title))
        .collect();
    html! {
        <div class="study-actions">
            { button(format!("Due today ({})", due.len()), "Reviews the scheduler says you are about to forget, most forgotten first.".into(), due.into_iter().take(BATCH).collect(), "primary due-today", Purpose::Due) }
            { button(format!("Practise my mistakes ({})", mistakes.len()), "Questions you got wrong (or skipped) last time.".into(), mistakes.into_iter().take(BATCH).collect(), "secondary mistakes", Purpose::Mistakes) }
            { button("Weakest topics".into(), if weak_names.is_empty() { "Answer a few questions first." } else { "Ten questions from the three topics you know least." }.into(), weak_ids, "secondary weakest", Purpose::Weakest) }
            if !weak_names.is_empty() { <p class="muted weak-names">{ format!("Weakest now: {}.", weak_names.join(", ")) }</p> }
            { button(format!("Quiz my bookmarks ({})", bookmarks.len()), bookmarks_help, bookmarks.into_iter().take(CHOSEN_MAX).collect(), "secondary bookmarks", Purpose::Bookmarks) }
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

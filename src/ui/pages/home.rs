use super::study::{start, StudyActions};
use super::today::Today;
use crate::bank::{candidates, matching_count, questions_in_topic, Difficulty, QUESTIONS, TOPICS};
use crate::platform;
use crate::progress::settings::EXAM_MINUTES;
use crate::quiz::{select, Filters, Mode, COUNTS};
use crate::share::EmbedParams;
use crate::state::{Action, Purpose};
use crate::ui::app::use_app;
use crate::ui::markup::plural;
use crate::ui::widgets::EmbedDialog;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Continue, study, or build a quiz: topics (with what each covers), difficulty, mode, length.
#[function_component]
pub fn HomePage() -> Html {
    let app = use_app();
    let settings = &app.0.settings;
    let filters = settings.filters.clone();
    let mode = settings.mode;
    let available = matching_count(&filters);
    let quiz_size = available.min(filters.count);
    let set_filters = {
        let d = app.dispatcher();
        Callback::from(move |f: Filters| {
            d.dispatch(Action::SetFilters {
                filters: f,
                now: platform::now_ms(),
            })
        })
    };
    let start_quiz = {
        let app = app.clone();
        let filters = filters.clone();
        Callback::from(move |_| {
            let ids = select(candidates(), &filters, platform::now_ms() as u64);
            start(&app, ids, mode, Purpose::Study);
        })
    };
    let pick_topics = |all: bool| {
        let f = filters.clone();
        let set = set_filters.clone();
        Callback::from(move |_| {
            let mut f = f.clone();
            f.topics = if all {
                TOPICS.iter().map(|t| t.id.to_string()).collect()
            } else {
                Vec::new()
            };
            set.emit(f);
        })
    };
    let topics = TOPICS.iter().enumerate().map(|(i, t)| {
        let checked = filters.topics.iter().any(|x| x == t.id);
        let count = questions_in_topic(i)
            .filter(|q| filters.difficulties.is_empty() || filters.difficulties.contains(&q.difficulty))
            .count();
        let onchange = {
            let f = filters.clone();
            let set = set_filters.clone();
            let id = t.id;
            Callback::from(move |_| {
                let mut f = f.clone();
                f.toggle_topic(id);
                set.emit(f);
            })
        };
        let id = format!("topic-{}", t.id);
        html! {
            <li class={if checked { "topic checked" } else { "topic" }}>
                <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={format!("{id}-about")} />
                <label for={id.clone()}>
                    <span class="topic-title">{ t.title }</span>
                    <span class="count">{ plural(count, "question", "questions") }</span>
                </label>
                <span class="topic-about" id={format!("{id}-about")}>{ t.summary() }</span>
            </li>
        }
    });
    let difficulties = Difficulty::ALL.iter().map(|&d| {
        let checked = filters.difficulties.contains(&d);
        let onchange = {
            let f = filters.clone();
            let set = set_filters.clone();
            Callback::from(move |_| {
                let mut f = f.clone();
                f.toggle_difficulty(d);
                set.emit(f);
            })
        };
        html! { <label class="chip"><input type="checkbox" {checked} {onchange} />{ d.label() }</label> }
    });
    let on_count = {
        let f = filters.clone();
        let set = set_filters.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let mut f = f.clone();
            f.count = s.value().parse().unwrap_or(10);
            set.emit(f);
        })
    };
    let mode_choice = |m: Mode, help: &'static str| {
        let d = app.dispatcher();
        let id = format!("mode-{}", m.as_str());
        html! {
            <div class="mode-choice">
                <input type="radio" name="mode" id={id.clone()} checked={mode == m}
                    onchange={move |_| d.dispatch(Action::SetMode { mode: m, now: platform::now_ms() })} />
                <label for={id}><strong>{ m.label() }</strong>{ " — " }{ help }</label>
            </div>
        }
    };
    let on_minutes = {
        let d = app.dispatcher();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetExamMinutes {
                minutes: s.value().parse().ok(),
                now: platform::now_ms(),
            });
        })
    };
    let embed_params = EmbedParams {
        filters: Filters {
            count: filters.count.min(crate::share::EMBED_MAX_COUNT),
            ..filters.clone()
        },
        mode,
        ..EmbedParams::default()
    };
    html! {
        <div class="home">
            <section class="intro">
                <h1 tabindex="-1">{ "Python interview practice" }</h1>
                <p>{ format!("{} questions on {} topics, checked against CPython. Everything runs in your browser; your progress stays on this device.", QUESTIONS.len(), TOPICS.len()) }</p>
            </section>
            <Today />
            <section class="card builder" aria-labelledby="builder-title">
                <h2 id="builder-title">{ "Build a quiz" }</h2>
                <div class="start-bar">
                    <p class="showing" aria-live="polite">{ format!("{available} of {} questions match", QUESTIONS.len()) }
                        <span class="muted">{ format!(" · this quiz: {}", plural(quiz_size, "question", "questions")) }</span></p>
                    <button type="button" class="primary start" onclick={start_quiz} disabled={available == 0}>{ "Start quiz" }</button>
                    // Beside Start, for the blogger who came to put this quiz in a post.
                    <EmbedDialog params={embed_params} exam_minutes={settings.exam_minutes} />
                </div>
                <div class="row">
                    <fieldset class="modes"><legend>{ "Mode" }</legend>
                        { mode_choice(Mode::Practice, "see right or wrong after each question, with hints.") }
                        { mode_choice(Mode::Exam, "no hints or answers until the end; flag questions, jump around, optional time limit.") }
                        if mode == Mode::Exam {
                            <label class="select">{ "Time limit " }
                                <select onchange={on_minutes}>
                                    { for EXAM_MINUTES.iter().map(|m| html! {
                                        <option value={m.map(|m| m.to_string()).unwrap_or_default()} selected={*m == settings.exam_minutes}>
                                            { m.map_or("None".to_string(), |m| format!("{m} minutes")) }
                                        </option>
                                    }) }
                                </select>
                            </label>
                        }
                    </fieldset>
                    <fieldset><legend>{ "Difficulty" }</legend>{ for difficulties }</fieldset>
                    <label class="select">{ "Questions " }
                        <select onchange={on_count}>
                            { for COUNTS.iter().map(|&c| html! { <option value={c.to_string()} selected={c == filters.count}>{ c }</option> }) }
                        </select>
                    </label>
                </div>
                <fieldset class="topics">
                    <legend>{ "Topics " }<span class="muted">{ "(none picked = all)" }</span></legend>
                    <div class="topic-picks">
                        <button type="button" class="link pick-all" aria-label="Pick all topics" onclick={pick_topics(true)}>{ "All" }</button>
                        <button type="button" class="link pick-none" aria-label="Clear topics" onclick={pick_topics(false)} disabled={filters.topics.is_empty()}>{ "Clear" }</button>
                    </div>
                    <ul class="topic-grid">{ for topics }</ul>
                </fieldset>
            </section>
            <section class="card study" aria-labelledby="study-title">
                <h2 id="study-title">{ "Study" }</h2>
                <StudyActions />
            </section>
        </div>
    }
}

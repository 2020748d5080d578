use super::charts::chart;
use super::study::{start, StudyActions};
use super::your_data::YourData;
use crate::bank::{questions_in_topic, QUESTIONS, TOPICS};
use crate::charts;
use crate::platform;
use crate::progress::card::RETENTION_RANGE;
use crate::progress::study::{self, day_of};
use crate::quiz::{select, Filters, Mode};
use crate::state::{Action, Purpose};
use crate::ui::app::use_app;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

const DAYS: usize = 30;
const FORECAST: usize = 14;
const WEEKS: usize = 16;

/// How it is going: totals, charts, what to study, each topic, settings and your data.
#[function_component]
pub fn ProgressPage() -> Html {
    let app = use_app();
    let now = platform::now_ms();
    let tz = platform::tz_offset_min();
    let records = &app.0.records;
    let totals = study::stats(records, QUESTIONS.iter().map(|q| q.id), now);
    let answers: u32 = records.map.values().map(|r| r.attempts).sum();
    let today = day_of(now, tz);
    let (active, streak) = study::activity(records, now, tz);
    let topic_stats: Vec<study::Stats> = (0..TOPICS.len())
        .map(|i| study::stats(records, questions_in_topic(i).map(|q| q.id), now))
        .collect();
    let mastery: Vec<(&str, u32)> = TOPICS
        .iter()
        .zip(&topic_stats)
        .map(|(t, s)| (t.title, s.mastery_percent()))
        .collect();
    let daily = study::daily(records, now, tz, DAYS);
    let forecast = study::forecast(records, now, tz, FORECAST);

    let rows = TOPICS.iter().enumerate().zip(&topic_stats).map(|((i, t), s)| {
        let quiz = {
            let app = app.clone();
            let filters = Filters { topics: vec![t.id.to_string()], ..Filters::default() };
            Callback::from(move |_| {
                let ids = select(crate::bank::candidates(), &filters, platform::now_ms() as u64);
                start(&app, ids, Mode::Practice, Purpose::Study);
            })
        };
        let _ = i;
        html! {
            <tr>
                <th scope="row"><button type="button" class="link topic-quiz" onclick={quiz} aria-label={format!("Start a quiz on {}", t.title)}>{ t.title }</button></th>
                <td data-label="Tried">{ format!("{} / {}", s.answered, s.total) }</td>
                <td data-label="Right">{ if s.answered == 0 { "–".to_string() } else { format!("{}%", s.accuracy_percent()) } }</td>
                <td data-label="Mastery"><meter min="0" max="100" value={s.mastery_percent().to_string()} aria-label={format!("{}% mastered", s.mastery_percent())}></meter></td>
                <td data-label="Due">{ s.due }</td>
            </tr>
        }
    });
    let on_retention = {
        let d = app.dispatcher();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            // The options are whole percents.
            if let Ok(percent) = s.value().parse::<u32>() {
                d.dispatch(Action::SetRetention {
                    retention: f64::from(percent) / 100.0,
                    now: platform::now_ms(),
                });
            }
        })
    };
    let retention_options = [
        75u32,
        80,
        85,
        90,
        93,
        95,
        (RETENTION_RANGE.1 * 100.0).round() as u32,
    ];
    let current = (app.0.settings.retention * 100.0).round() as u32;
    html! {
        <div class="progress-page">
            <h1 tabindex="-1">{ "Your progress" }</h1>
            <section class="card totals" aria-label="Totals">
                <div><span class="stat" data-stat="answered">{ totals.answered }</span><span>{ format!("of {} questions tried", totals.total) }</span></div>
                <div><span class="stat" data-stat="correct">{ totals.right }</span><span>{ "right on the last try" }</span></div>
                <div><span class="stat" data-stat="percent">{ if totals.answered == 0 { "–".to_string() } else { format!("{}%", totals.accuracy_percent()) } }</span><span>{ "accuracy" }</span></div>
                <div><span class="stat" data-stat="attempts">{ answers }</span><span>{ if answers == 1 { "answer in all" } else { "answers in all" } }</span></div>
                <div><span class="stat" data-stat="streak">{ streak }</span><span>{ if streak == 1 { "day in a row" } else { "days in a row" } }</span></div>
                <div><span class="stat" data-stat="due">{ totals.due }</span><span>{ "due for review" }</span></div>
            </section>
            <section class="card charts" aria-labelledby="charts-title">
                <h2 id="charts-title">{ "At a glance" }</h2>
                <div class="chart-grid">
                    { chart("Answers per day, last 30 days (line: % right)", "daily", &charts::daily(&daily, today - DAYS as i64 + 1)) }
                    { chart("Reviews due, next 14 days", "forecast", &charts::forecast(&forecast, today)) }
                    { chart(&format!("Practice calendar · streak {streak}"), "calendar", &charts::calendar(&active, today, WEEKS, streak)) }
                    { chart("Mastery by topic", "mastery", &charts::mastery(&mastery)) }
                </div>
            </section>
            <section class="card study" aria-labelledby="study-title">
                <h2 id="study-title">{ "Study" }</h2>
                <StudyActions />
            </section>
            <section class="card" aria-labelledby="topics-title">
                <h2 id="topics-title">{ "By topic" }</h2>
                <p class="muted">{ "Pick a topic to start a quiz on it." }</p>
                <table class="topic-table">
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Tried" }</th><th scope="col">{ "Right" }</th><th scope="col">{ "Mastery" }</th><th scope="col">{ "Due" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </section>
            <section class="card settings" aria-labelledby="settings-title">
                <h2 id="settings-title">{ "Reviews" }</h2>
                <label for="retention">{ "Desired retention " }</label>
                <select id="retention" onchange={on_retention}>
                    { for retention_options.iter().map(|r| html! {
                        <option value={r.to_string()} selected={*r == current}>{ format!("{r}%") }</option>
                    }) }
                </select>
                <p class="muted">{ "How likely you want to be to remember a question when it comes back. Higher means more frequent reviews. Scheduling is FSRS, the algorithm modern flashcard apps use." }</p>
            </section>
            <YourData />
        </div>
    }
}

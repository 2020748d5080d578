use super::charts::chart;
use super::study::{start, StudyActions};
use super::your_data::YourData;
use crate::bank::{questions_in_topic, QUESTIONS, TOPICS};
use crate::charts;
use crate::platform;
use crate::progress::card::RETENTION_RANGE;
use crate::progress::study::{self, day_of, ACCURACY_HELP, MASTERY_HELP};
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
    let answers = totals.answers;
    let history = !records.map.is_empty();
    let today = day_of(now, tz);
    let (active, streak) = study::activity(records, now, tz);
    let topic_stats: Vec<study::Stats> = (0..TOPICS.len())
        .map(|i| study::stats(records, questions_in_topic(i).map(|q| q.id), now))
        .collect();
    let daily = study::daily(records, now, tz, DAYS);
    let forecast = study::forecast(records, now, tz, FORECAST);

    let percent = |t: study::Tally| t.percent().map_or("–".to_string(), |p| format!("{p}%"));
    let rows = TOPICS.iter().zip(&topic_stats).map(|(t, s)| {
        let quiz = {
            let app = app.clone();
            let filters = Filters { topics: vec![t.id.to_string()], ..Filters::default() };
            Callback::from(move |_| {
                let ids = select(crate::bank::candidates(), &filters, platform::now_ms() as u64);
                start(&app, ids, Mode::Practice, Purpose::Study);
            })
        };
        html! {
            <tr>
                <th scope="row"><button type="button" class="link topic-quiz" onclick={quiz} aria-label={format!("Start a quiz on {}", t.title)}>{ t.title }</button></th>
                <td data-label="Tried">{ format!("{} / {}", s.answered, s.total) }</td>
                <td data-label="% right">{ percent(s.answers) }</td>
                <td data-label="Mastery" class="mastery"><meter min="0" max="100" value={s.mastery_percent().to_string()} aria-hidden="true"></meter><span class="mastery-value">{ format!("{}%", s.mastery_percent()) }</span></td>
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
            <section class="card totals-card" aria-label="Totals">
                <div class="totals">
                    <div><span class="stat" data-stat="answered">{ totals.answered }</span><span>{ format!("of {} questions tried", totals.total) }</span></div>
                    <div><span class="stat" data-stat="attempts">{ answers.answers }</span><span>{ if answers.answers == 1 { "answer given" } else { "answers given" } }</span></div>
                    <div><span class="stat" data-stat="correct">{ answers.right }</span><span>{ if answers.right == 1 { "right answer" } else { "right answers" } }</span></div>
                    <div><span class="stat" data-stat="percent">{ percent(answers) }</span><span>{ "right" }</span></div>
                    <div><span class="stat" data-stat="streak">{ streak }</span><span>{ if streak == 1 { "day in a row" } else { "days in a row" } }</span></div>
                    <div><span class="stat" data-stat="due">{ totals.due }</span><span>{ "due for review" }</span></div>
                </div>
                <p class="muted help accuracy-help">{ ACCURACY_HELP }</p>
            </section>
            <section class="card charts" aria-labelledby="charts-title">
                <h2 id="charts-title">{ "At a glance" }</h2>
                <div class="chart-grid">
                    { chart("Answers per day and % right, last 30 days", "daily", &charts::daily(&daily, today - DAYS as i64 + 1, history)) }
                    { chart("Reviews due, next 14 days", "forecast", &charts::forecast(&forecast, today, history)) }
                    { chart(&format!("Practice calendar, last {WEEKS} weeks · streak {streak}"), "calendar", &charts::calendar(&active, today, WEEKS, streak)) }
                </div>
            </section>
            <section class="card study" aria-labelledby="study-title">
                <h2 id="study-title">{ "Study" }</h2>
                <StudyActions />
            </section>
            <section class="card" aria-labelledby="topics-title">
                <h2 id="topics-title">{ "By topic" }</h2>
                <p class="muted">{ "Pick a topic to start a quiz on it." }</p>
                <p class="muted help mastery-help">{ MASTERY_HELP }</p>
                <table class="topic-table">
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Tried" }</th><th scope="col">{ "% right" }</th><th scope="col">{ "Mastery" }</th><th scope="col">{ "Due" }</th></tr></thead>
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

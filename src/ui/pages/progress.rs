use crate::bank::{questions_in_topic, QUESTIONS, TOPICS};
use crate::platform;
use crate::state::Action;
use crate::ui::hooks::use_app;
use yew::prelude::*;

/// Per-topic numbers and totals; reset with a confirmation step.
#[function_component]
pub fn ProgressPage() -> Html {
    let app = use_app();
    let confirming = use_state(|| false);
    let now = platform::now_ms();
    let progress = &app.progress;
    let totals = progress.stats(QUESTIONS.iter().map(|q| q.id), now);
    let attempts: u32 = progress.questions.values().map(|r| r.attempts).sum();

    let rows = TOPICS.iter().enumerate().map(|(i, t)| {
        let s = progress.stats(questions_in_topic(i).map(|q| q.id), now);
        html! {
            <tr>
                <th scope="row">{ t.title }</th>
                <td>{ format!("{} / {}", s.answered, s.total) }</td>
                <td>{ s.correct }</td>
                <td>
                    <span class="pct">{ if s.answered == 0 { "–".to_string() } else { format!("{}%", s.percent()) } }</span>
                    <span class="meter" aria-hidden="true"><span style={format!("width: {}%", s.percent())}></span></span>
                </td>
                <td>{ s.due }</td>
            </tr>
        }
    });

    let reset = {
        let confirming = confirming.clone();
        let d = app.dispatcher();
        Callback::from(move |_| {
            if *confirming {
                d.dispatch(Action::ResetProgress);
                confirming.set(false);
            } else {
                confirming.set(true);
            }
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };

    html! {
        <div class="progress-page">
            <h1>{ "Your progress" }</h1>
            <section class="card totals" aria-label="Totals">
                <div><span class="stat" data-stat="answered">{ totals.answered }</span><span>{ format!("of {} questions tried", totals.total) }</span></div>
                <div><span class="stat" data-stat="correct">{ totals.correct }</span><span>{ "right on the last try" }</span></div>
                <div><span class="stat" data-stat="percent">{ format!("{}%", totals.percent()) }</span><span>{ "accuracy" }</span></div>
                <div><span class="stat" data-stat="attempts">{ attempts }</span><span>{ "answers in all" }</span></div>
            </section>
            <section class="card">
                <table class="topic-table">
                    <caption class="visually-hidden">{ "Progress by topic" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Tried" }</th><th scope="col">{ "Right" }</th><th scope="col">{ "Accuracy" }</th><th scope="col">{ "Due" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <p class="muted">{ "A question you get right comes back for review after 1, 3, 7, 16, then 35 days; one you miss is due again at once." }</p>
            </section>
            <section class="card danger-zone">
                <h2>{ "Reset" }</h2>
                if *confirming {
                    <p role="alert">{ "This erases every answer and the quiz in progress on this device. It cannot be undone." }</p>
                    <div class="actions">
                        <button class="danger" onclick={reset}>{ "Yes, erase my progress" }</button>
                        <button class="secondary" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                } else {
                    <button class="secondary" onclick={reset}>{ "Reset progress…" }</button>
                }
            </section>
        </div>
    }
}

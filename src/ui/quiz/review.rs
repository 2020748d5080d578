use super::card::QuestionCard;
use crate::bank::label::first_code_line;
use crate::quiz::{Response, Runner, Summary};
use crate::ui::markup::{duration, rich};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub summary: Summary,
    /// Heading level 1 on a page of its own, 2 inside another.
    #[prop_or(true)]
    pub page: bool,
}

/// The score in big numbers, with what it is made of.
#[function_component]
pub fn ScoreSummary(props: &SummaryProps) -> Html {
    let s = &props.summary;
    let title = "Your score";
    html! {
        <div class="score-summary">
            if props.page {
                <h1 id="score-title" class="score-title" tabindex="-1">{ title }</h1>
            } else {
                <h2 id="score-title" class="score-title" tabindex="-1">{ title }</h2>
            }
            <p class="big-score">
                <span class="score-value">{ format!("{} / {}", s.correct, s.total) }</span>
                <span class="percent">{ format!("{}%", s.percent()) }</span>
            </p>
            if s.timed_out {
                <p class="timed-out" role="status">{ "Time ran out, so the exam handed itself in with the answers you had chosen." }</p>
            }
            <p class="muted">{ format!("{} answered · {} skipped · {}", s.answered, s.total - s.answered, duration(s.duration_ms)) }</p>
            if let Some(note) = s.self_graded_note() {
                <p class="self-graded-note">{ note }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    /// A finished session and its questions.
    pub runner: Runner,
}

/// Every question of a finished quiz: the verdict, and on opening it the question with each
/// option marked, the explanation and (for an exam) the time spent and whether it was flagged.
#[function_component]
pub fn Review(props: &ReviewProps) -> Html {
    let Some(session) = props.runner.session.as_ref() else {
        return html! {};
    };
    let exam = session.mode == crate::quiz::Mode::Exam;
    let items = session.ids.iter().zip(&session.slots).enumerate().map(|(i, (id, slot))| {
        let q = props.runner.question(id);
        // An exam's self-graded flashcard is not counted as right (`Summary::self_graded`):
        // the review shows the learner's own grade, not a verdict.
        // "Self-graded:" is kept on one line of the verdict column, the grade under it.
        let (class, verdict) = match slot.answer.as_ref().map(|a| (&a.response, a.correct)) {
            Some((Response::SelfGrade(g), _)) if exam => (
                "graded",
                html! { <><span class="nowrap">{ "Self-graded:" }</span>{ " " }{ g.label() }</> },
            ),
            Some((_, true)) => ("right", html! { "✓ Right" }),
            Some(_) => ("wrong", html! { "✗ Wrong" }),
            None => ("skipped", html! { "– Skipped" }),
        };
        html! {
            <li class={classes!("review-item", class)}>
                <details>
                    <summary>
                        <span class="num">{ i + 1 }</span>
                        <span class={classes!("verdict", class)}>{ verdict }</span>
                        <span class="review-prompt">
                            { q.map(|q| rich(&q.prompt)).unwrap_or_else(|| html! { { id.clone() } }) }
                            // "What does this print?" alone does not tell output questions apart.
                            if let Some(line) = q.and_then(|q| first_code_line(q)) {
                                <code class="review-code">{ line }</code>
                            }
                        </span>
                        if slot.flagged { <span class="badge flag-mark">{ "⚑ flagged" }</span> }
                        if exam { <span class="time-spent">{ duration(slot.spent_ms) }</span> }
                    </summary>
                    if let Some(q) = q {
                        <QuestionCard question={q.clone()} slot={slot.clone()} mode={session.mode} finished=true on_action={Callback::noop()} />
                    }
                </details>
            </li>
        }
    });
    html! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{ "Review" }</h2>
            <ol class="review-list">{ for items }</ol>
        </section>
    }
}

use super::study::{start, CHOSEN_MAX};
use crate::bank::label::first_code_line;
use crate::bank::search::{self, Match};
use crate::bank::{Difficulty, Kind, QuestionMeta, QUESTIONS, TOPICS};
use crate::platform;
use crate::quiz::Mode;
use crate::route::{BrowseQuery, Route};
use crate::state::{Action, Purpose};
use crate::ui::app::{use_app, use_chunks, AppHandle};
use crate::ui::markup::{plural, rich};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub query: BrowseQuery,
}

/// How many questions are listed at a time.
const PAGE: usize = 100;

/// Python versions a learner can say they have.
const PYTHONS: [&str; 7] = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

fn version(v: &str) -> (u32, u32) {
    let (a, b) = v.split_once('.').unwrap_or((v, "0"));
    (a.parse().unwrap_or(0), b.parse().unwrap_or(0))
}

/// Every question, searchable by text, topic, type, tag, difficulty and Python version, each
/// with its permanent link and a bookmark. The search lives in the address.
#[function_component]
pub fn BrowsePage(props: &Props) -> Html {
    let app = use_app();
    let q = &props.query;
    // Searching the text needs the questions themselves: all the chunks, fetched once.
    let all: Vec<String> = QUESTIONS.iter().map(|m| m.id.to_string()).collect();
    use_chunks(all);
    let needle = q.text.trim().to_ascii_lowercase();
    let settings = &app.0.settings;
    let shown = use_state(|| PAGE);
    let mut matches: Vec<(Match, &QuestionMeta)> = QUESTIONS
        .iter()
        .filter(|m| q.topic.as_ref().is_none_or(|t| m.topic().id == t))
        .filter(|m| q.kind.is_none_or(|k| m.kind == k))
        .filter(|m| q.tag.as_ref().is_none_or(|t| m.tags.contains(&t.as_str())))
        .filter(|m| q.difficulty.is_none_or(|d| m.difficulty == d))
        .filter(|m| {
            q.python
                .as_ref()
                .is_none_or(|p| m.min_python.is_none_or(|v| version(v) <= version(p)))
        })
        .filter(|m| !q.bookmarked || settings.is_bookmarked(m.id))
        .filter_map(|m| {
            let found = match app.0.quiz.question(m.id) {
                Some(full) => search::find(full, m.topic().title, &needle),
                // Not downloaded yet: the id is all there is to search.
                None => (needle.is_empty() || m.id.contains(&needle)).then_some(Match::Question),
            };
            found.map(|f| (f, m))
        })
        .collect();
    // Matches in the question itself first, then in its answers, then in its explanation.
    matches.sort_by_key(|(found, _)| *found);
    let go = {
        let q = q.clone();
        move |change: Box<dyn Fn(&mut BrowseQuery)>| {
            let mut next = q.clone();
            change(&mut next);
            platform::replace_hash(&Route::Browse(next.clone()).path());
            // replace_hash sends no hashchange: tell the router ourselves.
            let _ = gloo::utils::window()
                .dispatch_event(&web_sys::Event::new("hashchange").expect("an event"));
        }
    };
    let on_text = {
        let go = go.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            go(Box::new(move |q| q.text = v.clone()));
        })
    };
    let select = |label: &'static str,
                  id: &'static str,
                  current: Option<String>,
                  options: Vec<(String, String)>,
                  set: fn(&mut BrowseQuery, Option<String>)| {
        let go = go.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            go(Box::new(move |q| {
                set(q, (!v.is_empty()).then(|| v.clone()))
            }));
        });
        html! {
            <label class="select" for={id}>{ label }
                <select {id} {onchange}>
                    <option value="" selected={current.is_none()}>{ "Any" }</option>
                    { for options.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={current.as_deref() == Some(v.as_str())}>{ l }</option> }) }
                </select>
            </label>
        }
    };
    let on_bookmarked = {
        let go = go.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            go(Box::new(move |q| q.bookmarked = on));
        })
    };
    let items = matches.iter().take(*shown).map(|(_, m)| {
        let full = app.0.quiz.question(m.id);
        let marked = settings.is_bookmarked(m.id);
        let toggle = {
            let d = app.dispatcher();
            let id = m.id.to_string();
            Callback::from(move |_| d.dispatch(Action::ToggleBookmark { id: id.clone(), now: platform::now_ms() }))
        };
        html! {
            <li class="browse-item">
                <p class="meta">
                    <span class="topic-name">{ m.topic().title }</span>
                    <span class="badge">{ m.kind.as_str() }</span>
                    <span class={format!("badge {}", m.difficulty.as_str())}>{ m.difficulty.label() }</span>
                    if m.tags.contains(&"gotcha") { <span class="badge gotcha">{ "gotcha" }</span> }
                    if let Some(v) = m.min_python { <span class="badge">{ format!("Python {v}+") }</span> }
                </p>
                <div class="browse-prompt">{ full.map_or_else(|| html! { <span class="muted">{ "Loading…" }</span> }, |q| rich(&q.prompt)) }</div>
                if let Some(line) = full.and_then(|q| first_code_line(q)) {
                    <p class="code-line"><code>{ line }</code></p>
                }
                <p class="actions">
                    <a class="button secondary" href={format!("#/question/{}", m.id)}>{ format!("Open {}", m.id) }</a>
                    <button type="button" class="ghost bookmark" aria-pressed={marked.to_string()} onclick={toggle}>
                        { if marked { "★ Bookmarked" } else { "☆ Bookmark" } }
                    </button>
                </p>
            </li>
        }
    });
    let quiz_them = quiz_results(&app, q, &matches);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    let tags: Vec<&str> = {
        let mut t: Vec<&str> = QUESTIONS
            .iter()
            .flat_map(|m| m.tags.iter().copied())
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    html! {
        <div class="browse">
            <h1 tabindex="-1">{ "Browse the questions" }</h1>
            <form class="card browse-filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="browse-text">{ "Search" }</label>
                <input id="browse-text" type="search" value={q.text.clone()} oninput={on_text} placeholder="e.g. closure, __slots__, scp-03" />
                <div class="row">
                    { select("Topic ", "browse-topic", q.topic.clone(), TOPICS.iter().map(|t| (t.id.to_string(), t.title.to_string())).collect(), |q, v| q.topic = v) }
                    { select("Type ", "browse-type", q.kind.map(|k| k.as_str().to_string()), Kind::ALL.iter().map(|k| (k.as_str().to_string(), k.as_str().to_string())).collect(), |q, v| q.kind = v.and_then(|v| Kind::parse(&v))) }
                    { select("Tag ", "browse-tag", q.tag.clone(), tags.iter().map(|t| (t.to_string(), t.to_string())).collect(), |q, v| q.tag = v) }
                    { select("Difficulty ", "browse-difficulty", q.difficulty.map(|d| d.as_str().to_string()), Difficulty::ALL.iter().map(|d| (d.as_str().to_string(), d.label().to_string())).collect(), |q, v| q.difficulty = v.and_then(|v| Difficulty::parse(&v))) }
                    { select("Runs on Python ", "browse-python", q.python.clone(), PYTHONS.iter().map(|p| (p.to_string(), p.to_string())).collect(), |q, v| q.python = v) }
                    <label class="chip"><input type="checkbox" checked={q.bookmarked} onchange={on_bookmarked} />{ "Bookmarked only" }</label>
                </div>
            </form>
            <div class="results-bar">
                <p class="showing" aria-live="polite">{ plural(matches.len(), "question", "questions") }
                    if matches.len() > *shown { <span class="muted">{ format!(" (showing the first {})", *shown) }</span> }</p>
                { quiz_them }
            </div>
            <ol class="browse-list">{ for items }</ol>
            if matches.len() > *shown {
                <button type="button" class="secondary show-more" onclick={show_more}>
                    { format!("Show {} more", (matches.len() - *shown).min(PAGE)) }
                </button>
            }
        </div>
    }
}

/// "Quiz these 12 results" (the first `CHOSEN_MAX` of more, saying so), in the order listed; with
/// only "Bookmarked only" set, "Quiz my bookmarks".
fn quiz_results(app: &AppHandle, q: &BrowseQuery, matches: &[(Match, &QuestionMeta)]) -> Html {
    let n = matches.len();
    let only_bookmarks = *q
        == BrowseQuery {
            bookmarked: true,
            ..BrowseQuery::default()
        };
    let purpose = if only_bookmarks {
        Purpose::Bookmarks
    } else {
        Purpose::Search
    };
    let label = match (only_bookmarks, n) {
        (true, n) if n <= CHOSEN_MAX => format!("Quiz my bookmarks ({n})"),
        (false, 1) => "Quiz this result".to_string(),
        (false, n) if n <= CHOSEN_MAX => format!("Quiz these {n} results"),
        (_, n) => format!("Quiz the first {CHOSEN_MAX} of these {n}"),
    };
    let ids: Vec<String> = matches
        .iter()
        .take(CHOSEN_MAX)
        .map(|(_, m)| m.id.to_string())
        .collect();
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| start(&app, ids.clone(), Mode::Practice, purpose))
    };
    html! {
        <button type="button" class="secondary quiz-results" disabled={n == 0} {onclick}>{ label }</button>
    }
}

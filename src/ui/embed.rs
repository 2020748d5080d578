//! The blog embed: the quiz in an iframe, nothing else. It reads its settings from its address,
//! downloads one topic's chunk, runs the quiz, shows the score with a review, and tells the
//! host page its height and what the reader did. No router, no storage, no app pages.

use super::quiz::{OwnQuestions, QuizRunner, Review, ScoreSummary};
use crate::bank::{candidates_in, topic_of, Chunk, TopicMeta, TOPICS};
use crate::platform::{self, chunks, host};
use crate::quiz::{select, select_own, QuizAction, Runner, Session};
use crate::share::{EmbedParams, Theme};
use bank_format::{check_quiz_size, decode_quiz, OwnQuiz};
use gloo::timers::callback::Timeout;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// The runner as a reducer: the embed's whole state.
#[derive(Clone, Default, PartialEq)]
struct Model(Runner);

impl Reducible for Model {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Where the questions come from.
enum Source {
    /// Bank questions, by id.
    Bank(Vec<String>),
    /// A quiz file the host page hands over (`data-src` or inline JSON), picked from as asked.
    Host(EmbedParams),
}

/// What the address asked for. `warnings` are for the page's author, not its readers.
struct Plan {
    source: Source,
    mode: crate::quiz::Mode,
    warnings: Vec<String>,
}

/// One neutral line for readers when nothing is left to show: the reason goes to the author.
const NOTHING: &str = "This quiz has no questions to show.";

fn plan() -> Result<Plan, (String, Vec<String>)> {
    let hash = platform::hash();
    let topic_ids: Vec<&str> = TOPICS.iter().map(|t| t.id).collect();
    let (params, mut warnings) = EmbedParams::parse(&hash, &topic_ids)
        .map_err(|e| (NOTHING.to_string(), vec![format!("data-ids: {e}")]))?;
    match (params.theme, params.host_color) {
        (Theme::Auto, _) => platform::set_theme(None),
        (Theme::Inherit, color) => platform::inherit_host_colors(
            color.map(|c| c.css()).as_deref(),
            color.is_some_and(|c| c.is_light()),
        ),
        (t, _) => platform::set_theme(Some(t.as_str())),
    }
    let mode = params.mode;
    if params.own {
        return Ok(Plan {
            source: Source::Host(params),
            mode,
            warnings,
        });
    }
    if params.no_topic_left {
        return Err((NOTHING.into(), warnings));
    }
    let ids = match params.ids {
        Some(ids) => {
            let (known, unknown): (Vec<String>, Vec<String>) =
                ids.into_iter().partition(|id| topic_of(id).is_some());
            if !unknown.is_empty() {
                warnings.push(format!(
                    "data-ids: {} of the questions do not exist and were left out ({})",
                    unknown.len(),
                    unknown.join(", ")
                ));
            }
            known
        }
        None => select(
            candidates_in(&params.filters.topics),
            &params.filters,
            params.seed(),
        ),
    };
    if ids.is_empty() {
        return Err((NOTHING.into(), warnings));
    }
    Ok(Plan {
        source: Source::Bank(ids),
        mode,
        warnings,
    })
}

/// Reads the quiz file the host sent: the same capped reader the compiler checks its output
/// with, so a file is either shown whole or refused whole.
fn read_own_quiz(text: &str) -> Result<OwnQuiz, String> {
    check_quiz_size(text.len()).map_err(|e| e.to_string())?;
    let doc = platform::json::parse(text);
    if doc.0.is_null() {
        return Err("the quiz file is not JSON".into());
    }
    decode_quiz(&doc).map_err(|e| e.to_string())
}

/// Starts a host's quiz: its questions as one chunk, then the session over the picked ids.
fn start_own(
    quiz: &OwnQuiz,
    params: &EmbedParams,
    dispatch: &UseReducerDispatcher<Model>,
) -> Result<(), String> {
    let ids = select_own(
        &quiz.questions,
        &params.filters,
        params.seed,
        params.count_given,
    );
    if ids.is_empty() {
        return Err("no question of the quiz file matches data-difficulty".into());
    }
    dispatch.dispatch(QuizAction::Loaded(Rc::new(Chunk {
        topic: String::new(),
        questions: quiz.questions.clone(),
    })));
    dispatch.dispatch(QuizAction::Start(Session::new(
        ids,
        params.mode,
        platform::now_ms(),
    )));
    Ok(())
}

/// How long a quiz from the host may take to arrive (fetched on the blog, then posted).
const HOST_WAIT_MS: u32 = 15_000;
const NO_HOST: &str = "no quiz file arrived: an own quiz needs embed.js on the host page, with data-src or inline JSON";

/// A host's quiz, once it arrived.
#[derive(Clone, PartialEq)]
enum Own {
    Waiting,
    Ready { title: String },
    Refused,
}

/// The topics holding `ids`, each once.
fn topics_of(ids: &[String]) -> Vec<&'static TopicMeta> {
    crate::bank::topics_of(ids.iter().map(String::as_str))
}

/// Fetches `topic`'s chunk, reading only the questions of `ids`. Boxed: one copy of the
/// download and decoding in the wasm for both callers, not one inlined into each.
fn load_topic(
    topic: &'static TopicMeta,
    ids: Rc<Vec<String>>,
) -> Pin<Box<dyn Future<Output = QuizAction>>> {
    Box::pin(async move {
        let wanted = |id: &str| ids.iter().any(|x| x == id);
        match chunks::load_only(topic, "../", wanted).await {
            Ok(chunk) => {
                host::mark("chunk-decoded");
                QuizAction::Loaded(Rc::new(chunk))
            }
            Err(message) => QuizAction::LoadFailed {
                topic: topic.id.to_string(),
                message,
            },
        }
    })
}

/// Fetches the chunks of `ids`, reading only those questions.
fn load(ids: Rc<Vec<String>>, dispatch: UseReducerDispatcher<Model>) {
    for t in topics_of(&ids) {
        let loading = load_topic(t, Rc::clone(&ids));
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move { dispatch.dispatch(loading.await) });
    }
}

/// The embed as it starts: what the address asks for, and a bank quiz already started.
pub struct Prepared {
    plan: Result<Plan, (String, Vec<String>)>,
    runner: Runner,
    /// The topic whose chunk was read before the first render, if any.
    fetched: Option<&'static str>,
}

impl Prepared {
    /// Without waiting: the questions download after the first render.
    fn now() -> Prepared {
        let plan = plan();
        let mut runner = Runner::default();
        if let Ok(Plan {
            source: Source::Bank(ids),
            mode,
            ..
        }) = &plan
        {
            runner.apply(QuizAction::Start(Session::new(
                ids.clone(),
                *mode,
                platform::now_ms(),
            )));
        }
        Prepared {
            plan,
            runner,
            fetched: None,
        }
    }
}

/// The embed with the first question's chunk read in when the page has already downloaded
/// it (preload.js started it while the page was parsed, and it is smaller than the wasm): the
/// first render then draws the first question, instead of "Loading" and a second pass that the
/// scheduler may put behind a frame. A download still under way or failed, and every other
/// topic, is handled after the first render, so none ever holds the quiz's frame back.
pub async fn prepare() -> Prepared {
    let mut prepared = Prepared::now();
    if let Ok(Plan {
        source: Source::Bank(ids),
        ..
    }) = &prepared.plan
    {
        let first = ids.iter().find_map(|id| topic_of(id));
        if let Some(first) = first.filter(|t| chunks::prefetch_arrived(t.id)) {
            let loaded = load_topic(first, Rc::new(ids.clone())).await;
            prepared.runner.apply(loaded);
            prepared.fetched = Some(first.id);
        }
    }
    prepared
}

#[derive(Properties, Default)]
pub struct Props {
    /// How it starts (`prepare`); without it, it plans at its first render and downloads after.
    #[prop_or_default]
    pub prepared: Option<Rc<Prepared>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        match (&self.prepared, &other.prepared) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

#[function_component]
pub fn EmbedApp(props: &Props) -> Html {
    let prepared = {
        let given = props.prepared.clone();
        use_memo((), move |_| {
            given.unwrap_or_else(|| Rc::new(Prepared::now()))
        })
    };
    let plan = &prepared.plan;
    let model = {
        let prepared = Rc::clone(&prepared);
        use_reducer(move || Model(prepared.runner.clone()))
    };
    let root = use_node_ref();
    let show_results = use_state(|| false);
    let refit = use_state(|| false);

    let own = use_state(|| Own::Waiting);
    // Start the quiz and fetch its questions, once; tell the author what was wrong.
    {
        let prepared = Rc::clone(&prepared);
        let dispatch = model.dispatcher();
        let own = own.clone();
        let own_late = own.clone();
        use_effect_with((), move |_| {
            let plan = &prepared.plan;
            let warnings = match plan {
                Ok(p) => p.warnings.clone(),
                Err((_, w)) => w.clone(),
            };
            for w in &warnings {
                host::report_error(w);
            }
            let mut listener = None;
            // Set once a quiz from the host was taken, or given up on.
            let taken = Rc::new(std::cell::Cell::new(false));
            match plan {
                Ok(Plan {
                    source: Source::Bank(ids),
                    ..
                }) => {
                    // The quiz started in `Prepared`; its other topics download now.
                    let fetched = prepared.fetched;
                    let rest: Vec<String> = ids
                        .iter()
                        .filter(|id| topic_of(id).is_some_and(|t| Some(t.id) != fetched))
                        .cloned()
                        .collect();
                    if !rest.is_empty() {
                        load(Rc::new(rest), dispatch);
                    }
                }
                Ok(Plan {
                    source: Source::Host(params),
                    ..
                }) => {
                    let params = params.clone();
                    let taken = Rc::clone(&taken);
                    let own = own.clone();
                    listener = host::receive_quiz(move |sent| {
                        // The first quiz counts: a host cannot swap questions under a reader.
                        if taken.replace(true) {
                            return;
                        }
                        let started = sent.and_then(|text| read_own_quiz(&text)).and_then(|quiz| {
                            start_own(&quiz, &params, &dispatch).map(|()| quiz.title)
                        });
                        match started {
                            Ok(title) => own.set(Own::Ready { title }),
                            Err(reason) => {
                                host::report_error(&format!("the quiz file was refused: {reason}"));
                                own.set(Own::Refused);
                            }
                        }
                    });
                }
                Err(_) => {}
            }
            // A quiz from the host that never comes (the page opened on its own, or framed
            // without embed.js) ends in the neutral line, not in "Loading" for ever.
            let from_host = matches!(
                plan,
                Ok(Plan {
                    source: Source::Host(_),
                    ..
                })
            );
            let no_host = from_host && listener.is_none();
            let wait = (from_host && !no_host).then(|| {
                let own = own_late.clone();
                let taken = Rc::clone(&taken);
                Timeout::new(HOST_WAIT_MS, move || {
                    if !taken.replace(true) {
                        host::report_error(NO_HOST);
                        own.set(Own::Refused);
                    }
                })
            });
            if no_host {
                host::report_error(NO_HOST);
                own_late.set(Own::Refused);
            }
            move || {
                drop(listener);
                drop(wait);
            }
        });
    }
    // The host hears the height on every change, and each event once.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let guard = root
                .cast::<web_sys::Element>()
                .and_then(|el| host::observe_height(&el));
            move || drop(guard)
        });
    }
    {
        let posted = use_mut_ref(|| 0u64);
        let outbox = model.0.outbox.clone();
        use_effect_with(outbox, move |outbox| {
            let mut last = posted.borrow_mut();
            let from = *last;
            for (n, event) in outbox.iter().filter(|(n, _)| *n > from) {
                host::post_event(event);
                *last = *n;
            }
        });
    }

    // The first question drawn, for the benchmark's timeline.
    {
        let shown = model.0.current_question().is_some();
        let marked = use_mut_ref(|| false);
        use_effect_with(shown, move |shown| {
            if *shown && !marked.replace(true) {
                host::mark("first-render");
            }
        });
    }
    let runner = &model.0;
    let nothing = html! { <div class="link-error" role="alert"><p>{ NOTHING }</p></div> };
    let from_host = matches!(
        plan,
        Ok(Plan {
            source: Source::Host(_),
            ..
        })
    );
    // After "Try again" the frame may shrink back from the long review to the first question
    // (the reader's click keeps that shift out of the host's layout-shift score).
    {
        let refit = refit.clone();
        use_effect_with(*refit, move |on| {
            let clear = on.then(|| Timeout::new(1_000, move || refit.set(false)));
            move || drop(clear)
        });
    }
    // Every question it named was missing from its topic: nothing is left to wait for.
    let has_nothing = plan.is_err()
        || (from_host && *own == Own::Refused)
        || (runner.session.is_none() && !runner.missing.is_empty());
    let body = match plan {
        Err(_) => nothing,
        Ok(_) if has_nothing => nothing,
        Ok(_) if from_host && *own == Own::Waiting => {
            html! { <p class="boot">{ "Loading the quiz…" }</p> }
        }
        Ok(_) if *show_results && runner.session.as_ref().is_some_and(Session::is_finished) => {
            let summary = runner.session.as_ref().map(Session::summary);
            let retry = {
                let dispatch = model.dispatcher();
                let show_results = show_results.clone();
                let refit = refit.clone();
                let ids = runner.session.as_ref().map(|s| (s.ids.clone(), s.mode));
                Callback::from(move |_: MouseEvent| {
                    if let Some((ids, mode)) = ids.clone() {
                        dispatch.dispatch(QuizAction::Start(Session::new(
                            ids,
                            mode,
                            platform::now_ms(),
                        )));
                        show_results.set(false);
                        refit.set(true);
                    }
                })
            };
            html! {
                <div class="embed-done">
                    if let Some(summary) = summary { <ScoreSummary {summary} /> }
                    <div class="actions">
                        <button type="button" class="primary" onclick={retry}>{ "Try again" }</button>
                        <a class="button secondary" href={format!("{}../", platform::folder_url())} target="_blank" rel="noopener">{ "More Python questions ↗" }</a>
                    </div>
                    <Review runner={runner.clone()} />
                </div>
            }
        }
        Ok(_) => {
            let on_finish = {
                let show_results = show_results.clone();
                Callback::from(move |()| show_results.set(true))
            };
            let on_retry = {
                let dispatch = model.dispatcher();
                let ids = runner
                    .session
                    .as_ref()
                    .map(|s| s.ids.clone())
                    .unwrap_or_default();
                // Only the questions whose topic failed are fetched again.
                let failed: Rc<Vec<String>> = Rc::new(
                    ids.into_iter()
                        .filter(|id| topic_of(id).is_some_and(|t| runner.failed.contains_key(t.id)))
                        .collect(),
                );
                Callback::from(move |()| load(Rc::clone(&failed), dispatch.clone()))
            };
            let latest = {
                // The handle reads the state as it is now, not as it was at this render.
                let model = model.clone();
                Callback::from(move |()| model.0.clone())
            };
            html! { <QuizRunner runner={runner.clone()} {latest} on_action={model.dispatcher().to_callback()} {on_finish} {on_retry} /> }
        }
    };
    let title = match &*own {
        Own::Ready { title } => html! { <h2 class="own-title">{ title.clone() }</h2> },
        _ => html! {},
    };
    html! {
        <main class="embed" ref={root} data-fit={(has_nothing || *refit).then_some("")}>
            { title }
            if from_host {
                <ContextProvider<OwnQuestions> context={OwnQuestions}>{ body }</ContextProvider<OwnQuestions>>
            } else {
                { body }
            }
        </main>
    }
}

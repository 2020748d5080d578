//! The full app's root: loads saved progress, provides the state to the pages, keeps storage in
//! step (debounced saves of this tab's own changes, merges of other tabs'), follows the hash
//! route, and gives every page its title and focus.

mod chunks;
mod model;
mod online;
mod saving;

pub use chunks::use_chunks;
pub use model::{use_app, AppHandle, AppModel};

use crate::platform::{self, storage};
use crate::route::Route;
use crate::state::{Action, AppState, NoticeKind};
use crate::ui::pages::{
    BrowsePage, HomePage, NotFoundPage, ProgressPage, QuestionPage, QuizPage, ResultsPage,
    ScorePage, SharedQuizPage,
};
use crate::ui::widgets::{Header, LinkErrorCard, Notices, ToastView};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Sends the page on to `path` in place of the current address (no history entry: Back skips
/// the address that only redirects).
pub fn redirect(path: &str) {
    platform::replace_hash(path);
    // replace_hash sends no hashchange: tell the router ourselves.
    if let Ok(event) = web_sys::Event::new("hashchange") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// The state a first visit starts from: what the pre-rendered Home was drawn with, at build
/// time and again when the wasm hydrates it (no storage, no clock).
pub fn first_visit() -> AppState {
    AppState::new(
        Default::default(),
        Default::default(),
        Vec::new(),
        true,
        0.0,
    )
}

fn load() -> AppModel {
    let now = platform::now_ms();
    let loaded = storage::load(now);
    let mut state = AppState::new(
        loaded.records,
        loaded.settings,
        loaded.sessions,
        loaded.writable,
        now,
    );
    for text in loaded.notices {
        state.notify(NoticeKind::Warning, text);
    }
    for doc in loaded.unreadable {
        state.apply(Action::FromOtherTab(storage::Change::Lost(doc)));
    }
    AppModel(state)
}

/// The route in the address, kept up to date.
#[hook]
fn use_route() -> Route {
    let route = use_state(|| Route::parse(&platform::hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            // A page's first effects run before this one: a redirect they made has sent its
            // hashchange before anyone listened (#/quiz then hung on "Opening the quiz…").
            let at_mount = Route::parse(&platform::hash());
            if at_mount != *route {
                route.set(at_mount);
            }
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(Route::parse(&platform::hash()));
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// Home as a first visit sees it, with the markers hydration needs: what the build puts into
/// `index.html` (src/bin/prerender.rs). Rendered on a single-threaded runtime, as components
/// are not `Send`.
#[cfg(feature = "ssr")]
pub fn render_home() -> String {
    let props = AppProps {
        prerendered: true,
        picked: None,
    };
    let render = yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(true)
        .render();
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime")
        .block_on(tokio::task::LocalSet::new().run_until(render))
}

/// What the page hands the app when it starts.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The page holds Home pre-rendered at build time: draw the same (`first_visit`) so
    /// hydration matches, then take in what storage holds.
    #[prop_or_default]
    pub prerendered: bool,
    /// The topics ticked on the pre-rendered Home when the wasm arrived, if any was changed.
    #[prop_or_default]
    pub picked: Option<Vec<String>>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let prerendered = props.prerendered;
    let app = use_reducer_eq(move || {
        if prerendered {
            AppModel(first_visit())
        } else {
            load()
        }
    });
    // Whether the page shows what storage holds: at once, unless it hydrates the first visit's
    // Home, which takes storage in after its first render.
    let shows_storage = use_state_eq(move || !prerendered);
    {
        let d = app.dispatcher();
        let picked = props.picked.clone();
        let shows_storage = shows_storage.clone();
        use_effect_with((), move |_| {
            if prerendered {
                let loaded = load().0;
                let filters = picked.map(|topics| {
                    let mut f = loaded.settings.filters.clone();
                    f.topics = topics;
                    f
                });
                d.dispatch(Action::Loaded(Box::new(loaded)));
                // Ticked before the app ran: kept, as if ticked now.
                if let Some(filters) = filters {
                    let now = platform::now_ms();
                    d.dispatch(Action::SetFilters { filters, now });
                }
                shows_storage.set(true);
            }
        });
    }
    // The held-back controls of a pre-rendered Home (styles/app.css) work once the page shows
    // what storage holds: a click before that would be undone by `Loaded`. An effect of the
    // render that shows it (yew may run other tasks between the dispatch and that render).
    use_effect_with(*shows_storage, move |&shown| {
        if shown && prerendered {
            if let Some(root) = gloo::utils::document().get_element_by_id("app") {
                let _ = root.remove_attribute("data-prerendered");
            }
        }
    });
    let route = use_route();
    // Whether the page is still at the address it was opened at: a link that came from outside
    // (someone shared it). Coming back to that address later is moving inside the app.
    let entry = use_memo((), |_| Route::parse(&platform::hash()));
    let moved = use_mut_ref(|| false);
    if route != *entry {
        *moved.borrow_mut() = true;
    }
    let from_outside = !*moved.borrow();
    let online = online::use_online();
    saving::use_saving(&app);

    // Another tab saved: take its changes in (never written back from here).
    {
        let dispatch = app.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |e| {
                if let Some(change) = e
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(storage::from_event)
                {
                    dispatch.dispatch(Action::FromOtherTab(change));
                }
            });
            move || drop(listener)
        });
    }
    // The chosen colour scheme. A pre-rendered page already has it (web/theme.js): the first
    // visit's "system" it is hydrated with must not wipe it before storage is read.
    {
        let theme = app.0.settings.theme;
        let hydrating = use_mut_ref(move || prerendered);
        use_effect_with(theme, move |theme| {
            if std::mem::take(&mut *hydrating.borrow_mut()) {
                return;
            }
            platform::set_theme(match theme {
                crate::progress::Theme::System => None,
                t => Some(t.as_str()),
            });
        });
    }
    // Each page: its title, and focus on its heading (not for the quiz, which focuses itself).
    // Keyed by the page, not the whole route: typing a search must not move focus away.
    {
        let r = route.clone();
        use_effect_with(route.page(), move |_| {
            platform::set_title(r.title());
            if let Route::LegacyEmbed(query) = &r {
                platform::replace_location(&format!("{}embed/#{query}", platform::folder_url()));
                return;
            }
            if !matches!(r, Route::Quiz | Route::Shared(Ok(_))) {
                platform::focus("main h1");
            }
        });
    }

    let page = match &route {
        Route::Home => html! { <HomePage /> },
        Route::Quiz => html! { <QuizPage /> },
        Route::Shared(Ok(link)) => html! { <SharedQuizPage link={link.clone()} /> },
        Route::Question(Ok(id)) => {
            html! { <QuestionPage id={id.clone()} shared={from_outside} /> }
        }
        Route::Score(Ok(score)) => html! { <ScorePage score={score.clone()} /> },
        Route::Shared(Err(e)) | Route::Question(Err(e)) | Route::Score(Err(e)) => {
            let offer = e.salvage().map(|quiz| quiz.path());
            html! { <LinkErrorCard title="This link does not work" message={e.to_string()} {offer} /> }
        }
        Route::Results => html! { <ResultsPage /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::Browse(query) => html! { <BrowsePage query={query.clone()} /> },
        Route::LegacyEmbed(_) => html! { <p class="loading">{ "Opening the quiz…" }</p> },
        Route::NotFound => html! { <NotFoundPage /> },
    };
    let on_theme = {
        let d = app.dispatcher();
        Callback::from(move |theme| {
            d.dispatch(Action::SetTheme {
                theme,
                now: platform::now_ms(),
            })
        })
    };
    let on_dismiss = app.dispatcher().to_callback().reform(Action::Dismiss);
    let due = crate::progress::study::due_count(
        &app.0.records,
        crate::bank::QUESTIONS.iter().map(|q| q.id),
        platform::now_ms(),
    );
    let on_notice_action = {
        let d = app.dispatcher();
        Callback::from(move |a| match a {
            crate::state::NoticeAction::UndoReset => d.dispatch(Action::UndoReset {
                now: platform::now_ms(),
            }),
            crate::state::NoticeAction::Reload => platform::reload(),
        })
    };
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        platform::focus("main h1");
    });
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to content" }</a>
            <Header route={route.clone()} theme={app.0.settings.theme} on_theme={on_theme} {due} {online} />
            <main id="main" tabindex="-1">
                <Notices notices={app.0.notices.items.clone()} on_dismiss={on_dismiss.clone()} on_action={on_notice_action.clone()} />
                // Drawn fixed at the bottom of the viewport; early in the page, so the page's own
                // live regions come after it.
                <ToastView toast={app.0.notices.toast.clone()} {on_dismiss} on_action={on_notice_action} />
                if !app.0.writable {
                    <p class="read-only-banner" role="note">{ "Read-only: nothing you do here is saved." }</p>
                }
                { page }
            </main>
        </ContextProvider<AppHandle>>
    }
}

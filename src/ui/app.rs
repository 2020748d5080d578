use super::hooks::AppHandle;
use super::pages::{
    EmbedPage, HomePage, NotFoundPage, ProgressPage, QuizPage, ResultsPage, ScorePage,
    SharedQuizPage,
};
use super::route::Route;
use super::widgets::{Header, Notices};
use crate::platform::{self, storage};
use crate::progress::Progress;
use crate::state::{Action, AppState, NoticeKind};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Loads saved progress (or not, in an embed), provides the state to every page and saves it
/// after every change.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        if is_embed() {
            return AppState::new(Progress::default(), false);
        }
        let loaded = storage::load(platform::now_ms());
        let mut state = AppState::new(loaded.progress, loaded.writable);
        if let Some(text) = loaded.notice {
            state.notify(NoticeKind::Warning, text);
        }
        state
    });

    {
        let dispatch = state.dispatcher();
        let persist = state.persist;
        use_effect_with(state.progress.clone(), move |progress| {
            if persist {
                if let Err(message) = storage::save(progress) {
                    dispatch.dispatch(Action::Notify(NoticeKind::Warning, message));
                }
            }
        });
    }

    // Another tab of the app saved: merge its answers, so this tab's next save keeps them.
    {
        let dispatch = state.dispatcher();
        let persist = state.persist;
        use_effect_with((), move |_| {
            let listener = persist.then(|| {
                EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    if let Some(other) = e
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(storage::from_event)
                    {
                        dispatch.dispatch(Action::MergeSaved(Box::new(other)));
                    }
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<AppHandle> context={state}>
            <HashRouter>
                <Switch<Route> render={switch} />
            </HashRouter>
        </ContextProvider<AppHandle>>
    }
}

fn is_embed() -> bool {
    platform::hash().starts_with("/embed")
}

fn switch(route: Route) -> Html {
    let page = match route {
        Route::Embed => return html! { <EmbedPage /> },
        Route::Home => html! { <HomePage /> },
        Route::Quiz => html! { <QuizPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::Shared { ids } => html! { <SharedQuizPage {ids} mode={None::<AttrValue>} /> },
        Route::SharedMode { ids, mode } => {
            html! { <SharedQuizPage {ids} mode={Some(AttrValue::from(mode))} /> }
        }
        Route::Question { id } => html! { <SharedQuizPage ids={id} mode={None::<AttrValue>} /> },
        Route::Score { score, ids } => html! { <ScorePage {score} {ids} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); focus_main(); })}>{ "Skip to content" }</a>
            <Header />
            <main id="main" tabindex="-1">
                <Notices />
                { page }
            </main>
        </>
    }
}

fn focus_main() {
    if let Some(el) = gloo::utils::document().get_element_by_id("main") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

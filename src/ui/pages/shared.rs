use crate::platform;
use crate::share::QuizLink;
use crate::state::Action;
use crate::ui::hooks::use_app;
use crate::ui::route::Route;
use crate::ui::widgets::LinkErrorCard;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ids: AttrValue,
    pub mode: Option<AttrValue>,
}

/// Opens a shared quiz (or a one-question permalink). If a different quiz is unfinished, asks
/// first instead of throwing it away.
#[function_component]
pub fn SharedQuizPage(props: &Props) -> Html {
    let app = use_app();
    let navigator = use_navigator().expect("inside the router");
    let link = QuizLink::parse(&props.ids, props.mode.as_deref());
    let conflict = match (&link, app.progress.unfinished()) {
        (Ok(l), Some(s)) => s.ids != l.ids,
        _ => false,
    };
    let start = {
        let app = app.clone();
        let navigator = navigator.clone();
        let link = link.clone();
        Callback::from(move |()| {
            if let Ok(l) = &link {
                let same_unfinished = app.progress.unfinished().is_some_and(|s| s.ids == l.ids);
                if !same_unfinished {
                    app.dispatch(Action::Start {
                        ids: l.ids.clone(),
                        mode: l.mode,
                        now: platform::now_ms(),
                    });
                }
                navigator.replace(&Route::Quiz);
            }
        })
    };
    {
        let start = start.clone();
        let ready = link.is_ok() && !conflict;
        use_effect_with(ready, move |ready| {
            if *ready {
                start.emit(());
            }
        });
    }
    match link {
        Err(err) => {
            html! { <LinkErrorCard title="This link does not work" message={err.to_string()} /> }
        }
        Ok(_) if conflict => {
            let nav = navigator.clone();
            html! {
                <section class="card" aria-labelledby="conflict-title">
                    <h1 id="conflict-title">{ "Start the shared quiz?" }</h1>
                    <p>{ "You have an unfinished quiz. Starting this one replaces it (your answers so far stay in your progress)." }</p>
                    <div class="actions">
                        <button class="primary" onclick={start.reform(|_| ())}>{ "Start the shared quiz" }</button>
                        <button class="secondary" onclick={move |_| nav.replace(&Route::Quiz)}>{ "Continue mine" }</button>
                    </div>
                </section>
            }
        }
        Ok(_) => html! { <p class="loading">{ "Opening the quiz…" }</p> },
    }
}

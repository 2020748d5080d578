use super::model::use_app;
use crate::bank::{topics_of, TopicMeta, TOPICS};
use crate::platform::chunks;
use crate::quiz::QuizAction;
use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Downloads the chunks holding `ids` that are not loaded yet (each topic once, until it
/// fails). Returns a callback that retries failed topics.
#[hook]
pub fn use_chunks(ids: Vec<String>) -> Callback<()> {
    let app = use_app();
    let retry = use_state(|| 0u32);
    let asked = use_mut_ref(BTreeSet::<&'static str>::new);
    let quiz = &app.0.quiz;
    let missing: Vec<&'static str> = topics_of(
        ids.iter()
            .filter(|id| quiz.question(id).is_none())
            .map(String::as_str),
    )
    .into_iter()
    .map(|t| t.id)
    .collect();
    {
        let dispatch = app.dispatcher();
        use_effect_with((missing, *retry), move |(missing, _)| {
            for &id in missing {
                if !asked.borrow_mut().insert(id) {
                    continue;
                }
                let Some(topic) = TOPICS.iter().find(|t| t.id == id) else {
                    continue;
                };
                let dispatch = dispatch.clone();
                let asked = asked.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load(topic).await;
                    if result.is_err() {
                        asked.borrow_mut().remove(id);
                    }
                    dispatch.dispatch(Action::Quiz(match result {
                        Ok(chunk) => QuizAction::Loaded(Rc::new(chunk)),
                        Err(message) => QuizAction::LoadFailed {
                            topic: topic.id.to_string(),
                            message,
                        },
                    }));
                });
            }
        });
    }
    Callback::from(move |()| retry.set(*retry + 1))
}

async fn load(topic: &'static TopicMeta) -> Result<crate::bank::Chunk, String> {
    chunks::load(topic, "").await
}

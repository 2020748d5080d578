use crate::bank::{chunk_path, decode_chunk, question_meta, TOPICS};
use crate::platform::fetch::fetch_text;
use crate::state::{Action, AppState};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

pub type AppHandle = UseReducerHandle<AppState>;

/// The app state from the provider in `App`.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("App provides the state")
}

/// Fetches the chunks holding `ids` that are not loaded yet. Returns a callback that retries
/// failed topics.
#[hook]
pub fn use_questions(ids: Vec<String>) -> Callback<()> {
    let app = use_app();
    let retry = use_state(|| 0u32);
    let topics: Vec<usize> = ids
        .iter()
        .filter(|id| !app.questions.contains_key(id.as_str()))
        .filter_map(|id| question_meta(id).map(|m| m.topic))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    {
        let dispatch = app.dispatcher();
        use_effect_with((topics, *retry), move |(topics, _)| {
            for &t in topics {
                let topic = &TOPICS[t];
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = fetch_text(&chunk_path(topic))
                        .await
                        .and_then(|json| decode_chunk(topic, &json));
                    dispatch.dispatch(match result {
                        Ok(chunk) => Action::ChunkLoaded(Rc::new(chunk)),
                        Err(message) => Action::ChunkFailed {
                            topic: topic.id.to_string(),
                            message,
                        },
                    });
                });
            }
        });
    }
    Callback::from(move |()| retry.set(*retry + 1))
}

//! Downloading a topic's chunk. The page's preload.js may already have started the download
//! (in parallel with the wasm's), leaving a promise in `window.pyquizPrefetch[topic]`.

use super::json::Js;
use crate::bank::{read_chunk_only, Chunk, TopicMeta};
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

const OFFLINE: &str = "The questions could not be downloaded. Check your connection and try again.";

/// `window.pyquizPrefetch` and the promise in it for `topic`, if preload.js started one.
fn prefetch_of(topic: &str) -> Option<(JsValue, JsValue, Promise)> {
    let window = web_sys::window()?;
    let map = Reflect::get(&window, &"pyquizPrefetch".into()).ok()?;
    if !map.is_object() {
        return None;
    }
    let key = JsValue::from_str(topic);
    let promise = Reflect::get(&map, &key).ok()?.dyn_into::<Promise>().ok()?;
    Some((map, key, promise))
}

/// Whether preload.js's download of `topic`'s chunk has already arrived (it marks the promise
/// `arrived`); false while it is under way, when it failed, or when it started none.
pub fn prefetch_arrived(topic: &str) -> bool {
    prefetch_of(topic).is_some_and(|(_, _, promise)| {
        Reflect::get(&promise, &"arrived".into()).is_ok_and(|v| v.is_truthy())
    })
}

/// The prefetched JSON for `topic`, if preload.js started one (taken, so a retry fetches).
fn prefetched(topic: &str) -> Option<Promise> {
    let (map, key, promise) = prefetch_of(topic)?;
    let _ = Reflect::delete_property(map.unchecked_ref::<js_sys::Object>(), &key);
    Some(promise)
}

async fn fetch_json(url: &str) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or(OFFLINE)?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| OFFLINE.to_string())?;
    let resp: Response = resp.dyn_into().map_err(|_| OFFLINE.to_string())?;
    if !resp.ok() {
        return Err(format!(
            "The questions could not be downloaded (HTTP {}).",
            resp.status()
        ));
    }
    let json = resp.json().map_err(|_| OFFLINE.to_string())?;
    JsFuture::from(json).await.map_err(|_| OFFLINE.to_string())
}

/// Loads `topic`'s chunk from `base` (the folder holding `bank/`, e.g. `""` or `"../"`).
pub async fn load(topic: &TopicMeta, base: &str) -> Result<Chunk, String> {
    load_only(topic, base, |_| true).await
}

/// The same, reading only the questions `keep` accepts.
pub async fn load_only(
    topic: &TopicMeta,
    base: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Chunk, String> {
    let value = match prefetched(topic.id) {
        Some(p) => match JsFuture::from(p).await {
            Ok(v) => v,
            Err(_) => fetch_json(&format!("{base}bank/{}", topic.chunk)).await?,
        },
        None => fetch_json(&format!("{base}bank/{}", topic.chunk)).await?,
    };
    read_chunk_only(topic, &Js(value), keep)
}

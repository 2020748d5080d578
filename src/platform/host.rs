//! Messages from an embedded quiz to the page hosting its iframe (see `embed/embed.js`).

use crate::quiz::HostEvent;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key.into(), value);
}

/// Posts `{ source: "pyquiz", type, ...fields }` to the parent window, if this page is framed.
fn post(kind: &str, fill: impl FnOnce(&js_sys::Object)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // Not framed: the parent is the window itself, and there is nobody to tell.
    if JsValue::from(&parent) == JsValue::from(&window) {
        return;
    }
    let msg = js_sys::Object::new();
    set(&msg, "source", &"pyquiz".into());
    set(&msg, "type", &kind.into());
    fill(&msg);
    // The host page is on any origin; the message carries nothing private.
    let _ = parent.post_message(&msg, "*");
}

pub fn post_event(event: &HostEvent) {
    match event {
        HostEvent::Answered { id, correct } => post("answered", |m| {
            set(m, "id", &JsValue::from_str(id));
            set(m, "correct", &JsValue::from_bool(*correct));
        }),
        HostEvent::Completed { score, total, ids } => post("completed", |m| {
            set(m, "score", &JsValue::from(*score as u32));
            set(m, "total", &JsValue::from(*total as u32));
            let list = js_sys::Array::new();
            for id in ids {
                list.push(&JsValue::from_str(id));
            }
            set(m, "ids", &list);
        }),
    }
}

/// A moment of the embed's start, for the benchmark's timeline: wall-clock ms, comparable with
/// the host page's own clock.
pub fn mark(name: &str) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let at = perf.time_origin() + perf.now();
    post("mark", |m| {
        set(m, "name", &JsValue::from_str(name));
        set(m, "at", &JsValue::from_f64(at));
    });
}

/// A mistake of the page's author (a bad attribute, a broken quiz file): logged in the console
/// and sent to the host, which raises `pyquiz:error`. Readers never see it.
pub fn report_error(message: &str) {
    web_sys::console::warn_1(&format!("pyquiz embed: {message}").into());
    post("error", |m| set(m, "message", &JsValue::from_str(message)));
}

/// Waits for the quiz file the host page hands over (`embed.js`: `data-src` or inline JSON):
/// says "ready" to the host, then calls `on_quiz` with the file's text, or with the host's
/// reason it has none. Only the parent window is listened to. Dropping the guard stops it.
pub fn receive_quiz(on_quiz: impl Fn(Result<String, String>) + 'static) -> Option<Listener> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    // Not framed: there is no host to hand a quiz over.
    if JsValue::from(&parent) == JsValue::from(&window) {
        return None;
    }
    let callback =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_parent = e
                .source()
                .is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
            let data = e.data();
            let get =
                |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            if !from_parent
                || get("source").as_string().as_deref() != Some("pyquiz-host")
                || get("type").as_string().as_deref() != Some("quiz")
            {
                return;
            }
            // The size is checked before the text is copied into the wasm's memory.
            let text = get("text");
            let too_long = text
                .dyn_ref::<js_sys::JsString>()
                .is_some_and(|t| t.length() as usize > bank_format::limits::MAX_QUIZ_BYTES);
            if too_long {
                on_quiz(Err("the file is larger than 1,000,000 bytes".into()));
                return;
            }
            on_quiz(match (text.as_string(), get("error").as_string()) {
                (Some(text), _) => Ok(text),
                (None, Some(reason)) => Err(reason),
                (None, None) => Err("the host page sent no quiz".into()),
            });
        });
    window
        .add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
        .ok()?;
    post("ready", |_| {});
    Some(Listener { window, callback })
}

pub struct Listener {
    window: web_sys::Window,
    callback: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("message", self.callback.as_ref().unchecked_ref());
    }
}

/// Reports the element's height to the host now and on every size change (`embed.js` grows the
/// frame to it, and shrinks it only when the element says `data-fit`); dropping the returned
/// guard stops observing.
pub fn observe_height(element: &Element) -> Option<HeightObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let target = entry.target();
            let height = target.get_bounding_client_rect().height().ceil();
            // `data-fit`: the host may shrink the frame to this (nothing else to show).
            let fit = target.has_attribute("data-fit");
            post("height", |m| {
                set(m, "height", &JsValue::from_f64(height));
                set(m, "fit", &JsValue::from_bool(fit));
            });
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(HeightObserver {
        observer,
        _callback: callback,
    })
}

pub struct HeightObserver {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

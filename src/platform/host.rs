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

/// Reports the element's height to the host now and on every size change; dropping the
/// returned guard stops observing.
pub fn observe_height(element: &Element) -> Option<HeightObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let height = entry.target().get_bounding_client_rect().height().ceil();
            post("height", |m| set(m, "height", &JsValue::from_f64(height)));
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

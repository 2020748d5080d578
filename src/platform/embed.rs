//! Messages from an embedded quiz to the page hosting its iframe (see `embed/embed.js`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

/// Posts `{ source: "pyquiz", type, ...fields }` to the parent window, if framed.
pub fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"source".into(), &"pyquiz".into());
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    // The host page is on any origin; the message carries nothing private.
    let _ = parent.post_message(&msg, "*");
}

/// Reports the element's height to the host now and on every size change. Dropping the
/// returned guard stops observing.
pub fn observe_height(element: &Element) -> Option<HeightObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let height = entry.target().get_bounding_client_rect().height().ceil();
            post("height", &[("height", JsValue::from_f64(height))]);
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

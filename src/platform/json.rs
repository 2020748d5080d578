//! The browser's `JSON.parse` result as the core's `Json` reader: decoding stored documents and
//! bank chunks needs no JSON parser in the wasm.

use bank_format::json::Json;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON value from the browser.
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

/// Parses JSON text with the browser's parser; `null` for anything that is not JSON.
pub fn parse(text: &str) -> Js {
    Js(js_sys::JSON::parse(text).unwrap_or(JsValue::NULL))
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

impl Json for Js {
    /// Own properties only: `Reflect::get` alone would follow the prototype chain and find
    /// `constructor` or `toString` on every object, which serde_json (the native reader the
    /// decoders are fuzzed with) never does. A property descriptor rather than a call of
    /// `obj.hasOwnProperty`, which a document may shadow with a key of that name.
    fn get(&self, key: &str) -> Option<Self> {
        if !is_plain_object(&self.0) {
            return None;
        }
        let own = Reflect::get_own_property_descriptor(
            self.0.unchecked_ref::<Object>(),
            &JsValue::from_str(key),
        )
        .ok()?;
        if own.is_undefined() {
            return None;
        }
        let v = Reflect::get(&own, &JsValue::from_str("value")).ok()?;
        (!v.is_undefined()).then_some(Js(v))
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(Js).collect())
    }

    fn entries(&self) -> Option<Vec<(String, Self)>> {
        if !is_plain_object(&self.0) {
            return None;
        }
        let pairs = Object::entries(self.0.unchecked_ref());
        Some(
            pairs
                .iter()
                .filter_map(|pair| {
                    let pair = Array::from(&pair);
                    Some((pair.get(0).as_string()?, Js(pair.get(1))))
                })
                .collect(),
        )
    }
}

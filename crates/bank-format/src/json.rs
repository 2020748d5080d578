//! The little JSON the app needs, without serde in the wasm: the browser's `JSON.parse` gives a
//! value that implements [`Json`], decoders walk it and skip what does not fit, and [`Writer`]
//! writes documents back as text. Natively the same decoders run over `serde_json::Value`, so
//! they are tested (and fuzzed) without a browser.

/// A parsed JSON value. Every accessor returns `None` when the value is not of that type, so a
/// decoder can take what is valid and leave the rest.
pub trait Json: Sized {
    fn get(&self, key: &str) -> Option<Self>;
    fn as_f64(&self) -> Option<f64>;
    fn as_string(&self) -> Option<String>;
    fn as_bool(&self) -> Option<bool>;
    /// The elements of an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The keys and values of an object, in document order.
    fn entries(&self) -> Option<Vec<(String, Self)>>;

    fn str_at(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|v| v.as_string())
    }

    fn f64_at(&self, key: &str) -> Option<f64> {
        self.get(key)
            .and_then(|v| v.as_f64())
            .filter(|n| n.is_finite())
    }

    fn bool_at(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(|v| v.as_bool())
    }

    /// A whole number in `0..=max`, or `None`.
    fn uint_at(&self, key: &str, max: u64) -> Option<u64> {
        let n = self.f64_at(key)?;
        (n >= 0.0 && n.fract() == 0.0 && n <= max as f64).then_some(n as u64)
    }

    /// The strings of an array field; other elements are dropped.
    fn strings_at(&self, key: &str) -> Vec<String> {
        self.get(key)
            .and_then(|v| v.items())
            .map(|items| items.iter().filter_map(Json::as_string).collect())
            .unwrap_or_default()
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "serde_json"))]
impl Json for serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn as_f64(&self) -> Option<f64> {
        serde_json::Value::as_f64(self)
    }
    fn as_string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}

/// Writes compact JSON text. Inside an object, call `key` before each value.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Per open container: whether it already holds an element (the next needs a comma).
    filled: Vec<bool>,
    /// A key was just written: its value follows without a comma.
    after_key: bool,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if let Some(filled) = self.filled.last_mut() {
            if *filled {
                self.out.push(',');
            }
            *filled = true;
        }
    }

    pub fn begin_object(&mut self) -> &mut Self {
        self.separate();
        self.out.push('{');
        self.filled.push(false);
        self
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.filled.pop();
        self.out.push('}');
        self
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.separate();
        self.out.push('[');
        self.filled.push(false);
        self
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.filled.pop();
        self.out.push(']');
        self
    }

    /// An object key; the next call writes its value.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.separate();
        escape_into(&mut self.out, key);
        self.out.push(':');
        self.after_key = true;
        self
    }

    pub fn string(&mut self, value: &str) -> &mut Self {
        self.separate();
        escape_into(&mut self.out, value);
        self
    }

    /// A number, to 9 decimal places (what the app stores needs no more: see `fixed`); NaN
    /// and infinities (not JSON) are written as `null`.
    pub fn number(&mut self, value: f64) -> &mut Self {
        self.separate();
        if value.is_finite() {
            self.out.push_str(&fixed(value, 9));
        } else {
            self.out.push_str("null");
        }
        self
    }

    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.separate();
        self.out.push_str(if value { "true" } else { "false" });
        self
    }

    /// A value that is already JSON text (a document encoded elsewhere).
    pub fn raw(&mut self, json: &str) -> &mut Self {
        self.separate();
        self.out.push_str(json);
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.separate();
        self.out.push_str("null");
        self
    }
}

/// `value` with at most `decimals` decimal places, trailing zeros dropped: `fixed(2.50, 2)` is
/// `"2.5"`. Integer arithmetic only, so the wasm carries no float formatting code (several
/// kilobytes); values beyond ±9e15 / 10^decimals lose their fraction.
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let scale = 10u64.pow(decimals.min(9));
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 9.0e15 {
        let whole = value.round();
        return (whole as i64).to_string();
    }
    let n = scaled as u64;
    let (int, mut frac) = (n / scale, n % scale);
    let mut out = String::new();
    if value < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if frac != 0 {
        let mut digits = decimals.min(9);
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let f = frac.to_string();
        out.push('.');
        for _ in f.len()..digits as usize {
            out.push('0');
        }
        out.push_str(&f);
    }
    out
}

fn escape_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                let n = c as u32;
                for shift in [4, 0] {
                    let d = ((n >> shift) & 0xf) as u8;
                    out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_documents_that_parse_back() {
        let mut w = Writer::new();
        w.begin_object()
            .key("a")
            .number(1.0)
            .key("b")
            .begin_array()
            .string("x\"y\n\u{1}")
            .bool(true)
            .null()
            .begin_object()
            .end_object()
            .end_array()
            .key("c")
            .number(0.5)
            .key("d")
            .number(f64::NAN)
            .end_object();
        let text = w.finish();
        let v: serde_json::Value = serde_json::from_str(&text).expect(&text);
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": ["x\"y\n\u{1}", true, null, {}], "c": 0.5, "d": null})
        );
    }

    #[test]
    fn fixed_point_numbers() {
        assert_eq!(fixed(2.5, 2), "2.5");
        assert_eq!(fixed(-0.25, 1), "-0.3");
        assert_eq!(fixed(3.1262000000000003, 9), "3.1262");
        assert_eq!(fixed(0.000000001, 9), "0.000000001");
        assert_eq!(fixed(1767225600000.0, 9), "1767225600000");
        assert_eq!(fixed(-0.0000000001, 9), "0");
        for x in [0.1, 3.1262, 5.5, 0.9, 36500.123456789] {
            assert_eq!(fixed(x, 9).parse::<f64>().unwrap(), x, "{x}");
        }
    }

    #[test]
    fn readers_take_what_fits() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"n": 3, "neg": -1, "big": 1e300, "s": "t", "l": ["a", 1, "b"]}"#,
        )
        .unwrap();
        assert_eq!(v.uint_at("n", 10), Some(3));
        assert_eq!(v.uint_at("neg", 10), None);
        assert_eq!(v.uint_at("big", 10), None);
        assert_eq!(v.uint_at("s", 10), None);
        assert_eq!(v.strings_at("l"), ["a", "b"]);
        assert_eq!(v.strings_at("missing"), Vec::<String>::new());
    }
}

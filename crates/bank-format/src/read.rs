//! Reading untrusted JSON within the caps (`limits`). The reader keeps the first fault it
//! meets, with where it was (question, option, field), and from then on reads nothing more:
//! lists come back empty, so the walk ends at once. Callers read straight through without
//! checking each step and ask [`Reader::finish`] at the end. That keeps this code, which every
//! visitor downloads, about half the size of a `Result` at every step.

use crate::json::Json;
use crate::limits::{MAX_DEPTH, MAX_LONG_CHARS, MAX_NODES, MAX_SHORT_CHARS};
use crate::rich::{href_allowed, Content, Node, Rich, Tag};

/// What is wrong, as a fixed phrase; the reader adds where.
pub type Fault = &'static str;

/// A refused file: the question it was refused in (1-based) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizError {
    pub question: Option<usize>,
    /// E.g. `option 2: text longer than 2,000 characters`.
    pub detail: String,
}

impl std::fmt::Display for QuizError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(n) = self.question {
            write!(f, "question {n}: ")?;
        }
        f.write_str(&self.detail)
    }
}

/// Where the reader is: 1-based question (0 outside questions), option or checklist point,
/// and field.
#[derive(Clone, Copy, Default)]
struct Place {
    question: usize,
    item: Option<(&'static str, usize)>,
    field: &'static str,
}

#[derive(Default)]
pub struct Reader {
    fault: Option<(Fault, Place)>,
    place: Place,
    nodes_read: usize,
    chars_left: usize,
    long_field: bool,
}

impl Reader {
    pub fn new() -> Reader {
        Reader {
            chars_left: MAX_SHORT_CHARS,
            ..Reader::default()
        }
    }

    /// `value` if nothing was wrong, else the first fault, saying where it was.
    pub fn finish<T>(self, value: T) -> Result<T, QuizError> {
        let Some((fault, at)) = self.fault else {
            return Ok(value);
        };
        let mut detail = String::new();
        if let Some((what, n)) = at.item {
            detail.push_str(what);
            detail.push(' ');
            // u64: the integer formatting the app already carries (see `json::fixed`).
            detail.push_str(&(n as u64).to_string());
            detail.push_str(": ");
        }
        if !at.field.is_empty() {
            detail.push_str(at.field);
            detail.push_str(if fault.starts_with("longer") {
                " "
            } else {
                ": "
            });
        }
        detail.push_str(fault);
        Err(QuizError {
            question: (at.question > 0).then_some(at.question),
            detail,
        })
    }

    /// Records `fault` here, unless an earlier one was recorded.
    pub fn fail(&mut self, fault: Fault) {
        if self.fault.is_none() {
            self.fault = Some((fault, self.place));
        }
    }

    /// Records `fault` unless `ok`.
    pub fn check(&mut self, ok: bool, fault: Fault) {
        if !ok {
            self.fail(fault);
        }
    }

    pub fn question(&mut self, n: usize) {
        self.place.question = n;
        self.place.item = None;
    }

    /// An option or a checklist point of the current question.
    pub fn item(&mut self, what: &'static str, n: usize) {
        self.place.item = Some((what, n));
    }

    /// Back to the question itself, after its options or checklist.
    pub fn end_item(&mut self) {
        self.place.item = None;
        self.place.field = "";
    }

    /// Starts reading `field`: a prompt, hint, explanation, answer or code may be long.
    pub fn field(&mut self, field: &'static str, long: bool) {
        self.place.field = field;
        self.long_field = long;
        self.chars_left = if long {
            MAX_LONG_CHARS
        } else {
            MAX_SHORT_CHARS
        };
    }

    /// The elements of an array, paid for before they are looked at; none after a fault.
    pub fn list<J: Json>(&mut self, v: &J) -> Vec<J> {
        if self.fault.is_some() {
            return Vec::new();
        }
        let Some(items) = v.items() else {
            self.fail("not a list");
            return Vec::new();
        };
        self.nodes_read += items.len();
        if self.nodes_read > MAX_NODES {
            self.fail("more than 200,000 elements in the file");
            return Vec::new();
        }
        items
    }

    /// A string, counted against the field's characters.
    pub fn text<J: Json>(&mut self, v: &J) -> String {
        let text = v.as_string();
        self.check(text.is_some(), "not text");
        let text = text.unwrap_or_default();
        self.spend(&text);
        text
    }

    fn spend(&mut self, text: &str) {
        // Characters, not bytes; a plain loop, smaller in wasm than `chars().count()`.
        let chars = text.bytes().filter(|b| b & 0xc0 != 0x80).count();
        match self.chars_left.checked_sub(chars) {
            Some(left) => self.chars_left = left,
            None if self.long_field => self.fail("longer than 20,000 characters"),
            None => self.fail("longer than 2,000 characters"),
        }
    }

    /// The field `key` of `v` as text, if there.
    pub fn text_at<J: Json>(&mut self, v: &J, key: &'static str) -> Option<String> {
        self.field(key, false);
        v.get(key).map(|t| self.text(&t))
    }

    /// The field `key` of `v` as text, a fault if missing.
    pub fn need_text<J: Json>(&mut self, v: &J, key: &'static str) -> String {
        let text = self.text_at(v, key);
        self.check(text.is_some(), "missing");
        text.unwrap_or_default()
    }

    /// The field `key` of `v` as rich text, if there; a `long` one may hold up to
    /// `MAX_LONG_CHARS` characters.
    pub fn rich_at<J: Json>(&mut self, v: &J, key: &'static str, long: bool) -> Option<Rich> {
        self.field(key, long);
        v.get(key).map(|r| self.rich(&r))
    }

    /// The rich-text field `key` of `v`, a fault if missing.
    pub fn need_rich<J: Json>(&mut self, v: &J, key: &'static str, long: bool) -> Rich {
        let rich = self.rich_at(v, key, long);
        self.check(rich.is_some(), "missing");
        rich.unwrap_or_default()
    }

    pub fn rich<J: Json>(&mut self, v: &J) -> Rich {
        let nodes = self.list(v);
        self.nodes(&nodes, Content::Blocks, 0)
    }

    /// The children of an element that holds `content`, `depth` elements deep.
    fn nodes<J: Json>(&mut self, parts: &[J], content: Content, depth: usize) -> Rich {
        let mut nodes = Vec::with_capacity(parts.len());
        for part in parts {
            if let Some(text) = part.as_string() {
                self.check(content.holds_text(), "text outside a paragraph");
                self.spend(&text);
                nodes.push(Node::Text(text));
                continue;
            }
            if depth >= MAX_DEPTH {
                self.fail("nested more than 8 deep");
            }
            let element = self.list(part);
            let Some((name, rest)) = element.split_first() else {
                self.fail("an empty element");
                continue;
            };
            let name = name.as_string().unwrap_or_default();
            if name == "a" {
                self.check(content.holds_inlines(), "a misplaced element");
                let href = rest.first().and_then(Json::as_string).unwrap_or_default();
                self.check(
                    href_allowed(&href) && href.len() <= MAX_SHORT_CHARS,
                    "a link that is not http(s)",
                );
                let children = self.nodes(
                    rest.get(1..).unwrap_or_default(),
                    Content::Inlines,
                    depth + 1,
                );
                nodes.push(Node::Link(href, children));
                continue;
            }
            let Some(tag) = Tag::parse(content, &name) else {
                self.fail("a misplaced element");
                continue;
            };
            let children = self.nodes(rest, tag.content(), depth + 1);
            nodes.push(Node::Element(tag, children));
        }
        nodes
    }
}

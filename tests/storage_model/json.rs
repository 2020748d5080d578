//! JSON as serde_json reads it, in a tree that is cheap to clone: the decoders clone each value
//! they step into, and the model reads many thousands of documents.

use bank_format::json::Json;
use serde_json::Value;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum Node {
    Null,
    Bool(bool),
    Number(f64),
    Text(Rc<str>),
    List(Rc<[Node]>),
    Object(Rc<[(Rc<str>, Node)]>),
}

impl From<Value> for Node {
    fn from(v: Value) -> Node {
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => n.as_f64().map_or(Node::Null, Node::Number),
            Value::String(s) => Node::Text(s.into()),
            Value::Array(a) => Node::List(a.into_iter().map(Node::from).collect()),
            Value::Object(m) => {
                Node::Object(m.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
            }
        }
    }
}

impl Json for Node {
    fn get(&self, key: &str) -> Option<Node> {
        match self {
            Node::Object(entries) => entries
                .iter()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v.clone()),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => Some(*n),
            _ => None,
        }
    }
    fn as_string(&self) -> Option<String> {
        match self {
            Node::Text(s) => Some(s.to_string()),
            _ => None,
        }
    }
    fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn items(&self) -> Option<Vec<Node>> {
        match self {
            Node::List(items) => Some(items.to_vec()),
            _ => None,
        }
    }
    fn entries(&self) -> Option<Vec<(String, Node)>> {
        match self {
            Node::Object(entries) => Some(
                entries
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            ),
            _ => None,
        }
    }
}

pub fn parse(text: &str) -> Node {
    serde_json::from_str::<Value>(text).map_or(Node::Null, Node::from)
}

//! A key-value store in memory, for native tests of storage: several simulated tabs share one,
//! and it can be made to refuse writes as a full `localStorage` does.

use super::{Full, KeyValue};
use bank_format::json::Json;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

#[derive(Clone)]
pub struct Memory<J> {
    map: RefCell<BTreeMap<String, String>>,
    /// Every write fails while set (storage full or switched off).
    pub full: Cell<bool>,
    /// Writes that would make keys and values together longer than this fail.
    pub quota: Cell<usize>,
    /// Successful writes, removals included, in order: what other tabs hear about.
    writes: RefCell<Vec<(String, Option<String>)>>,
    parse: fn(&str) -> J,
}

impl<J> Memory<J> {
    /// An empty store that parses JSON with `parse` (serde_json in tests).
    pub fn new(parse: fn(&str) -> J) -> Memory<J> {
        Memory {
            map: RefCell::default(),
            full: Cell::new(false),
            quota: Cell::new(usize::MAX),
            writes: RefCell::default(),
            parse,
        }
    }

    /// Characters held, keys and values together (roughly what browsers count).
    pub fn bytes(&self) -> usize {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    /// Takes the writes made since the last call.
    pub fn take_writes(&self) -> Vec<(String, Option<String>)> {
        std::mem::take(&mut self.writes.borrow_mut())
    }

    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }
}

impl<J: Json> KeyValue for Memory<J> {
    type Json = J;

    fn parse(&self, text: &str) -> J {
        (self.parse)(text)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Full> {
        let old = self
            .map
            .borrow()
            .get(key)
            .map_or(0, |v| key.len() + v.len());
        if self.full.get() || self.bytes() - old + key.len() + value.len() > self.quota.get() {
            return Err(Full);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        self.writes
            .borrow_mut()
            .push((key.into(), Some(value.into())));
        Ok(())
    }

    fn remove(&self, key: &str) {
        if self.map.borrow_mut().remove(key).is_some() {
            self.writes.borrow_mut().push((key.into(), None));
        }
    }

    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

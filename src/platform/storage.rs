//! The browser's localStorage as the key-value store of `progress::store`, where the rules
//! live (merging, backups, pruning, read-only mode); this file only adapts `web_sys::Storage`
//! and the `storage` event.

use super::json::{parse, Js};
use crate::progress::schema::{Backup, BackupReason};
pub use crate::progress::store::Change;
use crate::progress::store::{self, Full, KeyValue, Loaded};
use crate::progress::Records;
use web_sys::Storage;

/// This page's localStorage.
pub struct Local(Storage);

impl KeyValue for Local {
    type Json = Js;

    fn parse(&self, text: &str) -> Js {
        parse(text)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Full> {
        self.0.set_item(key, value).map_err(|_| Full)
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// localStorage, unless the browser does not allow this page to store data.
pub fn local() -> Option<Local> {
    web_sys::window()?.local_storage().ok().flatten().map(Local)
}

pub fn load(now_ms: f64) -> Loaded {
    match local() {
        Some(s) => store::load(&s, now_ms),
        None => Loaded::without_storage(),
    }
}

/// What another tab just did, from a `storage` event (`None`: nothing for this app).
pub fn from_event(event: &web_sys::StorageEvent) -> Option<Change> {
    store::change_of(&local()?, &event.key()?, event.new_value().as_deref())
}

/// Keeps a copy of the records as stored now (before a reset or an import replaces them).
pub fn back_up_records(reason: BackupReason, now_ms: f64) {
    if let Some(s) = local() {
        store::back_up_records(&s, reason, now_ms);
    }
}

/// Backups kept in this browser, newest first.
pub fn backups() -> Vec<Backup> {
    local().map(|s| store::backups(&s)).unwrap_or_default()
}

pub fn delete_backup(key: &str) {
    if let Some(s) = local() {
        store::delete_backup(&s, key);
    }
}

/// The records a backup holds; the error says why it cannot be restored.
pub fn backup_records(key: &str) -> Result<Records, String> {
    let s = local().ok_or("This browser's storage cannot be read.")?;
    store::backup_records(&s, key)
}

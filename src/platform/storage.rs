//! Progress in localStorage, never losing it: every write is read-modify-write with the
//! document's own merge rule, data that cannot be read (or is from a newer version) is copied
//! to a backup key before anything could overwrite it, and newer data puts the app in
//! read-only mode. Nothing here panics on what it finds in storage.

use super::json::{parse, Js};
use crate::progress::schema::{
    backup_key, decode_records, decode_sessions, decode_settings, encode_records, encode_sessions,
    encode_settings, merge_sessions, migrate_v1, parse_backup_key, Backup, BackupReason,
    DecodeError, SavedSession, RECORDS_KEY, SESSION_KEY, SETTINGS_KEY, V1_KEY,
};
use crate::progress::transfer::import;
use crate::progress::{Records, Settings};
use web_sys::Storage;

/// What loading found, and anything the learner should be told.
pub struct Loaded {
    pub records: Records,
    pub settings: Settings,
    pub sessions: Vec<SavedSession>,
    pub notices: Vec<String>,
    /// False when saving could overwrite data this version cannot read, or storage is off.
    pub writable: bool,
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(s: &Storage, key: &str) -> Option<String> {
    s.get_item(key).ok().flatten()
}

/// Keeps `raw` under a backup key; false if storage refused. The same text already kept (two
/// tabs, or a load and a save, meeting the same broken document) is not kept twice.
fn back_up(s: &Storage, raw: &str, reason: BackupReason, now_ms: f64) -> bool {
    let n = s.length().unwrap_or(0);
    let kept = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| parse_backup_key(k).is_some())
        .any(|k| read(s, &k).as_deref() == Some(raw));
    kept || s.set_item(&backup_key(now_ms, reason), raw).is_ok()
}

const FULL: &str = "Progress is not being saved: this browser's storage is full or unavailable.";

pub fn load(now_ms: f64) -> Loaded {
    let mut out = Loaded {
        records: Records::default(),
        settings: Settings::default(),
        sessions: Vec::new(),
        notices: Vec::new(),
        writable: true,
    };
    let Some(s) = storage() else {
        out.notices.push(
            "Your browser does not allow this page to store data, so progress will not be saved."
                .into(),
        );
        out.writable = false;
        return out;
    };
    migrate(&s, &mut out, now_ms);
    let mut newer = false;
    // Each document on its own: one bad document never costs the others.
    macro_rules! take {
        ($key:expr, $what:expr, $decode:expr, $apply:expr) => {
            if let Some(raw) = read(&s, $key) {
                match $decode(&parse(&raw)) {
                    Ok(value) => $apply(&mut out, value, &raw),
                    Err(DecodeError::UnknownVersion(_)) => {
                        newer = true;
                        back_up(&s, &raw, BackupReason::Newer, now_ms);
                    }
                    Err(DecodeError::Corrupt(_)) => {
                        if back_up(&s, &raw, BackupReason::Unreadable, now_ms) {
                            out.notices.push(format!("Your saved {} could not be read, so it was set aside (see Backups on the progress page) and starts fresh.", $what));
                        } else {
                            out.writable = false;
                            out.notices.push(format!("Your saved {} could not be read. It was left untouched and nothing will be saved this visit.", $what));
                        }
                    }
                }
            }
        };
    }
    take!(
        RECORDS_KEY,
        "history",
        decode_records,
        |o: &mut Loaded, d: crate::progress::schema::Decoded<Records>, raw: &str| {
            if d.skipped > 0 {
                back_up(&s, raw, BackupReason::Unreadable, now_ms);
                o.notices.push(format!("{} saved answer record{} could not be read and {} left out; the original is kept under Backups on the progress page.", d.skipped, if d.skipped == 1 { "" } else { "s" }, if d.skipped == 1 { "was" } else { "were" }));
            }
            o.records = d.value;
        }
    );
    take!(
        SESSION_KEY,
        "quiz",
        decode_sessions,
        |o: &mut Loaded, d: crate::progress::schema::Decoded<Vec<SavedSession>>, raw: &str| {
            if d.skipped > 0 {
                back_up(&s, raw, BackupReason::Unreadable, now_ms);
            }
            o.sessions = d.value;
        }
    );
    take!(
        SETTINGS_KEY,
        "settings",
        decode_settings,
        |o: &mut Loaded, v: Settings, _raw: &str| {
            o.settings = v;
        }
    );
    if newer {
        out.writable = false;
        out.notices.push("Your progress was saved by a newer version of pyquiz. To keep it safe this page is read-only: nothing you do here is saved. Open the newer version, or restore a backup from the progress page.".into());
    }
    out
}

/// Version 1 kept everything under one key: write it as version 2 documents, keep the
/// original as a backup, and only then remove it.
fn migrate(s: &Storage, out: &mut Loaded, now_ms: f64) {
    let Some(raw) = read(s, V1_KEY) else { return };
    if read(s, RECORDS_KEY).is_some() {
        return;
    }
    match migrate_v1(&parse(&raw)) {
        Ok(m) => {
            let saved: Vec<SavedSession> = m
                .value
                .session
                .iter()
                .map(|session| SavedSession {
                    id: session.started_ms,
                    updated_ms: now_ms,
                    session: Some(session.clone()),
                })
                .collect();
            let written = back_up(s, &raw, BackupReason::Version1, now_ms)
                && s.set_item(RECORDS_KEY, &encode_records(&m.value.records))
                    .is_ok()
                && s.set_item(SESSION_KEY, &encode_sessions(&saved)).is_ok()
                && s.set_item(SETTINGS_KEY, &encode_settings(&m.value.settings))
                    .is_ok();
            if written {
                let _ = s.remove_item(V1_KEY);
            }
            if m.skipped > 0 {
                out.notices.push(format!("{} answer record{} from the previous version could not be read; the original is kept under Backups on the progress page.", m.skipped, if m.skipped == 1 { "" } else { "s" }));
            }
        }
        Err(_) => {
            if back_up(s, &raw, BackupReason::Unreadable, now_ms) {
                let _ = s.remove_item(V1_KEY);
                out.notices.push("Your saved progress could not be read, so it was set aside (see Backups on the progress page).".into());
            }
        }
    }
}

/// Writes `key` after merging it with what is stored there now (another tab may have written
/// since we last heard). Refuses to touch a document from a newer version.
fn read_modify_write<T>(
    key: &str,
    decode: impl Fn(&Js) -> Result<T, DecodeError>,
    merge_and_encode: impl FnOnce(Option<T>) -> String,
    now_ms: f64,
) -> Result<(), String> {
    let s = storage().ok_or(FULL)?;
    let stored = match read(&s, key) {
        None => None,
        Some(raw) => match decode(&parse(&raw)) {
            Ok(v) => Some(v),
            Err(DecodeError::UnknownVersion(_)) => {
                back_up(&s, &raw, BackupReason::Newer, now_ms);
                return Err("A newer version of pyquiz is now saving progress in this browser, so this page stopped saving. Reload to use the newer version.".into());
            }
            Err(DecodeError::Corrupt(_)) => {
                if !back_up(&s, &raw, BackupReason::Unreadable, now_ms) {
                    return Err(FULL.into());
                }
                None
            }
        },
    };
    s.set_item(key, &merge_and_encode(stored))
        .map_err(|_| FULL.to_string())
}

pub fn save_records(ours: &Records, now_ms: f64) -> Result<(), String> {
    read_modify_write(
        RECORDS_KEY,
        |j| decode_records(j).map(|d| d.value),
        |stored| {
            let mut merged = stored.unwrap_or_default();
            merged.merge(ours);
            encode_records(&merged)
        },
        now_ms,
    )
}

pub fn save_sessions(ours: &[SavedSession], now_ms: f64) -> Result<(), String> {
    read_modify_write(
        SESSION_KEY,
        |j| decode_sessions(j).map(|d| d.value),
        |stored| {
            let mut list = stored.unwrap_or_default();
            merge_sessions(&mut list, ours);
            encode_sessions(&list)
        },
        now_ms,
    )
}

pub fn save_settings(ours: &Settings, now_ms: f64) -> Result<(), String> {
    read_modify_write(
        SETTINGS_KEY,
        decode_settings,
        |stored| {
            let mut merged = stored.unwrap_or_default();
            merged.merge(ours);
            encode_settings(&merged)
        },
        now_ms,
    )
}

/// Keeps a copy of the records as stored now (before a reset or an import replaces them).
pub fn back_up_records(reason: BackupReason, now_ms: f64) {
    if let Some(s) = storage() {
        if let Some(raw) = read(&s, RECORDS_KEY) {
            back_up(&s, &raw, reason, now_ms);
        }
    }
}

/// What another tab just saved, from a `storage` event.
pub enum Change {
    Records(Records),
    Sessions(Vec<SavedSession>),
    Settings(Settings),
}

pub fn from_event(event: &web_sys::StorageEvent) -> Option<Change> {
    let key = event.key()?;
    let doc = parse(&event.new_value()?);
    match key.as_str() {
        RECORDS_KEY => decode_records(&doc).ok().map(|d| Change::Records(d.value)),
        SESSION_KEY => decode_sessions(&doc)
            .ok()
            .map(|d| Change::Sessions(d.value)),
        SETTINGS_KEY => decode_settings(&doc).ok().map(Change::Settings),
        _ => None,
    }
}

/// Backups kept in this browser, newest first.
pub fn backups() -> Vec<Backup> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let mut list: Vec<Backup> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| parse_backup_key(&k))
        .collect();
    crate::order::sort_by_key_f64(&mut list, |b| -b.at_ms);
    list
}

pub fn read_raw(key: &str) -> Option<String> {
    read(&storage()?, key)
}

pub fn delete_backup(key: &str) {
    if parse_backup_key(key).is_some() {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }
}

/// The records a backup holds, whichever format it is in; the error says why it cannot be
/// restored.
pub fn backup_records(key: &str) -> Result<Records, String> {
    let raw = read_raw(key).ok_or("This backup is no longer there.")?;
    records_from_text(&raw)
}

/// Records from any text the app wrote: a records document, a version 1 document or an export.
pub fn records_from_text(raw: &str) -> Result<Records, String> {
    let doc = parse(raw);
    if let Ok(d) = decode_records(&doc) {
        return Ok(d.value);
    }
    if let Ok(m) = migrate_v1(&doc) {
        return Ok(m.value.records);
    }
    match import(&doc) {
        Ok(i) => Ok(i.records),
        Err(_) => match decode_records(&doc) {
            Err(DecodeError::UnknownVersion(v)) => Err(format!(
                "It was saved by a newer version of pyquiz (format {v}); open that version to use it."
            )),
            _ => Err("It cannot be read by this version of pyquiz.".into()),
        },
    }
}

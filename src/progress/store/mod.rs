//! Progress in storage, never losing it, over any key-value store (`web_sys::Storage` in the
//! browser, a map in the tests): every write is read-modify-write with the document's own merge
//! rule; data that cannot be read, or is from a newer version, is copied to a backup key before
//! anything could overwrite it; newer data makes the app read-only. Nothing here panics on what
//! it finds in storage.

mod backups;
mod memory;
#[cfg(test)]
mod tests;

pub use backups::{back_up, backups, prune, BACKUPS_MAX_BYTES, BACKUPS_PER_REASON};
pub use memory::Memory;

use super::records::Records;
use super::schema::{
    decode_records, decode_sessions, decode_settings, encode_records, encode_sessions,
    encode_settings, merge_sessions, migrate_v1, parse_backup_key, BackupReason, DecodeError,
    Decoded, Doc, SavedSession, V1_KEY,
};
use super::settings::Settings;
use super::transfer::import;
use bank_format::json::Json;
use std::fmt;

/// Storage refused a write (its quota is full, or it is switched off).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Full;

/// What the app needs of a key-value store. Every method takes `&self`, as
/// `localStorage` does: several tabs (or simulated tabs) may hold the same store.
pub trait KeyValue {
    type Json: Json;
    /// Parses stored text as this platform parses JSON (`null` for anything that is not JSON).
    fn parse(&self, text: &str) -> Self::Json;
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), Full>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// Why a save did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused the write; trying again later may work.
    Full,
    /// A newer version of the app now writes this document: this tab must stop saving.
    Newer,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SaveError::Full => {
                "Progress is not being saved: this browser's storage is full or unavailable."
            }
            SaveError::Newer => "A newer version of pyquiz is now saving progress in this browser, so this page stopped saving. Reload to use the newer version.",
        })
    }
}

/// What loading found, and anything the learner should be told.
pub struct Loaded {
    pub records: Records,
    pub settings: Settings,
    pub sessions: Vec<SavedSession>,
    pub notices: Vec<String>,
    /// False when saving could overwrite data this version cannot read, or storage is off.
    pub writable: bool,
    /// Documents that could not be read: the tab writes its own in their place as soon as it
    /// can (after backing them up), so no later load meets them again.
    pub unreadable: Vec<Doc>,
}

impl Loaded {
    /// What a browser without usable storage starts with.
    pub fn without_storage() -> Loaded {
        Loaded {
            records: Records::default(),
            settings: Settings::default(),
            sessions: Vec::new(),
            notices: vec![
                "Your browser does not allow this page to store data, so progress will not be saved."
                    .into(),
            ],
            writable: false,
            unreadable: Vec::new(),
        }
    }
}

/// What another tab just did to a document, from a `storage` event.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Records(Records),
    Sessions(Vec<SavedSession>),
    Settings(Settings),
    /// The document was removed or made unreadable by someone else: this tab holds its data
    /// and writes it back (the unreadable text is backed up first).
    Lost(Doc),
    /// A newer version of the app wrote it: this tab stops saving.
    Newer,
}

/// Reads `doc` as stored; `None` when absent.
fn read<S: KeyValue, T>(
    s: &S,
    doc: Doc,
    decode: impl Fn(&S::Json) -> Result<T, DecodeError>,
) -> Option<(String, Result<T, DecodeError>)> {
    let raw = s.get(doc.key())?;
    let value = decode(&s.parse(&raw));
    Some((raw, value))
}

pub fn load<S: KeyValue>(s: &S, now_ms: f64) -> Loaded {
    let mut out = Loaded {
        records: Records::default(),
        settings: Settings::default(),
        sessions: Vec::new(),
        notices: Vec::new(),
        writable: true,
        unreadable: Vec::new(),
    };
    migrate(s, &mut out, now_ms);
    let mut newer = false;
    // Each document on its own: one bad document never costs the others.
    let unreadable = |what: &str, doc: Doc, raw: &str, out: &mut Loaded| {
        out.unreadable.push(doc);
        if back_up(s, raw, doc, BackupReason::Unreadable, now_ms) {
            out.notices.push(format!("Your saved {what} could not be read, so it was set aside (see Backups on the progress page) and starts fresh."));
        } else {
            // Storage is full: the text stays where it is until it can be set aside (every save
            // backs it up before writing over it), and saving resumes once there is room.
            out.notices.push(format!("Your saved {what} could not be read, and there is no room to set it aside yet. It is left untouched; what you do now is saved once there is room."));
        }
    };
    match read(s, Doc::Records, decode_records) {
        Some((raw, Ok(d))) => {
            if d.skipped > 0 {
                back_up(s, &raw, Doc::Records, BackupReason::Unreadable, now_ms);
                out.notices.push(format!("{} saved answer record{} could not be read and {} left out; the original is kept under Backups on the progress page.", d.skipped, if d.skipped == 1 { "" } else { "s" }, if d.skipped == 1 { "was" } else { "were" }));
            }
            out.records = d.value;
        }
        Some((raw, Err(DecodeError::UnknownVersion(_)))) => {
            newer = true;
            back_up(s, &raw, Doc::Records, BackupReason::Newer, now_ms);
        }
        Some((raw, Err(DecodeError::Corrupt(_)))) => {
            unreadable("history", Doc::Records, &raw, &mut out)
        }
        None => {}
    }
    match read(s, Doc::Sessions, decode_sessions) {
        Some((raw, Ok(d))) => {
            if d.skipped > 0 {
                back_up(s, &raw, Doc::Sessions, BackupReason::Unreadable, now_ms);
            }
            out.sessions = d.value;
        }
        Some((raw, Err(DecodeError::UnknownVersion(_)))) => {
            newer = true;
            back_up(s, &raw, Doc::Sessions, BackupReason::Newer, now_ms);
        }
        Some((raw, Err(DecodeError::Corrupt(_)))) => {
            unreadable("quiz", Doc::Sessions, &raw, &mut out)
        }
        None => {}
    }
    match read(s, Doc::Settings, decode_settings) {
        Some((_, Ok(v))) => out.settings = v,
        Some((raw, Err(DecodeError::UnknownVersion(_)))) => {
            newer = true;
            back_up(s, &raw, Doc::Settings, BackupReason::Newer, now_ms);
        }
        Some((raw, Err(DecodeError::Corrupt(_)))) => {
            unreadable("settings", Doc::Settings, &raw, &mut out)
        }
        None => {}
    }
    if newer {
        out.writable = false;
        out.notices.push("Your progress was saved by a newer version of pyquiz. To keep it safe this page is read-only: nothing you do here is saved. Open the newer version, or restore a backup from the progress page.".into());
    }
    out
}

/// Version 1 kept everything under one key. Its data is merged into the version 2 documents
/// (as another tab's would be: a rolled-back deploy may have written both, and a reset made
/// since still applies), the original is kept as a backup, and only then is it removed.
fn migrate<S: KeyValue>(s: &S, out: &mut Loaded, now_ms: f64) {
    let Some(raw) = s.get(V1_KEY) else { return };
    match migrate_v1(&s.parse(&raw)) {
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
            let written = back_up(s, &raw, Doc::Version1, BackupReason::Version1, now_ms)
                && save_records(s, &m.value.records, now_ms).is_ok()
                && save_sessions(s, &saved, now_ms).is_ok()
                // Version 1's choices only where version 2 has none: any version 2 choice is newer.
                && read_modify_write(
                    s,
                    Doc::Settings,
                    decode_settings,
                    |stored| encode_settings(&stored.unwrap_or(m.value.settings.clone())),
                    now_ms,
                )
                .is_ok();
            if written {
                s.remove(V1_KEY);
            }
            if m.skipped > 0 {
                out.notices.push(format!("{} answer record{} from the previous version could not be read; the original is kept under Backups on the progress page.", m.skipped, if m.skipped == 1 { "" } else { "s" }));
            }
        }
        // Left for a newer version that can read it.
        Err(DecodeError::UnknownVersion(_)) => {}
        Err(DecodeError::Corrupt(_)) => {
            if back_up(s, &raw, Doc::Version1, BackupReason::Unreadable, now_ms) {
                s.remove(V1_KEY);
                out.notices.push("Your saved progress could not be read, so it was set aside (see Backups on the progress page).".into());
            }
        }
    }
}

/// Writes `doc` after merging it with what is stored there now (another tab may have written
/// since we last heard). Refuses to touch a document from a newer version.
fn read_modify_write<S: KeyValue, T>(
    s: &S,
    doc: Doc,
    decode: impl Fn(&S::Json) -> Result<T, DecodeError>,
    merge_and_encode: impl FnOnce(Option<T>) -> String,
    now_ms: f64,
) -> Result<(), SaveError> {
    let stored = match read(s, doc, decode) {
        None => None,
        Some((_, Ok(v))) => Some(v),
        Some((raw, Err(DecodeError::UnknownVersion(_)))) => {
            back_up(s, &raw, doc, BackupReason::Newer, now_ms);
            return Err(SaveError::Newer);
        }
        Some((raw, Err(DecodeError::Corrupt(_)))) => {
            if !back_up(s, &raw, doc, BackupReason::Unreadable, now_ms) {
                return Err(SaveError::Full);
            }
            None
        }
    };
    s.set(doc.key(), &merge_and_encode(stored))
        .map_err(|Full| SaveError::Full)
}

pub fn save_records<S: KeyValue>(s: &S, ours: &Records, now_ms: f64) -> Result<(), SaveError> {
    read_modify_write(
        s,
        Doc::Records,
        |j| decode_records(j).map(|d| d.value),
        |stored| {
            let mut merged = stored.unwrap_or_default();
            merged.merge(ours);
            encode_records(&merged)
        },
        now_ms,
    )
}

pub fn save_sessions<S: KeyValue>(
    s: &S,
    ours: &[SavedSession],
    now_ms: f64,
) -> Result<(), SaveError> {
    read_modify_write(
        s,
        Doc::Sessions,
        |j| decode_sessions(j).map(|d| d.value),
        |stored| {
            let mut list = stored.unwrap_or_default();
            merge_sessions(&mut list, ours);
            encode_sessions(&list)
        },
        now_ms,
    )
}

pub fn save_settings<S: KeyValue>(s: &S, ours: &Settings, now_ms: f64) -> Result<(), SaveError> {
    read_modify_write(
        s,
        Doc::Settings,
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
pub fn back_up_records<S: KeyValue>(s: &S, reason: BackupReason, now_ms: f64) {
    if let Some(raw) = s.get(Doc::Records.key()) {
        back_up(s, &raw, Doc::Records, reason, now_ms);
    }
}

/// What a change to `key` (its new text, `None` if removed) means for this tab.
pub fn change_of<S: KeyValue>(s: &S, key: &str, new_value: Option<&str>) -> Option<Change> {
    let doc = Doc::of_key(key)?;
    let Some(text) = new_value else {
        return (doc != Doc::Version1).then_some(Change::Lost(doc));
    };
    let json = s.parse(text);
    let decoded = match doc {
        Doc::Records => decode_records(&json).map(|d| Change::Records(d.value)),
        Doc::Sessions => decode_sessions(&json).map(|d| Change::Sessions(d.value)),
        Doc::Settings => decode_settings(&json).map(Change::Settings),
        Doc::Version1 => return None,
    };
    Some(match decoded {
        Ok(change) => change,
        Err(DecodeError::UnknownVersion(_)) => Change::Newer,
        Err(DecodeError::Corrupt(_)) => Change::Lost(doc),
    })
}

pub fn delete_backup<S: KeyValue>(s: &S, key: &str) {
    if parse_backup_key(key).is_some() {
        s.remove(key);
    }
}

/// The records a backup holds, whichever format it is in; the error says why it cannot be
/// restored.
pub fn backup_records<S: KeyValue>(s: &S, key: &str) -> Result<Records, String> {
    let raw = s.get(key).ok_or("This backup is no longer there.")?;
    records_from_text(&s.parse(&raw))
}

/// Records from any document the app wrote: a records document, a version 1 document or an
/// export.
pub fn records_from_text<J: Json>(doc: &J) -> Result<Records, String> {
    if let Ok(Decoded { value, .. }) = decode_records(doc) {
        return Ok(value);
    }
    if let Ok(m) = migrate_v1(doc) {
        return Ok(m.value.records);
    }
    match import(doc) {
        Ok(i) => Ok(i.records),
        Err(_) => match decode_records(doc) {
            Err(DecodeError::UnknownVersion(v)) => Err(format!(
                "It was saved by a newer version of pyquiz (format {v}); open that version to use it."
            )),
            _ => Err("It cannot be read by this version of pyquiz.".into()),
        },
    }
}

//! How progress is stored: three JSON documents under their own keys, because each has its own
//! merge rule (records per question, the quiz in progress per tab, settings last-writer-wins).
//! Every document carries a version; decoding never panics, takes what is valid from a partly
//! bad document and says what it could not read. Version 1 (one document for everything) is
//! migrated on first load and kept as a backup.

mod backups;
mod records_doc;
mod session_doc;
mod settings_doc;
mod v1;

pub use backups::{backup_key, parse_backup_key, Backup, BackupReason, BACKUP_PREFIX};
pub use records_doc::{decode_records, encode_records};
pub use session_doc::{
    decode_sessions, encode_sessions, merge_sessions, SavedSession, SESSIONS_KEEP,
};
pub use settings_doc::{decode_settings, encode_settings};
pub use v1::{migrate_v1, Migrated};

use bank_format::json::Json;
use std::fmt;

/// The version this app writes; documents of a newer one are left alone.
pub const CURRENT_VERSION: u64 = 2;

pub const RECORDS_KEY: &str = "pyquiz.records";
pub const SESSION_KEY: &str = "pyquiz.session";
pub const SETTINGS_KEY: &str = "pyquiz.settings";
/// Where version 1 kept everything.
pub const V1_KEY: &str = "pyquiz.progress";

/// The stored documents: each has its key, its merge rule and its backups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Records,
    Sessions,
    Settings,
    /// Version 1's single document.
    Version1,
}

impl Doc {
    pub const ALL: [Doc; 4] = [Doc::Records, Doc::Sessions, Doc::Settings, Doc::Version1];

    pub fn key(self) -> &'static str {
        match self {
            Doc::Records => RECORDS_KEY,
            Doc::Sessions => SESSION_KEY,
            Doc::Settings => SETTINGS_KEY,
            Doc::Version1 => V1_KEY,
        }
    }

    pub fn of_key(key: &str) -> Option<Doc> {
        Doc::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The key's last part, as a backup key names the document it holds.
    fn slug(self) -> &'static str {
        &self.key()["pyquiz.".len()..]
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version.
    Corrupt(String),
    /// Written by a newer version of the app.
    UnknownVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(why) => write!(f, "it could not be read ({why})"),
            DecodeError::UnknownVersion(v) => {
                write!(f, "it was saved by a newer version of pyquiz (format {v})")
            }
        }
    }
}

/// A decoded document and how many of its entries had to be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    pub skipped: usize,
}

/// The document's version, checked against what this app can read.
fn version_of<J: Json>(doc: &J, readable: u64) -> Result<u64, DecodeError> {
    let v = doc
        .uint_at("version", u64::from(u32::MAX))
        .ok_or_else(|| DecodeError::Corrupt("no version number".into()))?;
    if v > readable {
        return Err(DecodeError::UnknownVersion(v));
    }
    if v < readable {
        return Err(DecodeError::Corrupt(format!(
            "version {v} under a newer key"
        )));
    }
    Ok(v)
}

/// `x` as the writer stores it (nine decimals at most): a number read from storage that is
/// compared or matched (a saved quiz's id) must be the one a save writes back, or two entries
/// that differ only beyond what is written would merge on the next read.
/// Computed, not printed and parsed back: parsing a float would link the float parser into
/// the wasm for one line.
fn as_written(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let scaled = (x.abs() * 1e9).round();
    if scaled >= 9.0e15 {
        return x.round();
    }
    let v = scaled / 1e9;
    if x < 0.0 {
        -v
    } else {
        v
    }
}

#[cfg(test)]
pub(crate) fn parse(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

//! Progress in localStorage. Never panics: unreadable data is backed up and replaced, and a
//! storage that refuses writes only means progress is not saved, with a notice saying so.

use crate::progress::{backup_key, decode, encode, DecodeError, Progress, STORAGE_KEY};
use gloo::storage::{LocalStorage, Storage};

/// The outcome of loading, with anything the learner should be told.
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<String>,
    /// False when saving would overwrite data that could not be backed up.
    pub writable: bool,
}

pub fn load(now_ms: f64) -> Loaded {
    let storage = match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(s))) => s,
        _ => {
            return Loaded {
                progress: Progress::default(),
                notice: Some("Your browser does not allow this page to store data, so progress will not be saved.".into()),
                writable: false,
            }
        }
    };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                progress: Progress::default(),
                notice: None,
                writable: true,
            }
        }
        Err(_) => {
            return Loaded {
                progress: Progress::default(),
                notice: Some(
                    "Saved progress could not be read from this browser's storage.".into(),
                ),
                writable: false,
            }
        }
    };
    match decode(&raw) {
        Ok(progress) => Loaded {
            progress,
            notice: None,
            writable: true,
        },
        Err(err) => {
            let key = backup_key(now_ms);
            let kept = storage.set_item(&key, &raw).is_ok();
            let what = match err {
                DecodeError::UnknownVersion(_) => {
                    "Your saved progress was written by a newer version of this app"
                }
                DecodeError::Corrupt(_) => "Your saved progress could not be read",
            };
            let notice = if kept {
                format!("{what}, so it was set aside (a copy is kept in this browser under “{key}”) and you are starting fresh.")
            } else {
                format!("{what}. It was left untouched and progress will not be saved this visit.")
            };
            Loaded {
                progress: Progress::default(),
                notice: Some(notice),
                writable: kept,
            }
        }
    }
}

/// Saves progress; the error is a sentence for a notice.
pub fn save(progress: &Progress) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(STORAGE_KEY, &encode(progress))
        .map_err(|_| {
            "Progress is not being saved: this browser's storage is full or unavailable."
                .to_string()
        })
}

/// The progress another tab just saved, from a `storage` event (None for other keys or
/// unreadable data, which that tab will have reported itself).
pub fn from_event(event: &web_sys::StorageEvent) -> Option<Progress> {
    if event.key().as_deref() != Some(STORAGE_KEY) {
        return None;
    }
    decode(&event.new_value()?).ok()
}

/// Raw access for tests and backups.
pub fn read_raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

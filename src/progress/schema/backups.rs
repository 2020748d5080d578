//! Copies of stored data kept before anything could overwrite it: unreadable or newer data, the
//! records before a reset, a version 1 document after its migration, and the records an import
//! replaced. Each is one key, `pyquiz.backup.<ms>.<doc>.<reason>`, holding the raw text; keys
//! written before the document was named (`pyquiz.backup.<ms>.<reason>`) still read.

use super::Doc;
use std::fmt;

pub const BACKUP_PREFIX: &str = "pyquiz.backup.";
/// Where version 1 put the unreadable documents it set aside.
const V1_BACKUP_PREFIX: &str = "pyquiz.progress.backup.";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReason {
    /// Stored data that could not be read.
    Unreadable,
    /// Stored data written by a newer version of the app.
    Newer,
    /// Records as they were before a reset.
    Reset,
    /// The version 1 document, after it was migrated.
    Version1,
    /// Records as they were before an import replaced them.
    Import,
}

impl BackupReason {
    pub const ALL: [BackupReason; 5] = [
        BackupReason::Unreadable,
        BackupReason::Newer,
        BackupReason::Reset,
        BackupReason::Version1,
        BackupReason::Import,
    ];

    fn slug(self) -> &'static str {
        match self {
            BackupReason::Unreadable => "unreadable",
            BackupReason::Newer => "newer",
            BackupReason::Reset => "reset",
            BackupReason::Version1 => "v1",
            BackupReason::Import => "import",
        }
    }
}

impl fmt::Display for BackupReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BackupReason::Unreadable => "data that could not be read",
            BackupReason::Newer => "data from a newer version",
            BackupReason::Reset => "your progress before a reset",
            BackupReason::Version1 => "your progress as the previous version stored it",
            BackupReason::Import => "your progress before an import replaced it",
        })
    }
}

/// A backup as listed on the progress page.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    pub at_ms: f64,
    pub reason: BackupReason,
    /// The document it holds (`None` for keys from before it was named).
    pub doc: Option<Doc>,
}

/// The key for a backup of `doc` taken at `at_ms` (whole milliseconds). Two backups in the same
/// millisecond differ by their document or reason; the caller moves on to the next
/// millisecond while a key is taken.
pub fn backup_key(at_ms: f64, doc: Doc, reason: BackupReason) -> String {
    format!(
        "{BACKUP_PREFIX}{}.{}.{}",
        at_ms.max(0.0) as u64,
        doc.slug(),
        reason.slug()
    )
}

/// Reads a storage key as a backup, if it is one (including version 1's own backups).
pub fn parse_backup_key(key: &str) -> Option<Backup> {
    if let Some(ms) = key.strip_prefix(V1_BACKUP_PREFIX) {
        return Some(Backup {
            key: key.to_string(),
            at_ms: ms.parse::<u64>().ok()? as f64,
            reason: BackupReason::Unreadable,
            doc: Some(Doc::Version1),
        });
    }
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    let (ms, rest) = rest.split_once('.')?;
    let (doc, slug) = match rest.split_once('.') {
        Some((doc, slug)) => (Some(Doc::ALL.into_iter().find(|d| d.slug() == doc)?), slug),
        None => (None, rest),
    };
    Some(Backup {
        key: key.to_string(),
        at_ms: ms.parse::<u64>().ok()? as f64,
        reason: BackupReason::ALL.into_iter().find(|r| r.slug() == slug)?,
        doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_others_are_not_backups() {
        for reason in BackupReason::ALL {
            for doc in Doc::ALL {
                let key = backup_key(1234.0, doc, reason);
                assert_eq!(
                    parse_backup_key(&key),
                    Some(Backup {
                        key: key.clone(),
                        at_ms: 1234.0,
                        reason,
                        doc: Some(doc),
                    })
                );
            }
        }
        assert_eq!(
            backup_key(1234.0, Doc::Records, BackupReason::Unreadable),
            "pyquiz.backup.1234.records.unreadable"
        );
        for other in [
            "pyquiz.records",
            "pyquiz.backup.x.reset",
            "pyquiz.backup.5.party",
            "pyquiz.backup.5.party.reset",
            "other",
        ] {
            assert_eq!(parse_backup_key(other), None, "{other}");
        }
    }

    #[test]
    fn keys_written_by_earlier_releases_still_read() {
        let old = parse_backup_key("pyquiz.backup.99.reset").unwrap();
        assert_eq!(
            (old.at_ms, old.reason, old.doc),
            (99.0, BackupReason::Reset, None)
        );
        let v1 = parse_backup_key("pyquiz.progress.backup.77").unwrap();
        assert_eq!((v1.at_ms, v1.reason), (77.0, BackupReason::Unreadable));
    }
}

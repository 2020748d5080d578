//! Copies of stored data kept before anything could overwrite it: unreadable or newer data, the
//! records before a reset, a version 1 document after its migration, and the records an import
//! replaced. Each is one key, `pyquiz.backup.<ms>.<reason>`, holding the raw text.

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
    const ALL: [BackupReason; 5] = [
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
}

pub fn backup_key(now_ms: f64, reason: BackupReason) -> String {
    format!(
        "{BACKUP_PREFIX}{}.{}",
        now_ms.max(0.0) as u64,
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
        });
    }
    let (ms, slug) = key.strip_prefix(BACKUP_PREFIX)?.split_once('.')?;
    Some(Backup {
        key: key.to_string(),
        at_ms: ms.parse::<u64>().ok()? as f64,
        reason: BackupReason::ALL.into_iter().find(|r| r.slug() == slug)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_others_are_not_backups() {
        for reason in BackupReason::ALL {
            let key = backup_key(1234.0, reason);
            assert_eq!(
                parse_backup_key(&key),
                Some(Backup {
                    key: key.clone(),
                    at_ms: 1234.0,
                    reason
                })
            );
        }
        assert_eq!(
            parse_backup_key("pyquiz.progress.backup.77").map(|b| b.at_ms),
            Some(77.0)
        );
        for other in [
            "pyquiz.records",
            "pyquiz.backup.x.reset",
            "pyquiz.backup.5.party",
            "other",
        ] {
            assert_eq!(parse_backup_key(other), None, "{other}");
        }
    }
}

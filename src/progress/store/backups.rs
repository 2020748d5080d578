//! Writing and pruning backups. Every reset and replacing import keeps a full copy of the
//! records, so without pruning they would fill the storage quota until every save failed: each
//! write keeps the newest few per reason under a total size, and never drops the one it just
//! wrote.

use super::KeyValue;
use crate::progress::schema::{backup_key, parse_backup_key, Backup, BackupReason, Doc};

/// Backups kept per reason (the newest).
pub const BACKUPS_PER_REASON: usize = 3;
/// Characters all backups may take together: localStorage holds about five million, and the
/// live documents need room to grow.
pub const BACKUPS_MAX_BYTES: usize = 1_500_000;

/// Backups kept in this browser, newest first.
pub fn backups<S: KeyValue>(s: &S) -> Vec<Backup> {
    let mut list: Vec<Backup> = s
        .keys()
        .iter()
        .filter_map(|k| parse_backup_key(k))
        .collect();
    // Newest first; among backups of the same millisecond, the later key (bumped) first.
    list.sort_by(|a, b| b.at_ms.total_cmp(&a.at_ms).then_with(|| b.key.cmp(&a.key)));
    list
}

/// Keeps `raw` under a new backup key of `doc`; false if storage refused (the caller then
/// leaves the original where it is).
/// The same text already kept (two tabs, or a load and a save, meeting the same broken
/// document) is not kept twice. A key already taken (two backups in one millisecond) moves on
/// to the next millisecond, so no backup ever overwrites another.
pub fn back_up<S: KeyValue>(s: &S, raw: &str, doc: Doc, reason: BackupReason, now_ms: f64) -> bool {
    let existing = backups(s);
    if existing
        .iter()
        .any(|b| s.get(&b.key).as_deref() == Some(raw))
    {
        return true;
    }
    let mut at = now_ms.max(0.0).floor();
    let mut key = backup_key(at, doc, reason);
    while s.get(&key).is_some() {
        at += 1.0;
        key = backup_key(at, doc, reason);
    }
    if s.set(&key, raw).is_err() {
        return false;
    }
    prune(s, &key);
    true
}

/// Drops backups beyond `BACKUPS_PER_REASON` per reason, then the oldest until all fit in
/// `BACKUPS_MAX_BYTES`. `keep` (the backup just written) is never dropped.
pub fn prune<S: KeyValue>(s: &S, keep: &str) {
    let mut per_reason = [0usize; BackupReason::ALL.len()];
    let mut bytes = 0;
    for b in backups(s) {
        let kept = b.key == keep;
        let n = &mut per_reason[reason_index(b.reason)];
        *n += 1;
        let size = b.key.len() + s.get(&b.key).map_or(0, |v| v.len());
        if kept || (*n <= BACKUPS_PER_REASON && bytes + size <= BACKUPS_MAX_BYTES) {
            bytes += size;
        } else {
            s.remove(&b.key);
        }
    }
}

fn reason_index(reason: BackupReason) -> usize {
    BackupReason::ALL
        .iter()
        .position(|r| *r == reason)
        .unwrap_or(0)
}

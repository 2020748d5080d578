use super::*;
use crate::progress::schema::{
    parse, Backup, BACKUP_PREFIX, RECORDS_KEY, SESSION_KEY, SETTINGS_KEY,
};
use crate::quiz::{Grade, Mode, Session};

type Store = Memory<serde_json::Value>;

fn store() -> Store {
    Memory::new(parse)
}

fn backup_keys(s: &Store) -> Vec<String> {
    s.keys()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect()
}

fn answered(ids: &[(&str, Grade, f64)]) -> Records {
    Records::answered(ids)
}

#[test]
fn save_then_load_round_trips_each_document() {
    let s = store();
    let r = answered(&[("mut-01", Grade::Good, 5.0), ("fn-02", Grade::Again, 6.0)]);
    save_records(&s, &r, 10.0).unwrap();
    let mut settings = Settings::default();
    settings.toggle_bookmark("mut-01", 7.0);
    settings.updated_ms = 8.0;
    save_settings(&s, &settings, 10.0).unwrap();
    let quiz = SavedSession {
        id: 3.0,
        updated_ms: 9.0,
        session: Some(Session::new(vec!["mut-01".into()], Mode::Exam, 3.0)),
    };
    save_sessions(&s, std::slice::from_ref(&quiz), 10.0).unwrap();
    let loaded = load(&s, 11.0);
    assert_eq!(loaded.records, r);
    assert_eq!(loaded.settings, settings);
    assert_eq!(loaded.sessions, [quiz]);
    assert!(loaded.notices.is_empty() && loaded.writable);
    assert!(backup_keys(&s).is_empty());
}

#[test]
fn saving_merges_with_what_another_tab_wrote_meanwhile() {
    let s = store();
    let theirs = answered(&[("theirs-1", Grade::Good, 5.0)]);
    s.set(RECORDS_KEY, &encode_records(&theirs)).unwrap();
    save_records(&s, &answered(&[("ours-1", Grade::Good, 6.0)]), 10.0).unwrap();
    let ids: Vec<String> = load(&s, 11.0).records.map.into_keys().collect();
    assert_eq!(ids, ["ours-1", "theirs-1"]);
}

#[test]
fn corrupted_storage_is_backed_up_once_and_reported() {
    let s = store();
    let broken = "{\"version\":2,\"records\":[oops";
    s.set(RECORDS_KEY, broken).unwrap();
    let loaded = load(&s, 1234.0);
    assert_eq!(loaded.records, Records::default());
    assert!(
        loaded.notices[0].contains("could not be read"),
        "{:?}",
        loaded.notices
    );
    assert!(loaded.writable);
    assert_eq!(
        loaded.unreadable,
        [Doc::Records],
        "to be written over, now it is kept"
    );
    assert_eq!(backup_keys(&s), ["pyquiz.backup.1234.records.unreadable"]);
    assert_eq!(s.get(&backup_keys(&s)[0]).as_deref(), Some(broken));
    // A save that meets the same broken text (another tab, a flush) keeps it once.
    save_records(&s, &Records::default(), 5678.0).unwrap();
    assert_eq!(backup_keys(&s).len(), 1);
}

#[test]
fn two_documents_backed_up_in_one_load_keep_both() {
    // B5: one load, one millisecond, the same reason: the keys used to collide.
    let s = store();
    let mut doc: serde_json::Value =
        serde_json::from_str(&encode_records(&answered(&[("mut-01", Grade::Good, 5.0)]))).unwrap();
    doc["records"]["bad-1"] = serde_json::json!(7);
    let partly_bad = doc.to_string();
    s.set(RECORDS_KEY, &partly_bad).unwrap();
    s.set(SESSION_KEY, "{\"version\":2,\"sessions\":[{\"id\":1}]}")
        .unwrap();
    s.set(SETTINGS_KEY, "not json").unwrap();
    load(&s, 50.0);
    let kept: Vec<String> = backup_keys(&s).iter().filter_map(|k| s.get(k)).collect();
    assert_eq!(kept.len(), 3, "{:?}", backup_keys(&s));
    assert!(kept.contains(&partly_bad), "the skipped records are kept");
    // The same document and reason twice in one millisecond: the second moves on a millisecond.
    assert!(back_up(&s, "one", Doc::Records, BackupReason::Reset, 60.0));
    assert!(back_up(&s, "two", Doc::Records, BackupReason::Reset, 60.0));
    let resets: Vec<Backup> = backups(&s)
        .into_iter()
        .filter(|b| b.reason == BackupReason::Reset)
        .collect();
    assert_eq!(resets.len(), 2);
    assert_eq!(
        s.get("pyquiz.backup.60.records.reset").as_deref(),
        Some("one"),
        "never overwritten"
    );
}

#[test]
fn backups_are_pruned_per_reason_and_by_size_never_the_one_just_written() {
    // B6: every reset keeps a copy; without pruning they fill the quota.
    let s = store();
    for i in 0..20 {
        assert!(back_up(
            &s,
            &format!("reset {i}"),
            Doc::Records,
            BackupReason::Reset,
            f64::from(i)
        ));
    }
    back_up(&s, "newer", Doc::Settings, BackupReason::Newer, 100.0);
    let list = backups(&s);
    let resets: Vec<f64> = list
        .iter()
        .filter(|b| b.reason == BackupReason::Reset)
        .map(|b| b.at_ms)
        .collect();
    assert_eq!(resets, [19.0, 18.0, 17.0], "the newest few per reason");
    assert_eq!(list.len(), 4, "other reasons keep theirs");
    // Big ones: the total stays under the cap, and the newest is kept even if it alone is over.
    let big = "x".repeat(BACKUPS_MAX_BYTES / 2);
    for i in 0..3 {
        back_up(
            &s,
            &format!("{big}{i}"),
            Doc::Records,
            BackupReason::Import,
            200.0 + f64::from(i),
        );
    }
    let total: usize = backups(&s)
        .iter()
        .map(|b| b.key.len() + s.get(&b.key).unwrap().len())
        .sum();
    assert!(total <= BACKUPS_MAX_BYTES, "{total}");
    assert!(s.get("pyquiz.backup.202.records.import").is_some());
    let huge = "y".repeat(BACKUPS_MAX_BYTES * 2);
    assert!(back_up(&s, &huge, Doc::Records, BackupReason::Reset, 300.0));
    assert_eq!(
        backups(&s).iter().map(|b| b.at_ms).collect::<Vec<_>>(),
        [300.0],
        "the one just written stays, the rest make room"
    );
}

#[test]
fn newer_data_makes_the_app_read_only_and_is_never_overwritten() {
    let s = store();
    s.set(SETTINGS_KEY, "{\"version\":99}").unwrap();
    let loaded = load(&s, 77.0);
    assert!(!loaded.writable, "read-only");
    assert!(loaded.notices.iter().any(|n| n.contains("newer version")));
    assert_eq!(
        save_settings(&s, &Settings::default(), 78.0),
        Err(SaveError::Newer)
    );
    assert_eq!(s.get(SETTINGS_KEY).as_deref(), Some("{\"version\":99}"));
    assert_eq!(backups(&s).len(), 1, "kept as a backup too, once");
}

#[test]
fn full_storage_fails_the_save_and_works_again_with_room() {
    let s = store();
    s.full.set(true);
    let r = answered(&[("q-1", Grade::Good, 1.0)]);
    assert_eq!(save_records(&s, &r, 1.0), Err(SaveError::Full));
    assert_eq!(
        SaveError::Full.to_string(),
        "Progress is not being saved: this browser's storage is full or unavailable."
    );
    s.full.set(false);
    save_records(&s, &r, 2.0).unwrap();
    assert_eq!(load(&s, 3.0).records, r);
}

const V1: &str = r#"{"version":1,"questions":{"mut-01":{"attempts":2,"correct":1,"last_seen_ms":5.0,"last_grade":"good","review_box":1}},"current":{"ids":["mut-01"],"mode":"practice","position":0,"entries":[{}],"started_ms":4.0},"settings":{"filters":{"topics":[],"difficulties":[],"count":20},"mode":"exam"}}"#;

#[test]
fn version_1_is_migrated_and_kept_as_a_backup() {
    let s = store();
    s.set(V1_KEY, V1).unwrap();
    let loaded = load(&s, 100.0);
    assert_eq!(loaded.records.map["mut-01"].attempts, 2);
    assert_eq!(loaded.settings.filters.count, 20);
    assert_eq!(loaded.sessions.len(), 1);
    assert!(s.get(V1_KEY).is_none(), "moved, not copied");
    assert_eq!(backup_keys(&s), ["pyquiz.backup.100.progress.v1"]);
    assert_eq!(
        backup_records(&s, &backup_keys(&s)[0]).unwrap(),
        loaded.records
    );
}

#[test]
fn version_1_data_is_merged_even_when_version_2_exists() {
    // B9: a rolled-back deploy wrote v1 while v2 documents were there.
    let s = store();
    let v2 = answered(&[("fn-02", Grade::Good, 50.0)]);
    s.set(RECORDS_KEY, &encode_records(&v2)).unwrap();
    let settings = Settings {
        updated_ms: 60.0,
        ..Settings::default()
    };
    s.set(SETTINGS_KEY, &encode_settings(&settings)).unwrap();
    s.set(V1_KEY, V1).unwrap();
    let loaded = load(&s, 100.0);
    let ids: Vec<&String> = loaded.records.map.keys().collect();
    assert_eq!(ids, ["fn-02", "mut-01"], "both versions' answers");
    assert_eq!(loaded.settings, settings, "the newer settings stay");
    assert_eq!(loaded.sessions.len(), 1, "the v1 quiz can be continued");
    assert!(s.get(V1_KEY).is_none(), "then removed");
    assert_eq!(backup_keys(&s), ["pyquiz.backup.100.progress.v1"]);
    // A reset made in version 2 after v1's answers still applies to them.
    let s = store();
    let mut reset = Records::default();
    reset.reset(90.0);
    s.set(RECORDS_KEY, &encode_records(&reset)).unwrap();
    s.set(V1_KEY, V1).unwrap();
    assert!(load(&s, 100.0).records.map.is_empty());
}

#[test]
fn version_1_stays_until_its_data_is_safely_written() {
    let s = store();
    s.set(V1_KEY, V1).unwrap();
    s.full.set(true);
    let loaded = load(&s, 100.0);
    assert_eq!(s.get(V1_KEY).as_deref(), Some(V1));
    assert_eq!(loaded.records, Records::default());
}

#[test]
fn other_tabs_changes_are_read_from_their_new_text() {
    let s = store();
    let r = answered(&[("q-1", Grade::Good, 1.0)]);
    assert_eq!(
        change_of(&s, RECORDS_KEY, Some(&encode_records(&r))),
        Some(Change::Records(r))
    );
    assert_eq!(
        change_of(&s, SETTINGS_KEY, Some("{\"version\":3}")),
        Some(Change::Newer)
    );
    assert_eq!(
        change_of(&s, SESSION_KEY, Some("garbage")),
        Some(Change::Lost(Doc::Sessions))
    );
    assert_eq!(
        change_of(&s, RECORDS_KEY, None),
        Some(Change::Lost(Doc::Records))
    );
    assert_eq!(
        change_of(&s, "pyquiz.backup.1.records.reset", Some("x")),
        None
    );
    assert_eq!(change_of(&s, V1_KEY, Some(V1)), None);
}

#[test]
fn unreadable_data_is_kept_until_there_is_room_to_set_it_aside() {
    // Found by the storage model test: a tab loaded while storage was full went read-only, and
    // nothing ever repaired the document once there was room.
    let s = store();
    let broken = "{\"version\":2,\"records\":[";
    s.set(RECORDS_KEY, broken).unwrap();
    s.full.set(true);
    let loaded = load(&s, 10.0);
    assert!(loaded.writable, "it keeps trying");
    assert!(
        loaded.notices[0].contains("no room to set it aside"),
        "{:?}",
        loaded.notices
    );
    let r = answered(&[("q-1", Grade::Good, 11.0)]);
    assert_eq!(save_records(&s, &r, 12.0), Err(SaveError::Full));
    assert_eq!(
        s.get(RECORDS_KEY).as_deref(),
        Some(broken),
        "untouched while full"
    );
    s.full.set(false);
    save_records(&s, &r, 13.0).unwrap();
    assert_eq!(load(&s, 14.0).records, r);
    let kept: Vec<String> = backup_keys(&s).iter().filter_map(|k| s.get(k)).collect();
    assert_eq!(kept, [broken], "set aside before it was written over");
}

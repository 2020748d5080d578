//! The state with storage and other tabs: what is written back, what another tab's copy may
//! replace, what a no-op changes (nothing), and the flush the saving hook runs.

use super::tests::{answered_one, chunk, fresh, ids, quiz, run, start};
use super::*;
use crate::progress::saver::Saver;
use crate::progress::schema::{decode_records, decode_sessions, parse, RECORDS_KEY, SESSION_KEY};
use crate::progress::store::{KeyValue, Memory};

fn saved_quiz(id: f64, updated_ms: f64, ids: Vec<String>) -> SavedSession {
    SavedSession {
        id,
        updated_ms,
        session: Some(Session::new(ids, Mode::Practice, id)),
    }
}

fn copy_of(s: &AppState, id: f64) -> SavedSession {
    s.saved_sessions()
        .into_iter()
        .find(|x| x.id == id)
        .expect("listed")
}

#[test]
fn resuming_writes_the_quiz_back_so_an_older_copy_cannot_replace_it() {
    // B7: Resume changed the running quiz but never marked it for saving.
    let mut s = AppState::new(
        Records::default(),
        Settings::default(),
        vec![saved_quiz(5.0, 6.0, ids(2))],
        true,
        7.0,
    );
    s.apply(Action::Start {
        ids: ids(1),
        mode: Mode::Exam,
        purpose: Purpose::Study,
        now: 20.0,
    });
    let saves = s.changes.sessions;
    s.apply(Action::Resume {
        id: 5.0,
        now: 100.0,
    });
    assert!(s.changes.sessions > saves, "to be written");
    let copy = copy_of(&s, 5.0);
    assert!(copy.updated_ms >= 100.0);
    assert_eq!(copy.session.unwrap().entered_ms, 100.0);
    // Another tab writes its (older) copy of the list: ours stays.
    let mut stale = saved_quiz(5.0, 50.0, ids(2));
    stale.session.as_mut().unwrap().entered_ms = 6.0;
    s.apply(Action::FromOtherTab(Change::Sessions(vec![stale])));
    assert_eq!(s.session().unwrap().entered_ms, 100.0);
}

#[test]
fn the_load_time_repair_is_written_back() {
    let mut list = ids(2);
    list.insert(1, "gone-99".into());
    let s = AppState::new(
        Records::default(),
        Settings::default(),
        vec![saved_quiz(5.0, 6.0, list)],
        true,
        10.0,
    );
    assert!(s.changes.sessions > 0, "the repair is saved");
    let copy = copy_of(&s, 5.0);
    assert_eq!(copy.session.unwrap().ids, ids(2));
    assert!(copy.updated_ms >= 10.0);
}

#[test]
fn another_tabs_copy_of_our_quiz_replaces_it_only_when_newer() {
    let mut a = answered_one(3, 100.0);
    let id = a.session().unwrap().started_ms;
    a.apply(quiz(QuizAction::Next { now: 200.0 }));
    let ours = a.session().unwrap().clone();
    // A copy written before our last change, but different (say, before our Next).
    let mut older = copy_of(&a, id);
    older.updated_ms = 150.0;
    older.session.as_mut().unwrap().position = 0;
    a.apply(Action::FromOtherTab(Change::Sessions(vec![older])));
    assert_eq!(a.session(), Some(&ours), "an older copy never wins");
    let mut newer = copy_of(&a, id);
    newer.updated_ms += 1000.0;
    newer.session.as_mut().unwrap().position = 2;
    a.apply(Action::FromOtherTab(Change::Sessions(vec![newer])));
    assert_eq!(
        a.session().unwrap().position,
        2,
        "the same quiz, continued there"
    );
    // Discarded there later (a reset): the learner answering it here keeps it, and an answer
    // here writes it back, newer than the discard.
    let gone = SavedSession {
        id,
        updated_ms: 1_000_000.0,
        session: None,
    };
    a.apply(Action::FromOtherTab(Change::Sessions(vec![gone])));
    assert_eq!(a.session().unwrap().started_ms, id);
    a.apply(quiz(QuizAction::Previous { now: 1_000_500.0 }));
    let copy = copy_of(&a, id);
    assert!(copy.session.is_some() && copy.updated_ms > 1_000_000.0);
}

#[test]
fn actions_that_change_nothing_leave_the_version_alone() {
    // A5: the UI re-renders only when `version` moves.
    let ids = ids(2);
    let mut s = fresh();
    let mut v = s.version;
    let mut expect = |s: &mut AppState, a: Action, changes: bool| {
        assert_eq!(s.apply(a), changes);
        assert_eq!(s.version, if changes { v + 1 } else { v });
        v = s.version;
    };
    expect(&mut s, start(ids.clone(), Mode::Exam, 0.0), true);
    expect(&mut s, quiz(QuizAction::Loaded(chunk(&ids))), true);
    expect(&mut s, quiz(QuizAction::Tick { now: 10.0 }), false);
    expect(&mut s, quiz(QuizAction::Pick("yes".into())), true);
    expect(&mut s, quiz(QuizAction::Pick("yes".into())), false);
    expect(&mut s, quiz(QuizAction::Previous { now: 20.0 }), false);
    expect(&mut s, Action::Dismiss(999), false);
    let echo = (*s.records).clone();
    expect(&mut s, Action::FromOtherTab(Change::Records(echo)), false);
    expect(&mut s, Action::Notify(NoticeKind::Info, "x".into()), true);
    expect(&mut s, Action::Notify(NoticeKind::Info, "x".into()), false);
}

type Store = Memory<serde_json::Value>;

fn flush(s: &AppState, saver: &mut Saver, store: &Store, now: f64) -> Option<Action> {
    saving::flush(s, saver, store, now)
}

#[test]
fn a_flush_writes_the_running_quiz_and_the_answers() {
    let store = Memory::new(parse);
    let mut saver = Saver::default();
    let s = answered_one(2, 100.0);
    assert_eq!(flush(&s, &mut saver, &store, 500.0), None);
    assert!(saver.is_idle());
    let records = decode_records(&parse(&store.get(RECORDS_KEY).unwrap())).unwrap();
    assert_eq!(records.value, *s.records);
    let list = decode_sessions(&parse(&store.get(SESSION_KEY).unwrap())).unwrap();
    assert_eq!(list.value[0].session.as_ref(), s.session());
}

#[test]
fn a_full_storage_is_said_once_retried_and_unsaid_when_it_works() {
    // B8 end to end: the failed document is written later, without a new change.
    let store = Memory::new(parse);
    let mut saver = Saver::default();
    let mut s = answered_one(2, 100.0);
    store.full.set(true);
    let report = flush(&s, &mut saver, &store, 500.0).expect("news");
    assert!(matches!(report, Action::Saved(Some(SaveError::Full))));
    s.apply(report);
    assert_eq!(flush(&s, &mut saver, &store, 6_000.0), None, "said once");
    assert!(
        !saver.is_idle() && saver.due_at().is_some(),
        "still to write"
    );
    store.full.set(false);
    let report = flush(&s, &mut saver, &store, 12_000.0).expect("news");
    assert!(matches!(report, Action::Saved(None)));
    s.apply(report);
    assert!(s
        .notices
        .items
        .iter()
        .all(|n| !n.text.contains("not being saved")));
    assert!(saver.is_idle());
    assert!(store.get(RECORDS_KEY).is_some());
}

#[test]
fn a_newer_version_in_storage_stops_this_tab_for_good() {
    let store = Memory::new(parse);
    let mut saver = Saver::default();
    let mut s = answered_one(2, 100.0);
    store.set(RECORDS_KEY, "{\"version\":3}").unwrap();
    let report = flush(&s, &mut saver, &store, 500.0).expect("news");
    s.apply(report);
    assert!(!s.writable);
    run(&mut s, vec![quiz(QuizAction::Next { now: 600.0 })]);
    assert_eq!(flush(&s, &mut saver, &store, 1_000.0), None);
    assert_eq!(store.get(RECORDS_KEY).as_deref(), Some("{\"version\":3}"));
    // Heard from another tab instead of met while saving: the same.
    let mut other = answered_one(1, 10.0);
    other.apply(Action::FromOtherTab(Change::Newer));
    assert!(!other.writable);
}

#[test]
fn a_document_someone_else_broke_is_written_back_from_this_tab() {
    let store = Memory::new(parse);
    let mut saver = Saver::default();
    let mut s = answered_one(2, 100.0);
    flush(&s, &mut saver, &store, 500.0);
    store.set(RECORDS_KEY, "garbage").unwrap();
    s.apply(Action::FromOtherTab(Change::Lost(
        crate::progress::schema::Doc::Records,
    )));
    flush(&s, &mut saver, &store, 900.0);
    let records = decode_records(&parse(&store.get(RECORDS_KEY).unwrap())).unwrap();
    assert_eq!(records.value, *s.records, "written back");
    assert!(
        crate::progress::store::backups(&store)
            .iter()
            .any(|b| store.get(&b.key).as_deref() == Some("garbage")),
        "and the garbage kept"
    );
}

use super::*;
use crate::bank::{Body, Choice, Chunk, QUESTIONS, TOPICS};
use crate::progress::schema::SavedSession;
use crate::progress::store::Change;
use crate::quiz::Grade;

/// Real ids (the state checks ids against the compiled index) with simple fake content.
pub(super) fn ids(n: usize) -> Vec<String> {
    QUESTIONS.iter().take(n).map(|q| q.id.to_string()).collect()
}

pub(super) fn chunk(ids: &[String]) -> Rc<Chunk> {
    let o = |k: &str, c| Choice {
        key: k.into(),
        text: Vec::new(),
        correct: c,
        why: None,
    };
    let questions = ids
        .iter()
        .map(|id| {
            crate::bank::test_question(
                id,
                Body::Single {
                    options: vec![o("no", false), o("yes", true)],
                },
            )
        })
        .map(Rc::new)
        .collect();
    Rc::new(Chunk {
        topic: TOPICS[0].id.to_string(),
        questions,
    })
}

pub(super) fn fresh() -> AppState {
    AppState::new(
        Records::default(),
        Settings::default(),
        Vec::new(),
        true,
        0.0,
    )
}

pub(super) fn run(state: &mut AppState, actions: Vec<Action>) {
    for a in actions {
        state.apply(a);
    }
}

pub(super) fn quiz(a: QuizAction) -> Action {
    Action::Quiz(a)
}

pub(super) fn start(ids: Vec<String>, mode: Mode, now: f64) -> Action {
    Action::Start {
        ids,
        mode,
        purpose: Purpose::Study,
        now,
    }
}

/// Starts a practice quiz of `n` questions and answers the first right at `now`.
pub(super) fn answered_one(n: usize, now: f64) -> AppState {
    let ids = ids(n);
    let mut s = fresh();
    run(
        &mut s,
        vec![
            start(ids.clone(), Mode::Practice, now - 10.0),
            quiz(QuizAction::Loaded(chunk(&ids))),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now }),
        ],
    );
    s
}

#[test]
fn answering_records_progress_once_and_saves() {
    let ids = ids(2);
    let mut s = answered_one(2, 100.0);
    assert_eq!(s.changes.records, 1);
    run(
        &mut s,
        vec![
            quiz(QuizAction::Submit { now: 110.0 }),
            quiz(QuizAction::Next { now: 120.0 }),
            quiz(QuizAction::Pick("no".into())),
            quiz(QuizAction::Submit { now: 130.0 }),
            quiz(QuizAction::Finish { now: 140.0 }),
        ],
    );
    assert_eq!(s.records.map[&ids[0]].attempts, 1);
    assert_eq!(s.records.map[&ids[1]].last_grade, Grade::Again);
    assert_eq!(s.changes.records, 2);
    let list = s.saved_sessions();
    let saved = list
        .first()
        .and_then(|x| x.session.as_ref())
        .expect("saved");
    assert!(saved.is_finished());
    assert_eq!(s.unfinished().len(), 0);
}

#[test]
fn loading_a_chunk_is_not_a_change_to_save() {
    let ids = ids(1);
    let mut s = fresh();
    s.apply(start(ids.clone(), Mode::Practice, 1.0));
    let before = s.changes;
    s.apply(quiz(QuizAction::Loaded(chunk(&ids))));
    assert_eq!(s.changes, before);
}

#[test]
fn unknown_ids_are_left_out_with_a_notice() {
    let mut list = ids(1);
    list.push("gone-99".into());
    let mut s = fresh();
    s.apply(start(list, Mode::Exam, 0.0));
    assert_eq!(s.session().unwrap().ids.len(), 1);
    assert!(
        s.notices.items[0]
            .text
            .starts_with("1 question in this quiz no longer exists and was left out"),
        "{:?}",
        s.notices
    );

    let mut s = fresh();
    s.apply(start(vec!["gone-1".into()], Mode::Practice, 0.0));
    assert!(s.session().is_none());
    assert!(s
        .notices
        .items
        .iter()
        .any(|n| n.text.starts_with("None of the questions")));
    let mut s = fresh();
    s.apply(start(vec![], Mode::Practice, 0.0));
    assert!(s
        .notices
        .items
        .iter()
        .any(|n| n.text.starts_with("There are no questions")));
}

#[test]
fn a_saved_quiz_loses_deleted_questions_on_load() {
    let mut list = ids(2);
    list.insert(1, "gone-99".into());
    let saved = SavedSession {
        id: 5.0,
        updated_ms: 6.0,
        session: Some(Session::new(list.clone(), Mode::Practice, 5.0)),
    };
    let s = AppState::new(
        Records::default(),
        Settings::default(),
        vec![saved],
        true,
        10.0,
    );
    assert_eq!(s.session().unwrap().ids, [list[0].clone(), list[2].clone()]);
    assert!(
        s.notices.items[0]
            .text
            .starts_with("1 question of your saved quiz no longer exists"),
        "{:?}",
        s.notices
    );
}

#[test]
fn renamed_topics_in_saved_filters_are_dropped_with_a_notice() {
    let mut settings = Settings::default();
    settings.filters.topics = vec![TOPICS[0].id.to_string(), "renamed-topic".into()];
    settings.filters.count = 7;
    let s = AppState::new(Records::default(), settings, Vec::new(), true, 0.0);
    assert_eq!(s.settings.filters.topics, [TOPICS[0].id]);
    assert_eq!(s.settings.filters.count, 5);
    assert!(s.notices.items[0].text.contains("renamed-topic"));
}

#[test]
fn an_exam_records_at_the_end_with_the_settings_time_limit() {
    let ids = ids(2);
    let mut s = fresh();
    s.apply(Action::SetExamMinutes {
        minutes: Some(10),
        now: 1.0,
    });
    run(
        &mut s,
        vec![
            start(ids.clone(), Mode::Exam, 1000.0),
            quiz(QuizAction::Loaded(chunk(&ids))),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 2000.0 }),
        ],
    );
    assert_eq!(s.session().unwrap().time_limit_ms, Some(600_000.0));
    assert!(s.records.map.is_empty(), "nothing before the end");
    s.apply(quiz(QuizAction::Tick { now: 700_000.0 }));
    assert!(s.session().unwrap().is_finished(), "time ran out");
    assert_eq!(
        s.records.map.len(),
        2,
        "the answer and the skipped second question"
    );
    assert!(s.records.map[&ids[1]].missed_last());
}

#[test]
fn cramming_leaves_the_schedule_alone() {
    let ids = ids(1);
    let mut s = fresh();
    run(
        &mut s,
        vec![
            Action::Start {
                ids: ids.clone(),
                mode: Mode::Practice,
                purpose: Purpose::Cram,
                now: 0.0,
            },
            quiz(QuizAction::Loaded(chunk(&ids))),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 5.0 }),
        ],
    );
    let r = &s.records.map[&ids[0]];
    assert_eq!(r.attempts, 1);
    assert!(r.card.is_new(), "no review was scheduled");
}

#[test]
fn a_reset_in_one_tab_survives_answers_in_another() {
    // Tab A answers; tab B hears of it, then resets; A answers one more without reloading.
    let mut a = answered_one(3, 100.0);
    let mut b = fresh();
    b.apply(Action::FromOtherTab(Change::Records((*a.records).clone())));
    assert_eq!(b.records.map.len(), 1);
    assert_eq!(
        b.changes,
        Changes::default(),
        "merging is not a change to save"
    );
    b.apply(Action::Reset { now: 200.0 });
    run(
        &mut a,
        vec![
            quiz(QuizAction::Next { now: 300.0 }),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 310.0 }),
        ],
    );
    // Each tab hears of the other's save.
    a.apply(Action::FromOtherTab(Change::Records((*b.records).clone())));
    b.apply(Action::FromOtherTab(Change::Records((*a.records).clone())));
    assert_eq!(a.records.map.len(), 1, "only the answer after the reset");
    assert_eq!(a.records, b.records);
}

#[test]
fn undo_brings_back_what_a_reset_erased() {
    let mut s = answered_one(2, 100.0);
    s.apply(Action::Reset { now: 200.0 });
    assert!(s.records.map.is_empty());
    assert!(s.session().is_none(), "the quiz in progress goes too");
    assert_eq!(
        s.notices.toast.as_ref().and_then(|t| t.action),
        Some(NoticeAction::UndoReset)
    );
    s.apply(Action::UndoReset { now: 210.0 });
    assert_eq!(s.records.map.len(), 1);
    // B11: the quiz the reset discarded comes back too, as it was, and is saved again.
    let back = s.session().expect("the discarded quiz is back");
    assert_eq!(back.answered_count(), 1);
    let saved = s.saved_sessions();
    assert!(saved[0].session.is_some() && saved[0].updated_ms >= 210.0);
    assert_eq!(
        s.notices
            .toast
            .as_ref()
            .map(|t| (t.text.as_str(), t.action)),
        Some((super::messages::BACK, None)),
        "the Undo is gone, replaced by what it did"
    );
}

#[test]
fn another_tabs_quiz_never_replaces_ours_but_a_newer_copy_of_ours_does() {
    let mut a = answered_one(2, 100.0);
    let ours = a.session().unwrap().clone();
    let saves = a.changes;
    let mut other = Session::new(ids(3), Mode::Practice, 500.0);
    other.position = 1;
    let theirs = SavedSession {
        id: 500.0,
        updated_ms: 600.0,
        session: Some(other),
    };
    a.apply(Action::FromOtherTab(Change::Sessions(vec![theirs])));
    assert_eq!(a.session(), Some(&ours), "a different quiz stays theirs");
    assert_eq!(
        a.saved_sessions().len(),
        2,
        "but it is listed to continue later"
    );
    assert_eq!(a.changes, saves, "and nothing is saved for it");

    let mut newer = ours.clone();
    newer.position = 1;
    let copy = SavedSession {
        id: ours.started_ms,
        updated_ms: 10_000.0,
        session: Some(newer.clone()),
    };
    a.apply(Action::FromOtherTab(Change::Sessions(vec![copy])));
    assert_eq!(
        a.session(),
        Some(&newer),
        "the same quiz answered in another tab"
    );
}

#[test]
fn settings_changes_count_and_merged_ones_do_not() {
    let mut s = fresh();
    s.apply(Action::SetTheme {
        theme: Theme::Dark,
        now: 10.0,
    });
    s.apply(Action::ToggleBookmark {
        id: "scp-01".into(),
        now: 11.0,
    });
    assert_eq!(s.changes.settings, 2);
    let other = Settings {
        mode: Mode::Exam,
        updated_ms: 100.0,
        ..Settings::default()
    };
    s.apply(Action::FromOtherTab(Change::Settings(other)));
    assert_eq!(s.settings.mode, Mode::Exam);
    assert!(
        s.settings.is_bookmarked("scp-01"),
        "bookmarks merge per question"
    );
    assert_eq!(s.changes.settings, 2);
}

#[test]
fn discarding_a_saved_quiz_marks_it_for_every_tab() {
    let mut s = answered_one(2, 100.0);
    let id = s.session().unwrap().started_ms;
    s.apply(Action::DiscardSaved { id, now: 150.0 });
    assert!(s.session().is_none());
    assert_eq!(s.unfinished().len(), 0);
    assert!(s
        .saved_sessions()
        .iter()
        .any(|x| x.id == id && x.session.is_none()));
}

#[test]
fn an_import_brings_bookmarks_and_settings_with_the_records() {
    let exported = answered_one(1, 10.0);
    let mut theirs = (*exported.settings).clone();
    theirs.toggle_bookmark("scp-03", 20.0);
    theirs.theme = crate::progress::Theme::Dark;
    theirs.updated_ms = 30.0;

    // Merge: their bookmark joins ours, and their newer choices win.
    let mut s = fresh();
    s.apply(Action::ToggleBookmark {
        id: "scp-01".into(),
        now: 5.0,
    });
    let saves = s.changes.settings;
    s.apply(Action::Adopt {
        records: (*exported.records).clone(),
        settings: Some(theirs.clone()),
        now: 100.0,
    });
    assert!(s.settings.is_bookmarked("scp-01") && s.settings.is_bookmarked("scp-03"));
    assert_eq!(s.settings.theme, crate::progress::Theme::Dark);
    assert_eq!(
        s.changes.settings,
        saves + 1,
        "the merged settings are saved"
    );
    assert_eq!(s.records.map.len(), 1);
    assert!(s
        .notices
        .toast
        .as_ref()
        .unwrap()
        .text
        .contains("1 bookmark"));

    // Replace: the file's settings take over, and stamped now so every tab adopts them.
    let mut s = fresh();
    s.apply(Action::ToggleBookmark {
        id: "scp-01".into(),
        now: 5.0,
    });
    s.apply(Action::Replace {
        records: (*exported.records).clone(),
        settings: Some(theirs),
        now: 100.0,
    });
    assert!(!s.settings.is_bookmarked("scp-01") && s.settings.is_bookmarked("scp-03"));
    assert!(s.settings.updated_ms >= 100.0);
}

use super::*;
use crate::bank::{test_question, Body, Choice};
use crate::quiz::Mode;

fn chunk() -> Rc<Chunk> {
    let o = |k: &str, c| Choice {
        key: k.into(),
        text: Vec::new(),
        correct: c,
        why: None,
    };
    let questions = ["t-1", "t-2", "t-3"]
        .iter()
        .map(|id| {
            test_question(
                id,
                Body::Single {
                    options: vec![o("a", false), o("b", true)],
                },
            )
        })
        .map(Rc::new)
        .collect();
    Rc::new(Chunk {
        topic: "t".into(),
        questions,
    })
}

fn run(r: &mut Runner, actions: Vec<QuizAction>) -> Vec<Outcome> {
    actions
        .into_iter()
        .flat_map(|a| r.apply(a).outcomes)
        .collect()
}

fn ids() -> Vec<String> {
    vec!["t-1".into(), "t-2".into(), "t-3".into()]
}

#[test]
fn answers_wait_for_the_question_to_load() {
    use QuizAction as A;
    let mut r = Runner::default();
    let out = run(
        &mut r,
        vec![
            A::Start(Session::new(ids(), Mode::Practice, 0.0)),
            A::Pick("b".into()),
            A::Submit { now: 1.0 },
        ],
    );
    assert!(out.is_empty());
    assert!(r.outbox.is_empty());
    r.apply(A::Loaded(chunk()));
    assert!(r.current_question().is_some());
}

#[test]
fn practice_reports_each_answer_then_completion_once() {
    use QuizAction as A;
    let mut r = Runner::default();
    let out = run(
        &mut r,
        vec![
            A::Loaded(chunk()),
            A::Start(Session::new(ids(), Mode::Practice, 0.0)),
            A::Pick("b".into()),
            A::Submit { now: 1.0 },
            A::Submit { now: 1.5 },
            A::Next { now: 2.0 },
            A::Pick("a".into()),
            A::Submit { now: 3.0 },
            A::Finish { now: 4.0 },
            A::Finish { now: 5.0 },
        ],
    );
    let recorded: Vec<(&str, bool, bool)> = out
        .iter()
        .map(|o| (o.id.as_str(), o.correct, o.skipped))
        .collect();
    assert_eq!(recorded, [("t-1", true, false), ("t-2", false, false)]);
    let events: Vec<(u64, HostEvent)> = r.outbox.clone();
    assert_eq!(
        events,
        [
            (
                1,
                HostEvent::Answered {
                    id: "t-1".into(),
                    correct: true
                }
            ),
            (
                2,
                HostEvent::Answered {
                    id: "t-2".into(),
                    correct: false
                }
            ),
            (
                3,
                HostEvent::Completed {
                    score: 1,
                    total: 3,
                    ids: ids()
                }
            ),
        ]
    );
}

#[test]
fn an_exam_reports_its_answers_when_it_ends() {
    use QuizAction as A;
    let mut r = Runner::default();
    run(
        &mut r,
        vec![
            A::Loaded(chunk()),
            A::Start(Session::new(ids(), Mode::Exam, 0.0)),
            A::Pick("b".into()),
            A::Submit { now: 1.0 },
        ],
    );
    assert!(r.outbox.is_empty(), "nothing is told before the end");
    let out = r.apply(A::Finish { now: 2.0 }).outcomes;
    assert_eq!(out.len(), 2, "one answer, one seen and skipped");
    let kinds: Vec<&HostEvent> = r.outbox.iter().map(|(_, e)| e).collect();
    assert_eq!(kinds.len(), 2);
    assert!(matches!(
        kinds[1],
        HostEvent::Completed {
            score: 1,
            total: 3,
            ..
        }
    ));
}

#[test]
fn a_timed_exam_completes_on_a_tick() {
    use QuizAction as A;
    let mut s = Session::new(ids(), Mode::Exam, 0.0);
    s.time_limit_ms = Some(1000.0);
    let mut r = Runner::default();
    run(
        &mut r,
        vec![A::Loaded(chunk()), A::Start(s), A::Tick { now: 500.0 }],
    );
    assert!(r.outbox.is_empty());
    r.apply(A::Tick { now: 1500.0 });
    assert!(r.session.as_ref().unwrap().is_finished());
    assert!(matches!(
        r.outbox.last(),
        Some((_, HostEvent::Completed { .. }))
    ));
}

#[test]
fn the_outbox_keeps_only_recent_events() {
    let mut r = Runner::default();
    for i in 0..200 {
        r.push(HostEvent::Answered {
            id: format!("x-{i}"),
            correct: true,
        });
    }
    assert_eq!(r.outbox.len(), OUTBOX_KEEP);
    assert_eq!(r.outbox.last().map(|(n, _)| *n), Some(200));
}

fn short_chunk(topic: &str, ids: &[&str]) -> Rc<Chunk> {
    let questions = ids
        .iter()
        .map(|id| {
            test_question(
                id,
                Body::Short {
                    answers: vec!["yes".into()],
                    prose: false,
                },
            )
        })
        .map(Rc::new)
        .collect();
    Rc::new(Chunk {
        topic: topic.into(),
        questions,
    })
}

#[test]
fn a_finish_waits_for_the_questions_its_drafts_need() {
    use QuizAction as A;
    let mut s = Session::new(vec!["t-1".into(), "u-1".into()], Mode::Exam, 0.0);
    s.time_limit_ms = Some(1000.0);
    let mut r = Runner::default();
    run(
        &mut r,
        vec![
            A::Loaded(chunk()),
            A::Start(s),
            A::Pick("b".into()),
            A::Submit { now: 10.0 },
            // u-1's chunk never arrived, yet the learner typed an answer (a saved exam
            // reopened: drafts are kept while the chunk downloads).
            A::Type("yes".into()),
            A::LoadFailed {
                topic: "u".into(),
                message: "offline".into(),
            },
        ],
    );
    let tick = r.apply(A::Tick { now: 5000.0 });
    assert!(tick.outcomes.is_empty(), "no draft becomes a skip");
    assert!(!r.session.as_ref().unwrap().is_finished());
    assert_eq!(r.primary(), Some((Primary::Wait, false)));
    assert!(r.outbox.is_empty());
    let done = r.apply(A::Loaded(short_chunk("u", &["u-1"])));
    let got: Vec<(&str, bool, bool)> = done
        .outcomes
        .iter()
        .map(|o| (o.id.as_str(), o.correct, o.skipped))
        .collect();
    assert_eq!(got, [("t-1", true, false), ("u-1", true, false)]);
    assert!(done.session_changed);
    let s = r.session.as_ref().unwrap();
    assert_eq!(s.finished_ms, Some(1000.0), "it ended at its deadline");
    assert_eq!(r.finishing, None);
    assert!(matches!(
        r.outbox.last(),
        Some((_, HostEvent::Completed { score: 2, .. }))
    ));
}

#[test]
fn finish_anyway_with_a_failed_topic_waits_then_ends_when_it_was_asked() {
    use QuizAction as A;
    let mut r = Runner::default();
    run(
        &mut r,
        vec![
            A::Start(Session::new(vec!["u-1".into()], Mode::Exam, 0.0)),
            A::Type("yes".into()),
            A::Finish { now: 50.0 },
        ],
    );
    assert_eq!(r.finishing, Some(50.0));
    assert_eq!(r.primary(), Some((Primary::Wait, false)));
    r.apply(A::Loaded(short_chunk("u", &["u-1"])));
    let s = r.session.as_ref().unwrap();
    assert_eq!(s.finished_ms, Some(50.0));
    assert_eq!(s.summary().correct, 1);
}

#[test]
fn actions_that_change_nothing_say_so() {
    use QuizAction as A;
    let mut s = Session::new(ids(), Mode::Exam, 0.0);
    s.time_limit_ms = Some(1000.0);
    let mut r = Runner::default();
    run(&mut r, vec![A::Loaded(chunk()), A::Start(s)]);
    let unchanged = |r: &mut Runner, a: QuizAction| {
        let applied = r.apply(a.clone());
        assert!(!applied.changed && !applied.session_changed, "{a:?}");
    };
    unchanged(&mut r, A::Tick { now: 500.0 });
    unchanged(&mut r, A::Previous { now: 600.0 });
    unchanged(
        &mut r,
        A::GoTo {
            index: 0,
            now: 600.0,
        },
    );
    unchanged(&mut r, A::Type(String::new()));
    let picked = r.apply(A::Pick("b".into()));
    assert!(picked.changed && picked.session_changed);
    unchanged(&mut r, A::Pick("b".into()));
    unchanged(&mut r, A::Hint);
    assert!(r.apply(A::Flag).session_changed);
    assert!(r.apply(A::Next { now: 700.0 }).session_changed);
    assert!(
        r.apply(A::Tick { now: 1000.0 }).session_changed,
        "time is up"
    );
    unchanged(&mut r, A::Tick { now: 1500.0 });
    let loaded = r.apply(A::Loaded(chunk()));
    assert!(loaded.changed && !loaded.session_changed);
}

/// Review row 67: a download that failed, then a retry that works.
#[test]
fn a_failed_download_then_a_retry_that_works_shows_the_question() {
    use QuizAction as A;
    let mut r = Runner::default();
    r.apply(A::Start(Session::new(ids(), Mode::Practice, 0.0)));
    let failed = r.apply(A::LoadFailed {
        topic: "t".into(),
        message: "offline".into(),
    });
    assert!(failed.changed && !failed.session_changed);
    assert_eq!(r.failed.get("t").map(String::as_str), Some("offline"));
    assert_eq!(
        r.primary(),
        Some((Primary::Wait, false)),
        "nothing to press yet"
    );
    assert!(
        !r.apply(A::LoadFailed {
            topic: "t".into(),
            message: "offline".into(),
        })
        .changed,
        "the same failure again changes nothing"
    );
    r.apply(A::Loaded(chunk()));
    assert!(r.failed.is_empty(), "the error is gone");
    assert_eq!(r.current_question().map(|q| q.id.as_str()), Some("t-1"));
    assert_eq!(r.primary(), Some((Primary::Submit, false)));
}

/// A chunk of the bank's first topic holding `ids`.
fn first_topic_chunk(ids: &[&str]) -> Rc<Chunk> {
    let topic = &crate::bank::TOPICS[0];
    let mut chunk = (*short_chunk(topic.id, ids)).clone();
    chunk.topic = topic.id.to_string();
    Rc::new(chunk)
}

#[test]
fn ids_their_chunk_does_not_hold_are_left_out_instead_of_waited_for() {
    let p = crate::bank::TOPICS[0].prefix;
    let (real, gone) = (format!("{p}-01"), format!("{p}-999"));
    let mut r = Runner::default();
    r.apply(QuizAction::Start(Session::new(
        vec![gone.clone(), real.clone()],
        Mode::Practice,
        0.0,
    )));
    let done = r.apply(QuizAction::Loaded(first_topic_chunk(&[real.as_str()])));
    assert!(done.session_changed, "the shorter quiz is saved");
    let s = r.session.as_ref().unwrap();
    assert_eq!(s.ids, std::slice::from_ref(&real));
    assert!(
        r.current_question().is_some(),
        "the quiz shows its question"
    );
    assert_eq!(r.missing, [gone]);
}

#[test]
fn a_quiz_of_ids_that_all_are_gone_ends_instead_of_loading_forever() {
    let p = crate::bank::TOPICS[0].prefix;
    let mut r = Runner::default();
    r.apply(QuizAction::Start(Session::new(
        vec![format!("{p}-998"), format!("{p}-999")],
        Mode::Exam,
        0.0,
    )));
    r.apply(QuizAction::Loaded(first_topic_chunk(&[&format!("{p}-01")])));
    assert!(r.session.is_none());
    assert_eq!(r.missing.len(), 2);
}

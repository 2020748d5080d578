//! Opening shared links (A2): the decision the quiz page renders, and what it starts.

use super::tests::{fresh, ids};
use super::*;
use crate::bank::{question_meta, QUESTIONS};
use crate::share::{QuizLink, ScoreLink};

fn link(ids: &[String], cut_off: bool) -> SharedLink {
    SharedLink {
        quiz: QuizLink {
            ids: ids.to_vec(),
            mode: Mode::Practice,
        },
        cut_off,
    }
}

/// A known id cut short so that it names no question but begins one.
fn cut(id: &str) -> String {
    let mut short = id.to_string();
    while !short.is_empty() {
        short.pop();
        if question_meta(&short).is_none() {
            return short;
        }
    }
    unreachable!("{id} has a prefix that is no question")
}

fn texts(s: &AppState) -> Vec<String> {
    s.notices.items.iter().map(|n| n.text.clone()).collect()
}

#[test]
fn a_link_starts_its_quiz_then_shows_it_running() {
    let ids = ids(2);
    let mut s = fresh();
    let l = link(&ids, false);
    assert_eq!(
        s.open_link(&l),
        LinkOutcome::Start {
            ids: ids.clone(),
            mode: Mode::Practice
        }
    );
    assert!(s.apply(Action::OpenLink {
        link: l.clone(),
        now: 5.0
    }));
    assert_eq!(s.open_link(&l), LinkOutcome::Running);
    let version = s.version;
    assert!(
        !s.apply(Action::OpenLink { link: l, now: 6.0 }),
        "opening it again changes nothing"
    );
    assert_eq!(s.version, version);
    assert!(texts(&s).is_empty(), "{:?}", texts(&s));
}

#[test]
fn questions_that_no_longer_exist_are_left_out_with_a_sentence_that_agrees() {
    let mut list = ids(2);
    list.insert(1, "gone-999".into());
    let mut s = fresh();
    s.apply(Action::OpenLink {
        link: link(&list, false),
        now: 5.0,
    });
    assert_eq!(s.session().unwrap().ids.len(), 2);
    assert_eq!(
        texts(&s),
        ["1 question in this quiz no longer exists and was left out. The rest are ready."]
    );
    let mut two = ids(1);
    two.extend(["gone-1".to_string(), "gone-2".to_string()]);
    let mut s = fresh();
    s.apply(Action::OpenLink {
        link: link(&two, false),
        now: 5.0,
    });
    assert_eq!(
        texts(&s),
        ["2 questions in this quiz no longer exist and were left out. The rest are ready."]
    );
}

#[test]
fn a_link_of_questions_that_are_all_gone_says_so_without_matching_notice_text() {
    let s = fresh();
    let outcome = s.open_link(&link(&["gone-1".into(), "gone-2".into()], false));
    assert_eq!(
        outcome,
        LinkOutcome::Broken {
            title: "This quiz is gone",
            message: "None of the questions in this link exist any more.".into()
        }
    );
}

#[test]
fn a_link_cut_inside_its_last_id_says_it_looks_cut_off_not_gone() {
    let mut list = ids(3);
    let last = cut(&list[2]);
    list[2] = last;
    let mut s = fresh();
    s.apply(Action::OpenLink {
        link: link(&list, false),
        now: 5.0,
    });
    assert_eq!(s.session().unwrap().ids, list[..2]);
    assert_eq!(
        texts(&s),
        ["This link looks cut off: the last question id could not be read. The 2 questions before it are ready."],
        "no 'no longer exists' for the cut id"
    );
    // Cut inside an escape (the parser saw it), with one question read.
    let mut s = fresh();
    s.apply(Action::OpenLink {
        link: link(&ids(1), true),
        now: 5.0,
    });
    assert_eq!(
        texts(&s),
        ["This link looks cut off: the last question id could not be read. The question before it is ready."]
    );
    // Nothing readable left.
    let outcome = fresh().open_link(&link(&[cut(QUESTIONS[0].id)], false));
    assert!(
        matches!(
            outcome,
            LinkOutcome::Broken {
                title: "This link is cut off",
                ..
            }
        ),
        "{outcome:?}"
    );
}

#[test]
fn a_link_to_a_quiz_left_unfinished_continues_it() {
    let ids = ids(2);
    let mut other_tab = fresh();
    other_tab.apply(Action::OpenLink {
        link: link(&ids, false),
        now: 5.0,
    });
    let mut s = fresh();
    s.apply(Action::FromOtherTab(Change::Sessions(
        other_tab.saved_sessions(),
    )));
    assert_eq!(
        s.open_link(&link(&ids, false)),
        LinkOutcome::Resume { id: 5.0 }
    );
    s.apply(Action::OpenLink {
        link: link(&ids, false),
        now: 50.0,
    });
    assert_eq!(s.session().unwrap().started_ms, 5.0);
    assert_eq!(s.session().unwrap().entered_ms, 50.0);
    // Once finished, the same link is a new attempt.
    s.apply(Action::Quiz(QuizAction::Finish { now: 60.0 }));
    assert!(matches!(
        s.open_link(&link(&ids, false)),
        LinkOutcome::Start { .. }
    ));
}

#[test]
fn a_score_link_cut_short_counts_the_questions_it_lost() {
    let list = ids(2);
    let score = ScoreLink {
        correct: 3,
        total: 5,
        ids: list.clone(),
    };
    assert_eq!(
        score_notice(&score).as_deref(),
        Some("This link looks cut off: 3 of the 5 questions could not be read.")
    );
    let mut with_cut = list.clone();
    with_cut.push(cut(&ids(3)[2]));
    let score = ScoreLink {
        correct: 3,
        total: 5,
        ids: with_cut,
    };
    assert_eq!(
        score_notice(&score).as_deref(),
        Some("This link looks cut off: 3 of the 5 questions could not be read."),
        "a last id cut inside counts as unread"
    );
    let whole = ScoreLink {
        correct: 1,
        total: 2,
        ids: list,
    };
    assert_eq!(score_notice(&whole), None);
}

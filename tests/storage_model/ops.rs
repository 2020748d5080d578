//! What the simulated learner and the world around the tabs do, and the questions they use.

use bank_format::{Body, Choice, Chunk, Difficulty, Question};
use proptest::prelude::*;
use pyquiz::bank::QUESTIONS;
use pyquiz::progress::schema::Doc;
use std::rc::Rc;

/// Questions the quizzes use: few, so tabs often answer the same ones.
pub const IDS: usize = 10;

pub fn ids() -> Vec<String> {
    QUESTIONS
        .iter()
        .take(IDS)
        .map(|q| q.id.to_string())
        .collect()
}

/// The questions, with simple content: "yes" is right.
pub fn chunk() -> Rc<Chunk> {
    let option = |key: &str, correct| Choice {
        key: key.into(),
        text: Vec::new(),
        correct,
        why: None,
    };
    let questions = ids()
        .into_iter()
        .map(|id| Question {
            id,
            difficulty: Difficulty::Mid,
            tags: vec![],
            min_python: None,
            max_python: None,
            prompt: Vec::new(),
            code: None,
            hint: None,
            explanation: Vec::new(),
            docs: String::new(),
            body: Body::Single {
                options: vec![option("no", false), option("yes", true)],
            },
        })
        .map(Rc::new)
        .collect();
    Rc::new(Chunk {
        topic: "any".into(),
        questions,
    })
}

#[derive(Clone, Debug)]
pub enum Op {
    /// Picks (right or not) and submits the current question; on an answered one, moves on.
    Answer(usize, bool),
    /// Moves on without answering (a skip, once the quiz ends).
    Skip(usize),
    Finish(usize),
    /// Starts a quiz of `len` questions from `first`, practice or exam.
    Start(usize, usize, usize, bool),
    Reset(usize),
    Undo(usize),
    /// Imports a file of answers `(id, right)`, merging or replacing.
    Import(usize, Vec<(usize, bool)>, bool),
    Reload(usize),
    Close(usize),
    /// Delivers one pending `storage` event to a tab.
    Deliver(usize),
    Wait(u32),
    Full(bool),
    /// A newer version writes one of the documents.
    Newer(usize),
    /// Someone writes garbage over one of the documents.
    Corrupt(usize),
}

pub fn op() -> impl Strategy<Value = Op> {
    let tab = 0usize..3;
    prop_oneof![
        16 => (tab.clone(), any::<bool>()).prop_map(|(t, r)| Op::Answer(t, r)),
        3 => tab.clone().prop_map(Op::Skip),
        3 => tab.clone().prop_map(Op::Finish),
        4 => (tab.clone(), 0..IDS, 1usize..5, any::<bool>()).prop_map(|(t, f, n, e)| Op::Start(t, f, n, e)),
        2 => tab.clone().prop_map(Op::Reset),
        2 => tab.clone().prop_map(Op::Undo),
        2 => (tab.clone(), prop::collection::vec((0..IDS, any::<bool>()), 1..4), any::<bool>())
            .prop_map(|(t, f, r)| Op::Import(t, f, r)),
        3 => tab.clone().prop_map(Op::Reload),
        2 => tab.clone().prop_map(Op::Close),
        8 => tab.clone().prop_map(Op::Deliver),
        6 => prop_oneof![1u32..400, 400u32..6_000].prop_map(Op::Wait),
        2 => any::<bool>().prop_map(Op::Full),
        1 => (0usize..3).prop_map(Op::Newer),
        1 => (0usize..3).prop_map(Op::Corrupt),
    ]
}

pub const DOCS: [Doc; 3] = [Doc::Records, Doc::Sessions, Doc::Settings];

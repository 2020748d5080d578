//! The bank's size and mix: enough questions overall and in every topic, and every topic
//! offering every question type, so a topic quiz is never all of one kind.

use crate::bank::Bank;
use bank_format::Kind;

#[derive(Clone, Copy, Debug)]
pub struct MixLimits {
    pub total: usize,
    pub per_topic: usize,
}

/// What the real bank must reach (issue 15).
pub const BANK_LIMITS: MixLimits = MixLimits {
    total: 650,
    per_topic: 18,
};

/// Problems with the bank's size and mix. `declared` lists every topic id of `topics.toml`:
/// a topic without questions is not in the bank at all, and must still be reported.
pub fn mix_problems(bank: &Bank, declared: &[String], limits: MixLimits) -> Vec<String> {
    let mut problems = Vec::new();
    let total = bank.questions().count();
    if total < limits.total {
        problems.push(format!(
            "questions: {total}, want at least {}",
            limits.total
        ));
    }
    for id in declared {
        let questions = bank
            .topics
            .iter()
            .find(|t| &t.entry.id == id)
            .map_or(&[][..], |t| &t.questions[..]);
        if questions.len() < limits.per_topic {
            problems.push(format!(
                "topic `{id}`: {} questions, want at least {}",
                questions.len(),
                limits.per_topic
            ));
        }
        let missing: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| !questions.iter().any(|q| q.kind == **k))
            .map(|k| k.as_str())
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "topic `{id}` has no {} question",
                missing.join(", no ")
            ));
        }
    }
    problems
}

//! What must hold after every step, on the world settled.

use crate::json::parse;
use crate::world::{Answers, World};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use pyquiz::progress::records::LOG_KEEP;
use pyquiz::progress::schema::{decode_records, decode_sessions, BackupReason, Doc};
use pyquiz::progress::store::{self, KeyValue, BACKUPS_MAX_BYTES, BACKUPS_PER_REASON};
use pyquiz::progress::Records;
use pyquiz::quiz::Grade;
use std::collections::{BTreeMap, BTreeSet};

/// What must hold after every step. Returns the world settled, if it had to settle one.
pub fn check(w: &World) -> Result<Option<World>, TestCaseError> {
    if let Some((key, text)) = &w.newer {
        let stored = w.store.get(key);
        prop_assert_eq!(
            stored.as_deref(),
            Some(text.as_str()),
            "a newer version's data was overwritten"
        );
    }
    let backups = store::backups(&w.store);
    for reason in BackupReason::ALL {
        let n = backups.iter().filter(|b| b.reason == reason).count();
        prop_assert!(n <= BACKUPS_PER_REASON, "{} backups for {:?}", n, reason);
    }
    let bytes: usize = backups
        .iter()
        .map(|b| b.key.len() + w.store.get(&b.key).map_or(0, |v| v.len()))
        .sum();
    prop_assert!(bytes <= BACKUPS_MAX_BYTES);
    if w.newer.is_some() || w.lossy {
        // Every tab stops saving for good (or the model lost track): nothing more is checked
        // of the answers.
        return Ok(None);
    }
    let quiet = !w.store.full.get()
        && w.tabs
            .iter()
            .flatten()
            .all(|t| t.inbox.is_empty() && t.saver.is_idle());
    let copy = (!quiet).then(|| {
        let mut c = w.clone();
        c.settle();
        c
    });
    let settled = copy.as_ref().unwrap_or(w);
    let stored = settled
        .store
        .get(Doc::Records.key())
        .and_then(|raw| decode_records(&parse(&raw)).ok())
        .map(|d| d.value)
        .unwrap_or_default();
    same_answers("storage", &stored, &settled.alive)?;
    for tab in settled.tabs.iter().flatten().filter(|t| t.state.writable) {
        same_answers("a tab", &tab.state.records, &settled.alive)?;
        let running = tab.state.session();
        prop_assert!(
            running.is_none_or(|s| s.is_consistent()),
            "a running quiz holds together"
        );
    }
    Ok(copy)
}

/// At the end of a case, on the world settled: the saved quizzes read back whole, and each
/// tab's running quiz is saved as it is (two tabs on one quiz end up with the same copy).
pub fn check_quizzes(settled: &World) -> Result<(), TestCaseError> {
    if settled.newer.is_some() || settled.lossy {
        return Ok(());
    }
    let Some(raw) = settled.store.get(Doc::Sessions.key()) else {
        return Ok(());
    };
    let list = decode_sessions(&parse(&raw));
    prop_assert!(
        matches!(&list, Ok(l) if l.skipped == 0),
        "saved quizzes: {:?}",
        list
    );
    let list = list.map(|l| l.value).unwrap_or_default();
    for tab in settled.tabs.iter().flatten().filter(|t| t.state.writable) {
        if let Some(s) = tab.state.session() {
            let saved = list.iter().find(|x| x.id == s.started_ms);
            let listed = saved.is_none_or(|x| x.session.is_none() || x.session.as_ref() == Some(s));
            prop_assert!(listed, "a tab's running quiz is saved as it is");
        }
    }
    Ok(())
}

/// `records` hold exactly the answers of the model, each once, with counts that agree.
fn same_answers(whose: &str, records: &Records, alive: &Answers) -> Result<(), TestCaseError> {
    let mut expected: BTreeMap<&str, Vec<(f64, Grade)>> = BTreeMap::new();
    for ((id, t), g) in alive {
        expected
            .entry(id)
            .or_default()
            .push((f64::from_bits(*t), *g));
    }
    let held: BTreeSet<&str> = records.map.keys().map(String::as_str).collect();
    let wanted: BTreeSet<&str> = expected.keys().copied().collect();
    prop_assert_eq!(held, wanted, "{}: which questions have records", whose);
    for (id, answers) in expected {
        let r = &records.map[id];
        let last: Vec<(f64, Grade)> = answers[answers.len().saturating_sub(LOG_KEEP)..].to_vec();
        let logged: Vec<(f64, Grade)> = r.log.iter().map(|e| (e.at_ms, e.grade)).collect();
        prop_assert_eq!(&logged, &last, "{}: the answers to {}", whose, id);
        if answers.len() <= LOG_KEEP {
            let right = answers.iter().filter(|a| a.1.is_correct()).count();
            prop_assert_eq!(
                (r.attempts as usize, r.correct as usize),
                (answers.len(), right),
                "{}: {} counted once",
                whose,
                id
            );
        }
        prop_assert_eq!(
            r.last_grade,
            answers[answers.len() - 1].1,
            "{}: {}'s last answer",
            whose,
            id
        );
    }
    Ok(())
}

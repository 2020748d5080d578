//! Choosing a quiz's questions: reproducible from a seed, the same whether it runs over the
//! compiled-in index (the app) or over a downloaded chunk (the embed).

use crate::bank::Difficulty;
use bank_format::shuffle;

/// Quiz lengths the home page offers; a saved or linked count is brought into this range.
pub const COUNTS: [usize; 5] = [5, 10, 20, 30, 50];

/// What the learner asked for on the home page (or an embed in its URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Topic ids; empty means every topic.
    pub topics: Vec<String>,
    /// Empty means every difficulty.
    pub difficulties: Vec<Difficulty>,
    pub count: usize,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            topics: Vec::new(),
            difficulties: Vec::new(),
            count: 10,
        }
    }
}

impl Filters {
    pub fn toggle_topic(&mut self, id: &str) {
        match self.topics.iter().position(|t| t == id) {
            Some(at) => {
                self.topics.remove(at);
            }
            None => self.topics.push(id.to_string()),
        }
    }

    pub fn toggle_difficulty(&mut self, d: Difficulty) {
        match self.difficulties.iter().position(|x| *x == d) {
            Some(at) => {
                self.difficulties.remove(at);
            }
            None => self.difficulties.push(d),
        }
    }

    /// Drops topics the bank no longer has (a renamed topic would otherwise match nothing
    /// forever) and brings the count into range. Returns the dropped topic ids.
    pub fn keep_known(&mut self, known_topic: impl Fn(&str) -> bool) -> Vec<String> {
        let (keep, gone): (Vec<String>, Vec<String>) =
            self.topics.drain(..).partition(|t| known_topic(t));
        self.topics = keep;
        // The first occurrence of each: a stored `[junior, mid, junior]` would otherwise keep a
        // junior that `toggle_difficulty` could never clear.
        let mut kept = Vec::new();
        self.difficulties.retain(|d| {
            let first = !kept.contains(d);
            kept.push(*d);
            first
        });
        if !COUNTS.contains(&self.count) {
            self.count = COUNTS
                .into_iter()
                .min_by_key(|c| c.abs_diff(self.count))
                .unwrap_or(10);
        }
        gone
    }

    pub fn admits(&self, topic: &str, difficulty: Difficulty) -> bool {
        (self.topics.is_empty() || self.topics.iter().any(|t| t == topic))
            && (self.difficulties.is_empty() || self.difficulties.contains(&difficulty))
    }
}

/// A question as selection sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub difficulty: Difficulty,
}

/// The ids that pass the filters, in the order given.
pub fn matching<'a>(
    pool: impl IntoIterator<Item = Candidate<'a>>,
    filters: &Filters,
) -> Vec<&'a str> {
    pool.into_iter()
        .filter(|c| filters.admits(c.topic, c.difficulty))
        .map(|c| c.id)
        .collect()
}

/// Picks up to `filters.count` ids. The same pool, filters and seed always give the same ids
/// in the same order, so a quiz can be reproduced from its seed.
pub fn select<'a>(
    pool: impl IntoIterator<Item = Candidate<'a>>,
    filters: &Filters,
    seed: u64,
) -> Vec<String> {
    let mut ids = matching(pool, filters);
    shuffle(&mut ids, seed);
    ids.truncate(filters.count);
    ids.into_iter().map(str::to_string).collect()
}

/// The questions of a blogger's own quiz to show: in the order written, all of them unless the
/// page asked for a `count` (then a seeded pick of that many, like the bank's) or a `seed` (then
/// shuffled). Only the difficulty filter applies: an own quiz has no topics.
pub fn select_own(
    questions: &[std::rc::Rc<crate::bank::Question>],
    filters: &Filters,
    seed: Option<u64>,
    count_given: bool,
) -> Vec<String> {
    let pool = questions.iter().map(|q| Candidate {
        id: &q.id,
        topic: "",
        difficulty: q.difficulty,
    });
    let any_topic = Filters {
        topics: Vec::new(),
        ..filters.clone()
    };
    let mut ids = matching(pool, &any_topic);
    if count_given || seed.is_some() {
        let seed = seed.unwrap_or_else(|| bank_format::seed_from_str(&ids.join(".")));
        shuffle(&mut ids, seed);
    }
    if count_given {
        ids.truncate(filters.count);
    }
    ids.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Vec<Candidate<'static>> {
        let ids: &'static [&'static str] = &["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"];
        ids.iter()
            .enumerate()
            .map(|(i, id)| Candidate {
                id,
                topic: if i < 4 { "a" } else { "b" },
                difficulty: if i % 2 == 0 {
                    Difficulty::Junior
                } else {
                    Difficulty::Senior
                },
            })
            .collect()
    }

    #[test]
    fn a_seed_gives_a_pinned_quiz() {
        // Pinned: embeds and "same quiz" links depend on this staying the same across releases.
        let f = Filters {
            count: 5,
            ..Filters::default()
        };
        assert_eq!(select(pool(), &f, 7), GOLDEN_7);
        let orders: std::collections::HashSet<Vec<String>> =
            (0..10).map(|s| select(pool(), &f, s)).collect();
        assert!(orders.len() > 1, "seeds matter");
    }

    const GOLDEN_7: [&str; 5] = ["a2", "b1", "b2", "a3", "b3"];

    #[test]
    fn filters_by_topic_and_difficulty() {
        let f = Filters {
            topics: vec!["b".into()],
            difficulties: vec![Difficulty::Senior],
            count: 10,
        };
        let mut ids = select(pool(), &f, 1);
        ids.sort();
        assert_eq!(ids, ["b2", "b4"]);
    }

    #[test]
    fn count_larger_than_pool_returns_all_without_repeats() {
        let f = Filters {
            count: 100,
            ..Filters::default()
        };
        let mut ids = select(pool(), &f, 3);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn unknown_topics_and_odd_counts_are_repaired() {
        let mut f = Filters {
            topics: vec!["a".into(), "renamed".into()],
            difficulties: vec![],
            count: 7,
        };
        assert_eq!(f.keep_known(|t| t == "a"), ["renamed"]);
        assert_eq!(f.topics, ["a"]);
        assert_eq!(f.count, 5);
        let mut f = Filters {
            count: 0,
            ..Filters::default()
        };
        f.keep_known(|_| true);
        assert_eq!(f.count, 5);
        let mut f = Filters {
            count: 1_000_000,
            ..Filters::default()
        };
        f.keep_known(|_| true);
        assert_eq!(f.count, 50);
    }

    #[test]
    fn repeated_difficulties_keep_their_first_occurrence_and_can_be_cleared() {
        use Difficulty::{Junior, Mid, Senior};
        let mut f = Filters {
            difficulties: vec![Junior, Mid, Junior, Senior, Mid],
            ..Filters::default()
        };
        f.keep_known(|_| true);
        assert_eq!(f.difficulties, [Junior, Mid, Senior]);
        f.toggle_difficulty(Junior);
        assert_eq!(f.difficulties, [Mid, Senior], "one toggle clears junior");
    }

    #[test]
    fn toggles_add_and_remove() {
        let mut f = Filters::default();
        f.toggle_topic("a");
        f.toggle_topic("b");
        f.toggle_topic("a");
        assert_eq!(f.topics, ["b"]);
        f.toggle_difficulty(Difficulty::Mid);
        assert_eq!(f.difficulties, [Difficulty::Mid]);
        f.toggle_difficulty(Difficulty::Mid);
        assert!(f.difficulties.is_empty());
    }

    #[test]
    fn an_own_quiz_keeps_its_order_unless_a_count_or_seed_asks_otherwise() {
        use crate::bank::{test_question, Body};
        use std::rc::Rc;
        let qs: Vec<Rc<crate::bank::Question>> = (1..=8)
            .map(|i| {
                let mut q = test_question(&format!("q-{i}"), Body::Multi { options: vec![] });
                q.difficulty = if i % 2 == 0 {
                    Difficulty::Senior
                } else {
                    Difficulty::Junior
                };
                Rc::new(q)
            })
            .collect();
        let all: Vec<String> = (1..=8).map(|i| format!("q-{i}")).collect();
        let f = Filters::default();
        assert_eq!(
            select_own(&qs, &f, None, false),
            all,
            "written order, every question"
        );
        let three = Filters {
            count: 3,
            ..Filters::default()
        };
        let picked = select_own(&qs, &three, None, true);
        assert_eq!(picked.len(), 3);
        assert_eq!(
            picked,
            select_own(&qs, &three, None, true),
            "the same pick for every reader"
        );
        let shuffled = select_own(&qs, &f, Some(7), false);
        assert_ne!(shuffled, all);
        let mut sorted = shuffled.clone();
        sorted.sort();
        assert_eq!(sorted, all, "a seed reorders, it drops nothing");
        let senior = Filters {
            difficulties: vec![Difficulty::Senior],
            ..Filters::default()
        };
        assert_eq!(
            select_own(&qs, &senior, None, false),
            ["q-2", "q-4", "q-6", "q-8"]
        );
    }
}

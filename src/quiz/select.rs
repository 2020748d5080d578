use crate::bank::{Difficulty, QuestionMeta};
use bank_format::shuffle;
use serde::{Deserialize, Serialize};

/// What the learner asked for on the home page (or an embed in its URL).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Topic ids; empty means every topic.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Empty means every difficulty.
    #[serde(default)]
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

/// The questions of `pool` that pass the filters, in bank order.
pub fn matching<'a>(
    pool: &'a [QuestionMeta],
    topic_ids: &[&str],
    filters: &Filters,
) -> Vec<&'a QuestionMeta> {
    pool.iter()
        .filter(|q| {
            filters.topics.is_empty() || filters.topics.iter().any(|t| t == topic_ids[q.topic])
        })
        .filter(|q| filters.difficulties.is_empty() || filters.difficulties.contains(&q.difficulty))
        .collect()
}

/// Picks up to `filters.count` question ids. The same pool, filters and seed always give the
/// same ids in the same order, so a quiz can be reproduced from its seed.
pub fn select(
    pool: &[QuestionMeta],
    topic_ids: &[&str],
    filters: &Filters,
    seed: u64,
) -> Vec<String> {
    let mut ids: Vec<&str> = matching(pool, topic_ids, filters)
        .iter()
        .map(|q| q.id)
        .collect();
    shuffle(&mut ids, seed);
    ids.truncate(filters.count);
    ids.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Kind;

    const TOPICS: [&str; 2] = ["a", "b"];

    fn pool() -> Vec<QuestionMeta> {
        let ids: &'static [&'static str] = &["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"];
        ids.iter()
            .enumerate()
            .map(|(i, id)| QuestionMeta {
                id,
                topic: i / 4,
                difficulty: if i % 2 == 0 {
                    Difficulty::Junior
                } else {
                    Difficulty::Senior
                },
                kind: Kind::Single,
            })
            .collect()
    }

    #[test]
    fn same_seed_and_filters_give_the_same_quiz() {
        let f = Filters {
            count: 5,
            ..Filters::default()
        };
        assert_eq!(
            select(&pool(), &TOPICS, &f, 7),
            select(&pool(), &TOPICS, &f, 7)
        );
        assert_eq!(select(&pool(), &TOPICS, &f, 7).len(), 5);
    }

    #[test]
    fn different_seeds_give_different_orders() {
        let f = Filters {
            count: 8,
            ..Filters::default()
        };
        let orders: std::collections::HashSet<Vec<String>> =
            (0..10).map(|s| select(&pool(), &TOPICS, &f, s)).collect();
        assert!(orders.len() > 1);
    }

    #[test]
    fn filters_by_topic_and_difficulty() {
        let f = Filters {
            topics: vec!["b".into()],
            difficulties: vec![Difficulty::Senior],
            count: 10,
        };
        let mut ids = select(&pool(), &TOPICS, &f, 1);
        ids.sort();
        assert_eq!(ids, ["b2", "b4"]);
    }

    #[test]
    fn count_larger_than_pool_returns_all_without_repeats() {
        let f = Filters {
            count: 100,
            ..Filters::default()
        };
        let mut ids = select(&pool(), &TOPICS, &f, 3);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn nothing_matches_gives_an_empty_quiz() {
        let f = Filters {
            topics: vec!["zzz".into()],
            ..Filters::default()
        };
        assert!(select(&pool(), &TOPICS, &f, 3).is_empty());
    }
}

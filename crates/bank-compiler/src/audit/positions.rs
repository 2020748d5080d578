//! Where the correct option of a `single` question sits in the source. The app and the export
//! ship options in a shuffled order, but an author who always writes the answer first leaks it
//! to anything that reads the source (a diff, a review, a copy of the file), so the source order
//! itself should not predict the answer.

use super::{above, at, percent};
use crate::bank::Bank;
use crate::question::SourceQuestion;
use bank_format::Kind;

/// The most single questions, in percent, that may share one source position of the answer.
pub const POSITION_LIMIT_PERCENT: usize = 40;

/// Single questions whose order is shuffled (no `shuffle = false`) and that have two or more
/// options, each with the 0-based source position of its correct option.
pub fn correct_positions<'a>(
    questions: impl IntoIterator<Item = &'a SourceQuestion>,
) -> Vec<(&'a SourceQuestion, usize)> {
    questions
        .into_iter()
        .filter(|q| q.kind == Kind::Single && !q.keep_order && q.options.len() >= 2)
        .filter_map(|q| q.options.iter().position(|o| o.correct).map(|p| (q, p)))
        .collect()
}

/// How many questions have their answer at each source position (index 0 = written first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    pub counts: Vec<usize>,
}

impl Spread {
    /// Every position some question could use is counted, even when none does.
    pub fn of(positions: &[(&SourceQuestion, usize)]) -> Spread {
        let slots = positions.iter().map(|(q, _)| q.options.len()).max();
        let mut counts = vec![0; slots.unwrap_or(0)];
        for &(_, p) in positions {
            counts[p] += 1;
        }
        Spread { counts }
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The most common position (0-based) and how many questions use it; the first on a tie.
    pub fn most_common(&self) -> Option<(usize, usize)> {
        self.counts
            .iter()
            .copied()
            .enumerate()
            .fold(None, |best, (p, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((p, n)),
            })
    }

    pub fn over_limit(&self) -> bool {
        self.most_common()
            .is_some_and(|(_, n)| above(n, self.total(), POSITION_LIMIT_PERCENT))
    }

    /// `1st 133, 2nd 0, 3rd 0, 4th 0; most common 100.0 %, limit 40 %`
    pub fn summary(&self) -> String {
        let by_position: Vec<String> = self
            .counts
            .iter()
            .enumerate()
            .map(|(p, n)| format!("{} {n}", ordinal(p + 1)))
            .collect();
        let share = self
            .most_common()
            .map_or(0.0, |(_, n)| percent(n, self.total()));
        format!(
            "{}; most common {share:.1} %, limit {POSITION_LIMIT_PERCENT} %",
            if by_position.is_empty() {
                "none".to_string()
            } else {
                by_position.join(", ")
            }
        )
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The rule: one problem naming the spread and the questions at the over-used position.
pub fn position_problems(bank: &Bank) -> Vec<String> {
    let positions = correct_positions(bank.questions());
    let spread = Spread::of(&positions);
    let Some((common, _)) = spread.most_common().filter(|_| spread.over_limit()) else {
        return Vec::new();
    };
    let ids: Vec<String> = positions
        .iter()
        .filter(|(_, p)| *p == common)
        .map(|(q, _)| at(q))
        .collect();
    vec![format!(
        "the correct option's source position is too predictable in {} shuffled single \
         questions ({}): move the answer elsewhere in some of these, written {}:\n  {}",
        spread.total(),
        spread.summary(),
        ordinal(common + 1),
        ids.join("\n  ")
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_counts_each_position() {
        let spread = Spread {
            counts: vec![2, 1, 2],
        };
        assert_eq!(spread.total(), 5);
        assert_eq!(
            spread.most_common(),
            Some((0, 2)),
            "first position wins a tie"
        );
        assert!(!spread.over_limit(), "2 of 5 is exactly 40 %");
        assert!(Spread {
            counts: vec![3, 1, 1]
        }
        .over_limit());
        assert!(Spread { counts: vec![133] }.over_limit());
        assert!(!Spread { counts: vec![] }.over_limit());
    }

    #[test]
    fn only_shuffled_singles_with_two_options_count() {
        use crate::audit::sample;
        let first = sample("al-01", Kind::Single, &[("a", true), ("b", false)]);
        let third = sample(
            "al-02",
            Kind::Single,
            &[("a", false), ("b", false), ("c", true)],
        );
        let mut kept = sample("al-03", Kind::Single, &[("a", true), ("b", false)]);
        kept.keep_order = true;
        let multi = sample("al-04", Kind::Multi, &[("a", true), ("b", false)]);
        let lone = sample("al-05", Kind::Single, &[("a", true)]);
        let all = [first, third, kept, multi, lone];
        let found: Vec<(&str, usize)> = correct_positions(&all)
            .into_iter()
            .map(|(q, p)| (q.id.as_str(), p))
            .collect();
        assert_eq!(found, [("al-01", 0), ("al-02", 2)]);
        assert_eq!(Spread::of(&correct_positions(&all)).counts, [1, 0, 1]);
        let four = sample(
            "al-06",
            Kind::Single,
            &[("a", true), ("b", false), ("c", false), ("d", false)],
        );
        assert_eq!(Spread::of(&correct_positions([&four])).counts, [1, 0, 0, 0]);
    }

    #[test]
    fn summary_names_positions_by_ordinal() {
        let spread = Spread {
            counts: vec![133, 0, 0, 0],
        };
        assert_eq!(
            spread.summary(),
            "1st 133, 2nd 0, 3rd 0, 4th 0; most common 100.0 %, limit 40 %"
        );
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
    }
}

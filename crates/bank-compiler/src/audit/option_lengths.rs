//! Whether option lengths betray the answer. Hand-written options tend to make the right one the
//! longest (it carries the qualifications), so a learner who always picks the longest option
//! scores far above chance without knowing Python. Rewriting them can overshoot the other way: a
//! terse right answer (`` `False` ``) among explained wrong ones is just as easy to spot, so the
//! shortest option is measured too, by the mirror-image rules. Measured over `single` and `multi`
//! questions on the option text as written in the source, trimmed.

use super::{above, at, percent};
use crate::bank::Bank;
use crate::question::{SourceOption, SourceQuestion};
use bank_format::Kind;

/// The most questions, in percent, whose longest correct option may be at least as long as
/// their longest wrong one; and, separately, the most whose shortest correct option may be at
/// most as long as their shortest wrong one.
pub const SHARE_LIMIT_PERCENT: usize = 35;
/// Longest correct / longest wrong above this is flagged on its own, whatever the share.
pub const RATIO_LIMIT: f64 = 1.5;
/// Shortest correct / shortest wrong below this is flagged on its own, whatever the share.
pub const SHORT_RATIO_LIMIT: f64 = 0.5;

/// An option's length: characters (not bytes) of its source text, trimmed.
pub fn option_len(text: &str) -> usize {
    text.trim().chars().count()
}

/// The longest correct and the longest wrong option of one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Longest {
    pub correct: usize,
    pub wrong: usize,
}

impl Longest {
    /// `None` when every option is correct or none is: there is nothing to compare.
    pub fn of(options: &[SourceOption]) -> Option<Longest> {
        let max = |correct: bool| {
            options
                .iter()
                .filter(|o| o.correct == correct)
                .map(|o| option_len(&o.text))
                .max()
        };
        Some(Longest {
            correct: max(true)?,
            wrong: max(false)?,
        })
    }

    /// Ties count: "pick the longest" then finds the answer at least half the time.
    pub fn gives_away(self) -> bool {
        self.correct >= self.wrong
    }

    pub fn ratio(self) -> f64 {
        self.correct as f64 / self.wrong.max(1) as f64
    }

    pub fn too_long(self) -> bool {
        self.ratio() > RATIO_LIMIT
    }
}

/// The shortest correct and the shortest wrong option of one question: the mirror image of
/// [`Longest`], for answers that stand out by being terse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortest {
    pub correct: usize,
    pub wrong: usize,
}

impl Shortest {
    /// `None` when every option is correct or none is: there is nothing to compare.
    pub fn of(options: &[SourceOption]) -> Option<Shortest> {
        let min = |correct: bool| {
            options
                .iter()
                .filter(|o| o.correct == correct)
                .map(|o| option_len(&o.text))
                .min()
        };
        Some(Shortest {
            correct: min(true)?,
            wrong: min(false)?,
        })
    }

    /// Ties count: "pick the shortest" then finds the answer at least half the time.
    pub fn gives_away(self) -> bool {
        self.correct <= self.wrong
    }

    pub fn ratio(self) -> f64 {
        self.correct as f64 / self.wrong.max(1) as f64
    }

    /// Under `SHORT_RATIO_LIMIT` of the shortest wrong option (exactly half is allowed).
    pub fn too_short(self) -> bool {
        self.ratio() < SHORT_RATIO_LIMIT
    }
}

/// A choice question with its option lengths.
pub struct Measured<'a> {
    pub question: &'a SourceQuestion,
    pub longest: Longest,
    pub shortest: Shortest,
}

/// Every single and multi question that has both correct and wrong options, in bank order.
pub fn measure<'a>(questions: impl IntoIterator<Item = &'a SourceQuestion>) -> Vec<Measured<'a>> {
    questions
        .into_iter()
        .filter(|q| matches!(q.kind, Kind::Single | Kind::Multi))
        .filter_map(|q| {
            Some(Measured {
                question: q,
                longest: Longest::of(&q.options)?,
                shortest: Shortest::of(&q.options)?,
            })
        })
        .collect()
}

/// Which end of the option lengths a measurement looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Longest,
    Shortest,
}

impl End {
    fn gives_away(self, m: &Measured) -> bool {
        match self {
            End::Longest => m.longest.gives_away(),
            End::Shortest => m.shortest.gives_away(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            End::Longest => "longest",
            End::Shortest => "shortest",
        }
    }
}

/// How many measured questions give the answer away, of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub give_aways: usize,
    pub counted: usize,
}

impl Share {
    /// Questions whose longest correct option is at least as long as their longest wrong one.
    pub fn of(measured: &[Measured]) -> Share {
        Share::at(End::Longest, measured)
    }

    /// Questions whose shortest correct option is at most as long as their shortest wrong one.
    pub fn of_shortest(measured: &[Measured]) -> Share {
        Share::at(End::Shortest, measured)
    }

    pub fn at(end: End, measured: &[Measured]) -> Share {
        Share {
            give_aways: measured.iter().filter(|m| end.gives_away(m)).count(),
            counted: measured.len(),
        }
    }

    pub fn over_limit(self) -> bool {
        above(self.give_aways, self.counted, SHARE_LIMIT_PERCENT)
    }

    /// `117 of 175 (66.9 %), limit 35 %`
    pub fn summary(self) -> String {
        format!(
            "{} of {} ({:.1} %), limit {SHARE_LIMIT_PERCENT} %",
            self.give_aways,
            self.counted,
            percent(self.give_aways, self.counted)
        )
    }
}

/// `id (file:line): correct 84, longest wrong 40 (2.10×)`
pub fn describe(m: &Measured) -> String {
    format!(
        "{}: correct {}, longest wrong {} ({:.2}×)",
        at(m.question),
        m.longest.correct,
        m.longest.wrong,
        m.longest.ratio()
    )
}

/// `id (file:line): correct 6, shortest wrong 16 (0.38×)`
pub fn describe_shortest(m: &Measured) -> String {
    format!(
        "{}: correct {}, shortest wrong {} ({:.2}×)",
        at(m.question),
        m.shortest.correct,
        m.shortest.wrong,
        m.shortest.ratio()
    )
}

/// Largest ratio first, so the worst offenders lead.
fn by_ratio<'a, 'b>(mut list: Vec<&'b Measured<'a>>) -> Vec<&'b Measured<'a>> {
    list.sort_by(|a, b| b.longest.ratio().total_cmp(&a.longest.ratio()));
    list
}

/// Smallest shortest-ratio first, so the tersest answers lead.
fn by_short_ratio<'a, 'b>(mut list: Vec<&'b Measured<'a>>) -> Vec<&'b Measured<'a>> {
    list.sort_by(|a, b| a.shortest.ratio().total_cmp(&b.shortest.ratio()));
    list
}

/// Questions whose correct option is more than `RATIO_LIMIT` times the longest wrong one.
pub fn flagged<'a, 'b>(measured: &'b [Measured<'a>]) -> Vec<&'b Measured<'a>> {
    by_ratio(measured.iter().filter(|m| m.longest.too_long()).collect())
}

/// Questions whose shortest correct option is under `SHORT_RATIO_LIMIT` times the shortest
/// wrong one.
pub fn flagged_short<'a, 'b>(measured: &'b [Measured<'a>]) -> Vec<&'b Measured<'a>> {
    by_short_ratio(measured.iter().filter(|m| m.shortest.too_short()).collect())
}

/// One problem naming the share at `end` and every give-away, or none within the limit.
fn share_problem(end: End, measured: &[Measured], fix: &str) -> Vec<String> {
    let share = Share::at(end, measured);
    if !share.over_limit() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "the {} option is the correct one in {} of {} single/multi questions ({:.1} %), over \
         the {SHARE_LIMIT_PERCENT} % limit: {fix} (never pad). Give-aways, worst first:",
        end.name(),
        share.give_aways,
        share.counted,
        percent(share.give_aways, share.counted)
    )];
    let give_aways: Vec<&Measured> = measured.iter().filter(|m| end.gives_away(m)).collect();
    let listed: Vec<String> = match end {
        End::Longest => by_ratio(give_aways).into_iter().map(describe).collect(),
        End::Shortest => by_short_ratio(give_aways)
            .into_iter()
            .map(describe_shortest)
            .collect(),
    };
    lines.extend(listed.into_iter().map(|l| format!("  {l}")));
    vec![lines.join("\n")]
}

/// The rule on the share: one problem naming the share and every give-away.
pub fn share_problems(bank: &Bank) -> Vec<String> {
    share_problem(
        End::Longest,
        &measure(bank.questions()),
        "lengthen the wrong options with real content or shorten the right one",
    )
}

/// The mirror rule: in at most `SHARE_LIMIT_PERCENT` % of single and multi questions is the
/// shortest correct option at most as long as the shortest wrong one.
pub fn shortest_share_problems(bank: &Bank) -> Vec<String> {
    share_problem(
        End::Shortest,
        &measure(bank.questions()),
        "let the right option state its content precisely or make a wrong one tighter",
    )
}

/// The rule per question (single and multi): one problem per correct option over
/// `RATIO_LIMIT`× the longest wrong one.
pub fn ratio_problems(bank: &Bank) -> Vec<String> {
    let measured = measure(bank.questions());
    flagged(&measured)
        .into_iter()
        .map(|m| format!("{}, over {RATIO_LIMIT}×", describe(m)))
        .collect()
}

/// The mirror rule per question: one problem per question whose shortest correct option is
/// under `SHORT_RATIO_LIMIT`× its shortest wrong one.
pub fn short_ratio_problems(bank: &Bank) -> Vec<String> {
    let measured = measure(bank.questions());
    flagged_short(&measured)
        .into_iter()
        .map(|m| format!("{}, under {SHORT_RATIO_LIMIT}×", describe_shortest(m)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(list: &[(&str, bool)]) -> Vec<SourceOption> {
        list.iter()
            .map(|(text, correct)| SourceOption {
                text: text.to_string(),
                correct: *correct,
                why: None,
            })
            .collect()
    }

    #[test]
    fn length_is_characters_of_the_trimmed_text() {
        assert_eq!(option_len("  `x is None`\n"), 11);
        assert_eq!(option_len("“é”"), 3);
    }

    #[test]
    fn a_longer_or_equal_correct_option_gives_away() {
        let longer = Longest::of(&options(&[("abcd", true), ("abc", false), ("ab", false)]));
        assert_eq!(
            longer,
            Some(Longest {
                correct: 4,
                wrong: 3
            })
        );
        assert!(longer.unwrap().gives_away());
        let tie = Longest::of(&options(&[("abc", true), ("xyz", false)])).unwrap();
        assert!(tie.gives_away(), "ties count as give-aways");
        let shorter = Longest::of(&options(&[("ab", true), ("abc", false)])).unwrap();
        assert!(!shorter.gives_away());
    }

    #[test]
    fn multi_compares_the_longest_of_each_side() {
        let m = Longest::of(&options(&[("a", true), ("abcdef", true), ("abcd", false)])).unwrap();
        assert_eq!(
            m,
            Longest {
                correct: 6,
                wrong: 4
            }
        );
        assert!(m.gives_away());
    }

    #[test]
    fn ratio_over_the_limit_is_flagged() {
        let at_limit = Longest {
            correct: 6,
            wrong: 4,
        };
        assert_eq!(at_limit.ratio(), 1.5);
        assert!(!at_limit.too_long(), "exactly 1.5× is allowed");
        assert!(Longest {
            correct: 7,
            wrong: 4
        }
        .too_long());
    }

    #[test]
    fn nothing_to_compare_without_both_sides() {
        assert_eq!(Longest::of(&options(&[("a", true), ("b", true)])), None);
        assert_eq!(Longest::of(&options(&[("a", false)])), None);
    }

    #[test]
    fn a_shorter_or_equal_correct_option_gives_away() {
        let shorter = Shortest::of(&options(&[("ab", true), ("abc", false), ("abcd", false)]));
        assert_eq!(
            shorter,
            Some(Shortest {
                correct: 2,
                wrong: 3
            })
        );
        assert!(shorter.unwrap().gives_away());
        let tie = Shortest::of(&options(&[("abc", true), ("xyz", false)])).unwrap();
        assert!(tie.gives_away(), "ties count as give-aways");
        let longer = Shortest::of(&options(&[("abcd", true), ("abc", false)])).unwrap();
        assert!(!longer.gives_away());
    }

    #[test]
    fn multi_compares_the_shortest_of_each_side() {
        let m = Shortest::of(&options(&[
            ("abcdef", true),
            ("a", true),
            ("abcd", false),
            ("abcdefgh", false),
        ]))
        .unwrap();
        assert_eq!(
            m,
            Shortest {
                correct: 1,
                wrong: 4
            }
        );
        assert!(m.gives_away() && m.too_short());
    }

    #[test]
    fn under_half_the_shortest_wrong_is_flagged() {
        let at_limit = Shortest {
            correct: 6,
            wrong: 12,
        };
        assert_eq!(at_limit.ratio(), 0.5);
        assert!(!at_limit.too_short(), "exactly half is allowed");
        assert!(Shortest {
            correct: 6,
            wrong: 13
        }
        .too_short());
        assert!(Shortest::of(&options(&[("a", false)])).is_none());
        assert!(Shortest::of(&options(&[("a", true), ("b", true)])).is_none());
    }

    #[test]
    fn both_ends_are_measured_on_the_same_questions() {
        use crate::audit::sample;
        let questions = [
            // Longest give-away only.
            sample("al-01", Kind::Single, &[("abcdef", true), ("abc", false)]),
            // Shortest give-away, under half.
            sample("al-02", Kind::Multi, &[("ab", true), ("abcde", false)]),
            // Neither: the answer sits between the wrong options.
            sample(
                "al-03",
                Kind::Single,
                &[("a", false), ("abc", true), ("abcde", false)],
            ),
            // Not a choice question: not measured.
            sample("al-04", Kind::Short, &[]),
        ];
        let measured = measure(&questions);
        assert_eq!(measured.len(), 3);
        assert_eq!(
            Share::of(&measured),
            Share {
                give_aways: 1,
                counted: 3
            }
        );
        assert_eq!(
            Share::of_shortest(&measured),
            Share {
                give_aways: 1,
                counted: 3
            }
        );
        let short = flagged_short(&measured);
        assert_eq!(short.len(), 1);
        assert_eq!(
            describe_shortest(short[0]),
            "al-02 (content/alpha.toml:3): correct 2, shortest wrong 5 (0.40×)"
        );
    }

    #[test]
    fn share_limit_is_strictly_above() {
        let share = |give_aways, counted| Share {
            give_aways,
            counted,
        };
        assert!(!share(35, 100).over_limit());
        assert!(share(36, 100).over_limit());
        assert!(share(117, 175).over_limit());
        assert_eq!(share(117, 175).summary(), "117 of 175 (66.9 %), limit 35 %");
    }
}

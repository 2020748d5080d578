//! Whether option lengths betray the answer. Hand-written options tend to make the right one the
//! longest (it carries the qualifications), so a learner who always picks the longest option
//! scores far above chance without knowing Python. Measured over `single` and `multi` questions
//! on the option text as written in the source, trimmed.

use super::{above, at, percent};
use crate::bank::Bank;
use crate::question::{SourceOption, SourceQuestion};
use bank_format::Kind;

/// The most questions, in percent, whose longest correct option may be at least as long as
/// their longest wrong one.
pub const SHARE_LIMIT_PERCENT: usize = 35;
/// Longest correct / longest wrong above this is flagged on its own, whatever the share.
pub const RATIO_LIMIT: f64 = 1.5;

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

/// A choice question with its option lengths.
pub struct Measured<'a> {
    pub question: &'a SourceQuestion,
    pub longest: Longest,
}

/// Every single and multi question that has both correct and wrong options, in bank order.
pub fn measure<'a>(questions: impl IntoIterator<Item = &'a SourceQuestion>) -> Vec<Measured<'a>> {
    questions
        .into_iter()
        .filter(|q| matches!(q.kind, Kind::Single | Kind::Multi))
        .filter_map(|q| {
            Longest::of(&q.options).map(|longest| Measured {
                question: q,
                longest,
            })
        })
        .collect()
}

/// How many measured questions give the answer away, of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub give_aways: usize,
    pub counted: usize,
}

impl Share {
    pub fn of(measured: &[Measured]) -> Share {
        Share {
            give_aways: measured.iter().filter(|m| m.longest.gives_away()).count(),
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

/// Largest ratio first, so the worst offenders lead.
fn by_ratio<'a, 'b>(mut list: Vec<&'b Measured<'a>>) -> Vec<&'b Measured<'a>> {
    list.sort_by(|a, b| b.longest.ratio().total_cmp(&a.longest.ratio()));
    list
}

/// Questions whose correct option is more than `RATIO_LIMIT` times the longest wrong one.
pub fn flagged<'a, 'b>(measured: &'b [Measured<'a>]) -> Vec<&'b Measured<'a>> {
    by_ratio(measured.iter().filter(|m| m.longest.too_long()).collect())
}

/// The rule on the share: one problem naming the share and every give-away.
pub fn share_problems(bank: &Bank) -> Vec<String> {
    let measured = measure(bank.questions());
    let share = Share::of(&measured);
    if !share.over_limit() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "the longest option is the correct one in {} of {} single/multi questions ({:.1} %), over \
         the {SHARE_LIMIT_PERCENT} % limit: lengthen the wrong options with real content or \
         shorten the right one (never pad). Give-aways, worst first:",
        share.give_aways,
        share.counted,
        percent(share.give_aways, share.counted)
    )];
    let give_aways = by_ratio(measured.iter().filter(|m| m.longest.gives_away()).collect());
    lines.extend(give_aways.into_iter().map(|m| format!("  {}", describe(m))));
    vec![lines.join("\n")]
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

//! A question's place in spaced review, scheduled by FSRS (the `rs-fsrs` crate of the Open
//! Spaced Repetition project): this module only converts to and from its types and keeps the
//! state in a form that is stored as plain numbers.

use crate::quiz::Grade;
use chrono::{DateTime, Utc};
use rs_fsrs::{Parameters, Rating, Seed, State, FSRS};

pub const DAY_MS: f64 = 86_400_000.0;

/// The retention the scheduler aims for unless the learner changes it.
pub const DEFAULT_RETENTION: f64 = 0.9;
/// The range the settings allow: below it reviews are too sparse to help, above it too many.
pub const RETENTION_RANGE: (f64, f64) = (0.7, 0.97);

/// FSRS memory state of one question.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Card {
    pub due_ms: f64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning (FSRS's states).
    pub state: u8,
    pub last_review_ms: f64,
}

impl Default for Card {
    fn default() -> Self {
        Card::from_fsrs(&rs_fsrs::Card::default())
    }
}

/// The fuzz seed FSRS would otherwise take from the clock (`Seed::default` reads `Utc::now()`):
/// fuzz is off, so it never changes an interval, but the core reads no hidden clock.
const FSRS_SEED: &str = "pyquiz";

/// FSRS-5's default weights, as rs-fsrs 1.2 ships them (a test checks they still agree): they
/// are private in the crate, and its `Parameters::default()` reads the clock.
const WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// FSRS's parameters, every field given. Long-term scheduling (whole days, no same-day
/// learning steps): a quiz is not a deck drilled within one sitting; "Practise my mistakes"
/// covers that.
fn parameters(retention: f64) -> Parameters {
    let (lo, hi) = RETENTION_RANGE;
    Parameters {
        request_retention: retention.clamp(lo, hi),
        maximum_interval: 36_500,
        w: WEIGHTS,
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: false,
        enable_fuzz: false,
        seed: Seed::new(FSRS_SEED),
    }
}

fn nine_places(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

fn time(ms: f64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

fn millis(t: DateTime<Utc>) -> f64 {
    t.timestamp_millis() as f64
}

fn state_from(n: u8) -> State {
    match n {
        1 => State::Learning,
        2 => State::Review,
        3 => State::Relearning,
        _ => State::New,
    }
}

fn rating(g: Grade) -> Rating {
    match g {
        Grade::Again => Rating::Again,
        Grade::Hard => Rating::Hard,
        Grade::Good => Rating::Good,
        Grade::Easy => Rating::Easy,
    }
}

impl Card {
    fn to_fsrs(self) -> rs_fsrs::Card {
        rs_fsrs::Card {
            due: time(self.due_ms),
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: state_from(self.state),
            last_review: time(self.last_review_ms),
        }
    }

    fn from_fsrs(c: &rs_fsrs::Card) -> Card {
        Card {
            due_ms: millis(c.due),
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            state: c.state as u8,
            last_review_ms: millis(c.last_review),
        }
    }

    /// The card after answering with `grade` at `now_ms`, aiming at `retention`.
    pub fn review(self, grade: Grade, now_ms: f64, retention: f64) -> Card {
        let next =
            FSRS::new(parameters(retention)).next(self.to_fsrs(), time(now_ms), rating(grade));
        let mut card = Card::from_fsrs(&next.card);
        // Kept to the precision storage writes (see `json::fixed`), so a saved card reads back
        // exactly as it was.
        card.stability = nine_places(card.stability);
        card.difficulty = nine_places(card.difficulty);
        card
    }

    /// The probability of recalling it now (0 for a card never reviewed). FSRS's forgetting
    /// curve over the exact time elapsed: the crate's own helper counts whole days, which
    /// would make a question missed an hour ago look perfectly remembered.
    pub fn retrievability(&self, now_ms: f64) -> f64 {
        if self.is_new() || self.stability <= 0.0 {
            return 0.0;
        }
        let days = ((now_ms - self.last_review_ms) / DAY_MS).max(0.0);
        Parameters::forgetting_curve(days, self.stability)
    }

    pub fn is_new(&self) -> bool {
        self.state == State::New as u8
    }

    pub fn is_due(&self, now_ms: f64) -> bool {
        !self.is_new() && self.due_ms <= now_ms
    }

    /// A card for a question last answered with Leitner scheduling (storage version 1):
    /// its box `0..=5` meant an interval of 0, 1, 3, 7, 16 or 35 days. At the retention FSRS
    /// aims for by default the interval equals the stability, so the box carries over as
    /// stability; box 0 (last answer wrong) is relearning and due at once.
    pub fn from_leitner(review_box: u8, last_seen_ms: f64, attempts: u32, correct: u32) -> Card {
        const INTERVAL_DAYS: [f64; 6] = [0.0, 1.0, 3.0, 7.0, 16.0, 35.0];
        let days = INTERVAL_DAYS[usize::from(review_box.min(5))];
        let misses = attempts.saturating_sub(correct);
        let accuracy = if attempts == 0 {
            0.5
        } else {
            f64::from(correct) / f64::from(attempts)
        };
        Card {
            due_ms: last_seen_ms + days * DAY_MS,
            // FSRS never lets stability drop to zero; its smallest first-review value is 0.4.
            stability: days.max(0.4),
            // 1 (easy) to 10 (hard), from how often it was missed.
            difficulty: (9.0 - 6.0 * accuracy).clamp(1.0, 10.0),
            elapsed_days: 0,
            scheduled_days: days as i64,
            reps: attempts.min(i32::MAX as u32) as i32,
            lapses: misses.min(i32::MAX as u32) as i32,
            state: if review_box == 0 {
                State::Relearning
            } else {
                State::Review
            } as u8,
            last_review_ms: last_seen_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_767_225_600_000.0; // 2026-01-01

    #[test]
    fn a_new_card_answered_right_comes_back_later_than_one_answered_wrong() {
        let new = Card::default();
        assert!(new.is_new() && !new.is_due(T0));
        let good = new.review(Grade::Good, T0, DEFAULT_RETENTION);
        let again = new.review(Grade::Again, T0, DEFAULT_RETENTION);
        let easy = new.review(Grade::Easy, T0, DEFAULT_RETENTION);
        assert!(again.due_ms < good.due_ms && good.due_ms < easy.due_ms);
        assert_eq!(
            again.due_ms - T0,
            DAY_MS,
            "a miss is due again the next day"
        );
        assert!(again.is_due(T0 + DAY_MS));
        assert!(!good.is_due(T0 + DAY_MS), "a right answer waits longer");
        assert_eq!(good.reps, 1);
        assert_eq!(good.last_review_ms, T0);
    }

    #[test]
    fn parameters_are_the_crates_defaults_with_a_fixed_seed_and_no_clock() {
        let p = parameters(0.8);
        let d = Parameters::default();
        assert_eq!(p.w, d.w, "the weights still match the crate's");
        assert_eq!(
            (p.maximum_interval, p.decay, p.factor),
            (d.maximum_interval, d.decay, d.factor)
        );
        assert_eq!(
            (p.request_retention, p.enable_short_term, p.enable_fuzz),
            (0.8, false, false)
        );
        assert_eq!(p.seed.inner_str(), FSRS_SEED, "not a timestamp");
        assert_eq!(parameters(5.0).request_retention, RETENTION_RANGE.1);
    }

    #[test]
    fn higher_retention_means_sooner_reviews() {
        let mut lax = Card::default();
        let mut strict = Card::default();
        let mut now = T0;
        for _ in 0..4 {
            lax = lax.review(Grade::Good, now, 0.75);
            strict = strict.review(Grade::Good, now, 0.95);
            now = lax.due_ms.max(strict.due_ms) + DAY_MS;
        }
        assert!(
            strict.scheduled_days < lax.scheduled_days,
            "{strict:?} vs {lax:?}"
        );
    }

    #[test]
    fn retrievability_falls_with_time() {
        let c = Card::default().review(Grade::Good, T0, 0.9).review(
            Grade::Good,
            T0 + 3.0 * DAY_MS,
            0.9,
        );
        let soon = c.retrievability(T0 + 4.0 * DAY_MS);
        let late = c.retrievability(T0 + 60.0 * DAY_MS);
        assert!(soon > late && soon <= 1.0 && late > 0.0, "{soon} {late}");
        let missed = Card::default().review(Grade::Again, T0, 0.9);
        assert!(
            missed.retrievability(T0 + DAY_MS / 2.0) < 0.9,
            "a fresh miss is not remembered well"
        );
        assert_eq!(Card::default().retrievability(T0), 0.0);
    }

    #[test]
    fn leitner_boxes_become_fsrs_state() {
        let wrong = Card::from_leitner(0, T0, 3, 1);
        assert_eq!(wrong.state, State::Relearning as u8);
        assert!(wrong.is_due(T0), "box 0 was due at once");
        assert_eq!(wrong.lapses, 2);
        let known = Card::from_leitner(4, T0, 5, 5);
        assert_eq!(known.state, State::Review as u8);
        assert_eq!(known.due_ms, T0 + 16.0 * DAY_MS);
        assert!(!known.is_due(T0 + 15.0 * DAY_MS) && known.is_due(T0 + 16.0 * DAY_MS));
        assert!(known.difficulty < wrong.difficulty);
        assert_eq!(
            Card::from_leitner(200, T0, 1, 1).scheduled_days,
            35,
            "a corrupt box is the last"
        );
        // The migrated card goes on being scheduled by FSRS.
        let next = known.review(Grade::Good, T0 + 16.0 * DAY_MS, DEFAULT_RETENTION);
        assert!(next.scheduled_days > 16, "{next:?}");
    }
}

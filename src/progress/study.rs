//! What to study next and how it is going: due reviews in the order most worth doing, recent
//! mistakes, weak topics, and the numbers behind the progress page's charts. Pure, with the
//! time and the time zone passed in.

use super::card::DAY_MS;
use super::records::Records;
use crate::quiz::Grade;
use std::collections::BTreeSet;

/// A local calendar day, counted from 1970-01-01 in the learner's time zone.
pub fn day_of(ms: f64, tz_offset_min: f64) -> i64 {
    ((ms - tz_offset_min * 60_000.0) / DAY_MS).floor() as i64
}

/// Days since 1970-01-01 to a (year, month, day) date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "Nov 30" for a day number.
pub fn short_date(day: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, m, d) = civil_from_days(day);
    format!("{} {d}", MONTHS[(m as usize).clamp(1, 12) - 1])
}

/// The page's one measure of accuracy, in one line of visible help: what every "% right" on the
/// Progress page (tiles, topic table and charts) means. `Tally` computes it.
pub const ACCURACY_HELP: &str =
    "% right = right answers ÷ answers given. A skipped question counts as a wrong answer.";

/// What "mastery" means, in one line of visible help next to where it is shown.
pub const MASTERY_HELP: &str =
    "Mastery = the chance you would recall each of a topic's questions today, as FSRS \
     estimates it, averaged over all its questions (unseen ones and last misses count as 0).";

/// Answers given and how many were right: "% right" everywhere on the Progress page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub answers: usize,
    pub right: usize,
}

impl Tally {
    /// One answer, right when its grade is not Again.
    pub fn add(&mut self, grade: Grade) {
        self.answers += 1;
        self.right += usize::from(grade.is_correct());
    }

    /// Right answers as a share of answers given, rounded to a whole percent; none without
    /// answers.
    pub fn percent(&self) -> Option<u32> {
        (self.answers > 0).then(|| (self.right as f64 * 100.0 / self.answers as f64).round() as u32)
    }
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, o: Tally) -> Tally {
        Tally {
            answers: self.answers + o.answers,
            right: self.right + o.right,
        }
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), |a, b| a + b)
    }
}

/// Numbers for a set of questions (a topic, or the whole bank).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub total: usize,
    /// Distinct questions tried at least once.
    pub answered: usize,
    /// Every answer given to them, all time: accuracy is `answers.percent()`.
    pub answers: Tally,
    pub due: usize,
    /// How well the questions are known, 0 to 1 (`MASTERY_HELP`): the mean recall probability
    /// of those last answered right (missed and unseen ones count as 0).
    pub mastery: f64,
}

impl Stats {
    pub fn mastery_percent(&self) -> u32 {
        (self.mastery * 100.0).round() as u32
    }
}

pub fn stats<'a>(records: &Records, ids: impl Iterator<Item = &'a str>, now_ms: f64) -> Stats {
    let mut s = Stats::default();
    let mut recall = 0.0;
    for id in ids {
        s.total += 1;
        if let Some(r) = records.map.get(id) {
            s.answered += 1;
            s.answers = s.answers
                + Tally {
                    answers: r.attempts as usize,
                    right: r.correct as usize,
                };
            s.due += usize::from(r.card.is_due(now_ms));
            if !r.missed_last() {
                recall += r.card.retrievability(now_ms);
            }
        }
    }
    if s.total > 0 {
        s.mastery = recall / s.total as f64;
    }
    s
}

/// Due questions among `ids`, the most forgotten (lowest recall probability) first.
pub fn due_queue<'a>(
    records: &Records,
    ids: impl Iterator<Item = &'a str>,
    now_ms: f64,
) -> Vec<String> {
    let mut due: Vec<(&str, f64, f64)> = ids
        .filter_map(|id| {
            let r = records.map.get(id)?;
            r.card
                .is_due(now_ms)
                .then(|| (id, r.card.retrievability(now_ms), r.card.due_ms))
        })
        .collect();
    // By recall probability, ties by due date: sort by the tie-breaker first, then stably.
    crate::order::sort_by_key_f64(&mut due, |d| d.2);
    crate::order::sort_by_key_f64(&mut due, |d| d.1);
    due.into_iter().map(|(id, _, _)| id.to_string()).collect()
}

/// How many of `ids` are due: the count the navigation and the home page show, without
/// ordering them.
pub fn due_count<'a>(records: &Records, ids: impl Iterator<Item = &'a str>, now_ms: f64) -> usize {
    ids.filter(|id| records.map.get(*id).is_some_and(|r| r.card.is_due(now_ms)))
        .count()
}

/// Questions whose last answer was wrong (or skipped), the most recent miss first.
pub fn mistakes<'a>(records: &Records, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut missed: Vec<(&str, f64)> = ids
        .filter_map(|id| {
            let r = records.map.get(id)?;
            r.missed_last().then_some((id, r.last_ms))
        })
        .collect();
    crate::order::sort_by_key_f64(&mut missed, |m| -m.1);
    missed.into_iter().map(|(id, _)| id.to_string()).collect()
}

/// Topics tried so far, weakest first by mastery: `(topic, its question ids)` in, topic out.
pub fn weakest_topics<'a>(
    records: &Records,
    topics: impl Iterator<Item = (&'a str, Vec<&'a str>)>,
    now_ms: f64,
) -> Vec<&'a str> {
    let mut tried: Vec<(&str, f64)> = topics
        .filter_map(|(topic, ids)| {
            let s = stats(records, ids.into_iter(), now_ms);
            (s.answered > 0).then_some((topic, s.mastery))
        })
        .collect();
    crate::order::sort_by_key_f64(&mut tried, |t| t.1);
    tried.into_iter().map(|(t, _)| t).collect()
}

/// One day of practice: its answers and how many were right.
pub type Day = Tally;

/// Answers per day for the `days` days up to today (oldest first).
pub fn daily(records: &Records, now_ms: f64, tz_offset_min: f64, days: usize) -> Vec<Day> {
    let today = day_of(now_ms, tz_offset_min);
    let first = today - days as i64 + 1;
    let mut out = vec![Day::default(); days];
    for r in records.map.values() {
        for e in &r.log {
            let d = day_of(e.at_ms, tz_offset_min);
            if (first..=today).contains(&d) {
                out[(d - first) as usize].add(e.grade);
            }
        }
    }
    out
}

/// Reviews falling due on each of the next `days` days; today includes everything overdue.
pub fn forecast(records: &Records, now_ms: f64, tz_offset_min: f64, days: usize) -> Vec<usize> {
    let today = day_of(now_ms, tz_offset_min);
    let mut out = vec![0; days];
    for r in records.map.values().filter(|r| !r.card.is_new()) {
        let d = (day_of(r.card.due_ms, tz_offset_min) - today).max(0);
        if let Some(n) = out.get_mut(d as usize) {
            *n += 1;
        }
    }
    out
}

/// Days with at least one answer, and the current streak: consecutive days up to today (or
/// up to yesterday, when today has no answer yet).
pub fn activity(records: &Records, now_ms: f64, tz_offset_min: f64) -> (BTreeSet<i64>, usize) {
    let mut active = BTreeSet::new();
    for r in records.map.values() {
        for e in &r.log {
            active.insert(day_of(e.at_ms, tz_offset_min));
        }
    }
    let today = day_of(now_ms, tz_offset_min);
    let mut day = if active.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut streak = 0;
    while active.contains(&day) {
        streak += 1;
        day -= 1;
    }
    (active, streak)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Grade;

    const T0: f64 = 1_767_225_600_000.0; // 2026-01-01 00:00 UTC

    fn rec(r: &mut Records, id: &str, g: Grade, t: f64) {
        r.answer(id, g, t);
    }

    #[test]
    fn the_most_forgotten_due_question_comes_first() {
        use crate::progress::card::Card;
        use crate::progress::records::Record;
        let now = T0 + 60.0 * DAY_MS;
        let rec = |card: Card, grade| Record {
            card,
            attempts: 3,
            correct: 2,
            last_ms: card.last_review_ms,
            last_grade: grade,
            log: vec![],
            changed_ms: card.last_review_ms,
        };
        let mut r = Records::default();
        // Well known (stability 35 days), seen 36 days ago: a day overdue, still likely recalled.
        r.map.insert(
            "known".into(),
            rec(
                Card::from_leitner(5, now - 36.0 * DAY_MS, 5, 5),
                Grade::Good,
            ),
        );
        // Missed six days ago: six days overdue and probably forgotten.
        r.map.insert(
            "missed".into(),
            rec(
                Card::from_leitner(0, now - 6.0 * DAY_MS, 3, 2),
                Grade::Again,
            ),
        );
        // Answered right a week ago with a two-week interval: not due.
        r.map.insert(
            "fresh".into(),
            rec(Card::from_leitner(4, now - 7.0 * DAY_MS, 2, 2), Grade::Good),
        );
        let queue = due_queue(&r, ["known", "missed", "fresh", "new"].into_iter(), now);
        assert_eq!(queue, ["missed", "known"]);
        let ids = ["known", "missed", "fresh", "new"];
        assert_eq!(due_count(&r, ids.into_iter(), now), queue.len());
        assert_eq!(
            due_count(&r, ids.into_iter(), now - 30.0 * DAY_MS),
            0,
            "a month earlier nothing was due"
        );
        let recall = |id: &str| r.map[id].card.retrievability(now);
        assert!(recall("missed") < recall("known"));
    }

    #[test]
    fn mistakes_are_the_last_misses_newest_first() {
        let mut r = Records::default();
        rec(&mut r, "a", Grade::Again, T0);
        rec(&mut r, "b", Grade::Again, T0 + 10.0);
        rec(&mut r, "c", Grade::Again, T0);
        rec(&mut r, "c", Grade::Good, T0 + 20.0);
        assert_eq!(mistakes(&r, ["a", "b", "c"].into_iter()), ["b", "a"]);
    }

    #[test]
    fn stats_and_weakest_topics() {
        let mut r = Records::default();
        rec(&mut r, "a1", Grade::Good, T0);
        rec(&mut r, "a2", Grade::Good, T0);
        rec(&mut r, "b1", Grade::Again, T0);
        let now = T0 + DAY_MS;
        let s = stats(&r, ["a1", "a2", "a3"].into_iter(), now);
        assert_eq!((s.total, s.answered), (3, 2));
        assert_eq!(s.answers.percent(), Some(100));
        assert!(s.mastery > 0.0 && s.mastery < 1.0);
        let topics = vec![
            ("a", vec!["a1", "a2", "a3"]),
            ("b", vec!["b1"]),
            ("c", vec!["c1"]),
        ];
        assert_eq!(
            weakest_topics(&r, topics.into_iter(), now),
            ["b", "a"],
            "c was never tried"
        );
    }

    #[test]
    fn accuracy_counts_answers_the_same_way_in_totals_and_per_day() {
        let mut r = Records::default();
        rec(&mut r, "a", Grade::Again, T0);
        rec(&mut r, "a", Grade::Good, T0 + 10.0);
        rec(&mut r, "b", Grade::Hard, T0 + 20.0);
        rec(&mut r, "c", Grade::Again, T0 + 30.0);
        let s = stats(&r, ["a", "b", "c"].into_iter(), T0 + 40.0);
        // Right on the last try would be 2 of 3 questions (67%): % right is 2 of 4 answers.
        assert_eq!(
            s.answers,
            Tally {
                answers: 4,
                right: 2
            }
        );
        assert_eq!(s.answers.percent(), Some(50));
        let days = daily(&r, T0 + 40.0, 0.0, 1);
        assert_eq!(days[0], s.answers, "the chart counts the same answers");
        assert_eq!(Tally::default().percent(), None);
        let two_of_three = Tally {
            answers: 3,
            right: 2,
        };
        assert_eq!(two_of_three.percent(), Some(67), "rounded, not truncated");
        assert_eq!(
            days.iter().copied().sum::<Tally>() + two_of_three,
            Tally {
                answers: 7,
                right: 4
            }
        );
    }

    #[test]
    fn daily_counts_forecast_and_streak_use_local_days() {
        let mut r = Records::default();
        // UTC+2 (offset -120): 23:30 UTC is already the next local day.
        let tz = -120.0;
        rec(&mut r, "a", Grade::Good, T0 + 23.5 * 3_600_000.0); // local Jan 2
        rec(&mut r, "b", Grade::Again, T0 + DAY_MS + 3_600_000.0); // local Jan 2
        rec(&mut r, "c", Grade::Good, T0 + 2.0 * DAY_MS + 3_600_000.0); // local Jan 3
        let now = T0 + 2.0 * DAY_MS + 7_200_000.0;
        let days = daily(&r, now, tz, 3);
        assert_eq!(
            days,
            [
                Day {
                    answers: 0,
                    right: 0
                },
                Day {
                    answers: 2,
                    right: 1
                },
                Day {
                    answers: 1,
                    right: 1
                }
            ]
        );
        let (active, streak) = activity(&r, now, tz);
        assert_eq!((active.len(), streak), (2, 2));
        let (_, later) = activity(&r, now + DAY_MS, tz);
        assert_eq!(later, 2, "no answer yet today keeps yesterday's streak");
        let (_, broken) = activity(&r, now + 2.0 * DAY_MS, tz);
        assert_eq!(broken, 0);
        let f = forecast(&r, now, tz, 14);
        assert_eq!(f.len(), 14);
        assert_eq!(
            f.iter().sum::<usize>(),
            3,
            "every reviewed card falls due within two weeks"
        );
        assert!(f[0] >= 1, "the miss is due today");
    }
}

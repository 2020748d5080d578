//! Spaced review, Leitner style: a right answer moves a question to a later box, a wrong one
//! back to the first. Simple enough to explain on the progress page.

use super::QuestionRecord;
use crate::quiz::Grade;

pub const DAY_MS: f64 = 86_400_000.0;

/// Days until a question in box N is due again.
pub const INTERVAL_DAYS: [f64; 6] = [0.0, 1.0, 3.0, 7.0, 16.0, 35.0];

pub fn next_box(current: u8, grade: Grade) -> u8 {
    let last = (INTERVAL_DAYS.len() - 1) as u8;
    match grade {
        Grade::Again => 0,
        Grade::Hard => current.max(1),
        Grade::Good => (current + 1).min(last),
        Grade::Easy => (current + 2).min(last),
    }
}

pub fn is_due(rec: &QuestionRecord, now_ms: f64) -> bool {
    let days = INTERVAL_DAYS[usize::from(rec.review_box).min(INTERVAL_DAYS.len() - 1)];
    now_ms >= rec.last_seen_ms + days * DAY_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_move_with_grades_and_stay_in_range() {
        assert_eq!(next_box(3, Grade::Again), 0);
        assert_eq!(next_box(0, Grade::Hard), 1);
        assert_eq!(next_box(3, Grade::Hard), 3);
        assert_eq!(next_box(0, Grade::Good), 1);
        assert_eq!(next_box(0, Grade::Easy), 2);
        assert_eq!(next_box(5, Grade::Easy), 5);
        assert_eq!(next_box(4, Grade::Good), 5);
    }

    #[test]
    fn due_after_the_box_interval() {
        let rec = QuestionRecord {
            attempts: 1,
            correct: 1,
            last_seen_ms: 0.0,
            last_grade: Grade::Good,
            review_box: 2,
        };
        assert!(!is_due(&rec, 2.9 * DAY_MS));
        assert!(is_due(&rec, 3.0 * DAY_MS));
        let corrupt = QuestionRecord {
            review_box: 200,
            ..rec
        };
        assert!(
            !is_due(&corrupt, DAY_MS),
            "an out-of-range box is treated as the last"
        );
    }
}

//! The sentences the state tells the learner, with numbers that agree with their words.

/// "1 question" / "2 questions".
fn questions(n: usize) -> String {
    if n == 1 {
        "1 question".into()
    } else {
        format!("{n} questions")
    }
}

/// "1 question in this quiz no longer exists and was left out." (`whose`: "in this quiz", "of
/// your saved quiz").
pub fn left_out(n: usize, whose: &str) -> String {
    let (verb, was) = if n == 1 {
        ("exists", "was")
    } else {
        ("exist", "were")
    };
    format!(
        "{} {whose} no longer {verb} and {was} left out.",
        questions(n)
    )
}

/// A quiz link whose end could not be read (its length is not in the link).
pub fn link_cut_off(ready: usize) -> String {
    let rest = if ready == 1 {
        "The question before it is ready.".to_string()
    } else {
        format!("The {ready} questions before it are ready.")
    };
    format!("This link looks cut off: the last question id could not be read. {rest}")
}

/// A score link holding fewer questions than it scored.
pub fn score_cut_off(unread: usize, total: usize) -> String {
    format!("This link looks cut off: {unread} of the {total} questions could not be read.")
}

pub const GONE: &str = "None of the questions in this link exist any more.";
pub const NOTHING_TO_QUIZ: &str = "There are no questions to quiz on with these choices.";
pub const NONE_EXIST: &str = "None of the questions in this quiz exist any more.";
pub const KEPT_UNFINISHED: &str = "Your unfinished quiz is kept: continue it from the home page.";
pub const ERASED: &str = "Your progress was erased.";
pub const BACK: &str = "Your progress is back.";
pub const REPLACED: &str = "Your progress was replaced by the imported file.";

/// "3 question records brought in, and 1 bookmark."
pub fn adopted(records: usize, bookmarks: usize) -> String {
    format!(
        "{records} question record{} brought in{}.",
        if records == 1 { "" } else { "s" },
        match bookmarks {
            0 => String::new(),
            1 => ", and 1 bookmark".into(),
            b => format!(", and {b} bookmarks"),
        }
    )
}

/// What a new desired retention does, and when: reviews already scheduled keep their dates.
pub fn retention_set(retention: f64) -> String {
    format!(
        "Desired retention is now {}%. It applies from your next answer to each question; \
         reviews already scheduled keep their dates.",
        (retention * 100.0).round()
    )
}

/// Saved topics the bank no longer has.
pub fn topics_gone(gone: &[String]) -> String {
    format!(
        "Your saved topic choice included {} that no longer exist{} ({}); it was left out.",
        if gone.len() == 1 { "a topic" } else { "topics" },
        if gone.len() == 1 { "s" } else { "" },
        gone.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words_agree() {
        assert_eq!(
            left_out(1, "in this quiz"),
            "1 question in this quiz no longer exists and was left out."
        );
        assert_eq!(
            left_out(3, "of your saved quiz"),
            "3 questions of your saved quiz no longer exist and were left out."
        );
        assert_eq!(
            link_cut_off(1),
            "This link looks cut off: the last question id could not be read. The question before it is ready."
        );
        assert!(link_cut_off(2).ends_with("The 2 questions before it are ready."));
        assert_eq!(
            score_cut_off(3, 5),
            "This link looks cut off: 3 of the 5 questions could not be read."
        );
        assert_eq!(
            adopted(1, 2),
            "1 question record brought in, and 2 bookmarks."
        );
        assert_eq!(
            retention_set(0.97),
            "Desired retention is now 97%. It applies from your next answer to each question; \
             reviews already scheduled keep their dates."
        );
        assert_eq!(
            topics_gone(&["a".into()]),
            "Your saved topic choice included a topic that no longer exists (a); it was left out."
        );
    }
}

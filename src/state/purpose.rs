//! Why a quiz was started, and the name it goes by on the quiz page, the continue card and the
//! results ("Reviews due", "Your 14 mistakes", "Cram: Asyncio — your review dates stay as they
//! are"). The session keeps it as a short tag, so a quiz continued after a reload keeps its name.

use crate::bank::topics_of;
use crate::quiz::Session;

/// Why a quiz was started: it names the quiz, and decides whether its answers move review dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Picked by topic, opened from a link, or a retry: a plain quiz, scheduled for review.
    Study,
    /// "Cram a topic": answers are counted but leave the review schedule alone.
    Cram,
    /// The reviews the scheduler says are due.
    Due,
    /// Questions last answered wrong (or skipped).
    Mistakes,
    /// Questions from the topics known least.
    Weakest,
    /// The learner's bookmarks.
    Bookmarks,
    /// "Quiz these results" from Browse.
    Search,
    /// The quiz of a friend's score link, with their score to compare against.
    Friend { correct: usize, total: usize },
}

impl Purpose {
    /// Whether its answers move review dates.
    pub fn scheduled(self) -> bool {
        self != Purpose::Cram
    }

    /// The tag a session keeps (`None` for a plain quiz).
    pub fn tag(self) -> Option<String> {
        let tag = match self {
            Purpose::Study => return None,
            Purpose::Cram => "cram",
            Purpose::Due => "due",
            Purpose::Mistakes => "mistakes",
            Purpose::Weakest => "weakest",
            Purpose::Bookmarks => "bookmarks",
            Purpose::Search => "search",
            Purpose::Friend { correct, total } => return Some(format!("friend:{correct}-{total}")),
        };
        Some(tag.to_string())
    }

    /// Reads a tag back; one this version does not know is a plain quiz.
    pub fn parse(tag: &str) -> Purpose {
        match tag {
            "cram" => Purpose::Cram,
            "due" => Purpose::Due,
            "mistakes" => Purpose::Mistakes,
            "weakest" => Purpose::Weakest,
            "bookmarks" => Purpose::Bookmarks,
            "search" => Purpose::Search,
            _ => tag
                .strip_prefix("friend:")
                .and_then(|score| score.split_once('-'))
                .and_then(|(c, t)| Some((c.parse().ok()?, t.parse().ok()?)))
                .filter(|&(c, t)| c <= t && t > 0)
                .map_or(Purpose::Study, |(correct, total)| Purpose::Friend {
                    correct,
                    total,
                }),
        }
    }

    /// The purpose of a session (a crammed quiz saved before quizzes had tags is still one).
    pub fn of(session: &Session) -> Purpose {
        match &session.purpose {
            Some(tag) => Purpose::parse(tag),
            None if !session.scheduled => Purpose::Cram,
            None => Purpose::Study,
        }
    }
}

/// "Scope & closures, Memory management and 2 more": the topics of a quiz's questions.
pub fn topic_names(ids: &[String]) -> String {
    let titles: Vec<&str> = topics_of(ids.iter().map(String::as_str))
        .iter()
        .map(|t| t.title)
        .collect();
    match titles.len() {
        0..=2 => titles.join(" and "),
        n => format!("{}, {} and {} more", titles[0], titles[1], n - 2),
    }
}

fn questions(n: usize) -> String {
    if n == 1 {
        "1 question".into()
    } else {
        format!("{n} questions")
    }
}

/// What the quiz is, in a few words: shown above it, on its continue card and on its results.
pub fn quiz_title(session: &Session) -> String {
    let ids = &session.ids;
    let n = ids.len();
    match Purpose::of(session) {
        Purpose::Study => format!("{} quiz on {}", session.mode.label(), topic_names(ids)),
        Purpose::Cram => format!(
            "Cram: {} — your review dates stay as they are",
            topic_names(ids)
        ),
        Purpose::Due => format!("Reviews due: {}", questions(n)),
        Purpose::Mistakes if n == 1 => "Your 1 mistake".into(),
        Purpose::Mistakes => format!("Your {n} mistakes"),
        Purpose::Weakest => format!("Your weakest topics: {}", topic_names(ids)),
        Purpose::Bookmarks => format!("Your bookmarks: {}", questions(n)),
        Purpose::Search => format!("Search results: {}", questions(n)),
        Purpose::Friend { correct, total } => {
            format!("A friend's quiz: they scored {correct} / {total}")
        }
    }
}

/// "You 4 / 5 · your friend 3 / 5", after a friend's scored quiz; `None` for any other quiz.
/// A link cut short held fewer questions than the friend answered: said so, not compared.
pub fn friend_comparison(session: &Session, correct: usize, total: usize) -> Option<String> {
    let Purpose::Friend {
        correct: theirs,
        total: their_total,
    } = Purpose::of(session)
    else {
        return None;
    };
    Some(if their_total == total {
        format!("You {correct} / {total} · your friend {theirs} / {their_total}")
    } else {
        format!(
            "You {correct} / {total} · your friend {theirs} / {their_total} on the whole quiz \
             (the link held {total} of its questions)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{QUESTIONS, TOPICS};
    use crate::quiz::Mode;

    fn session(ids: &[&str], purpose: Purpose) -> Session {
        let mut s = Session::new(
            ids.iter().map(|s| s.to_string()).collect(),
            Mode::Practice,
            0.0,
        );
        s.purpose = purpose.tag();
        s.scheduled = purpose.scheduled();
        s
    }

    fn first_of_topic(i: usize) -> &'static str {
        QUESTIONS.iter().find(|q| q.topic_index == i).unwrap().id
    }

    #[test]
    fn every_purpose_survives_its_tag() {
        for p in [
            Purpose::Study,
            Purpose::Cram,
            Purpose::Due,
            Purpose::Mistakes,
            Purpose::Weakest,
            Purpose::Bookmarks,
            Purpose::Search,
            Purpose::Friend {
                correct: 3,
                total: 5,
            },
        ] {
            assert_eq!(Purpose::parse(p.tag().as_deref().unwrap_or("")), p, "{p:?}");
        }
        for junk in [
            "",
            "party",
            "friend:",
            "friend:6-5",
            "friend:1-0",
            "friend:x-5",
        ] {
            assert_eq!(Purpose::parse(junk), Purpose::Study, "{junk}");
        }
        assert!(!Purpose::Cram.scheduled() && Purpose::Due.scheduled());
    }

    #[test]
    fn study_sessions_say_what_they_are() {
        let a = first_of_topic(0);
        let b = first_of_topic(1);
        let topic = TOPICS[0].title;
        assert_eq!(
            quiz_title(&session(&[a], Purpose::Cram)),
            format!("Cram: {topic} — your review dates stay as they are")
        );
        assert_eq!(
            quiz_title(&session(&[a, b], Purpose::Mistakes)),
            "Your 2 mistakes"
        );
        assert_eq!(
            quiz_title(&session(&[a], Purpose::Mistakes)),
            "Your 1 mistake"
        );
        assert_eq!(
            quiz_title(&session(&[a, b], Purpose::Due)),
            "Reviews due: 2 questions"
        );
        assert_eq!(
            quiz_title(&session(&[a], Purpose::Bookmarks)),
            "Your bookmarks: 1 question"
        );
        assert_eq!(
            quiz_title(&session(&[a], Purpose::Study)),
            format!("Practice quiz on {topic}")
        );
        // Saved before quizzes kept their purpose: a crammed one is still named as such.
        let mut old = session(&[a], Purpose::Study);
        old.scheduled = false;
        assert!(quiz_title(&old).starts_with("Cram: "));
    }

    #[test]
    fn a_friends_quiz_compares_scores_only_on_the_same_questions() {
        let friend = Purpose::Friend {
            correct: 3,
            total: 5,
        };
        let ids = ["a-1", "a-2", "a-3", "a-4", "a-5"];
        let s = session(&ids, friend);
        assert_eq!(
            friend_comparison(&s, 4, 5).as_deref(),
            Some("You 4 / 5 · your friend 3 / 5")
        );
        let cut = session(&ids[..2], friend);
        assert_eq!(
            friend_comparison(&cut, 2, 2).as_deref(),
            Some("You 2 / 2 · your friend 3 / 5 on the whole quiz (the link held 2 of its questions)")
        );
        assert_eq!(friend_comparison(&session(&ids, Purpose::Due), 4, 5), None);
    }

    #[test]
    fn topic_names_stay_short() {
        let ids: Vec<String> = (0..4).map(|i| first_of_topic(i).to_string()).collect();
        assert_eq!(
            topic_names(&ids),
            format!("{}, {} and 2 more", TOPICS[0].title, TOPICS[1].title)
        );
        assert_eq!(
            topic_names(&ids[..2]),
            format!("{} and {}", TOPICS[0].title, TOPICS[1].title)
        );
    }
}

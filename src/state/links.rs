//! What opening a shared link does (review A2): continue the quiz it names, start it, or say
//! why it cannot be had. A pure decision the page renders; it never reads notice text.

use super::{messages, AppState, NoticeKind, Purpose};
use crate::bank::{question_meta, Difficulty, QUESTIONS};
use crate::quiz::{Mode, Session};
use crate::share::{ScoreLink, SharedLink};

/// What a shared quiz link leads to.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkOutcome {
    /// Its quiz is the one running: show it.
    Running,
    /// Its quiz was left unfinished (here or in another tab): continue it.
    Resume { id: f64 },
    /// Start it, with what could be read of it.
    Start { ids: Vec<String>, mode: Mode },
    /// Nothing of it can be had: say why (`title`, then the message).
    Broken {
        title: &'static str,
        message: String,
    },
}

/// An unknown id that begins a real one: the end of a link cut off inside its last id.
fn looks_cut(id: &str) -> bool {
    question_meta(id).is_none()
        && QUESTIONS
            .iter()
            .any(|q| q.id.len() > id.len() && q.id.starts_with(id))
}

/// A link's ids as the bank has them: those that exist, how many do not, and whether the last
/// was cut off.
struct Read {
    known: Vec<String>,
    missing: usize,
    cut_off: bool,
}

fn read(ids: &[String], cut_off: bool) -> Read {
    let cut_last = ids.last().is_some_and(|id| looks_cut(id));
    let whole = &ids[..ids.len() - usize::from(cut_last)];
    let known: Vec<String> = whole
        .iter()
        .filter(|id| question_meta(id).is_some())
        .cloned()
        .collect();
    Read {
        missing: whole.len() - known.len(),
        known,
        cut_off: cut_off || cut_last,
    }
}

impl AppState {
    /// What opening `link` leads to, given the quiz running and the quizzes saved.
    pub fn open_link(&self, link: &SharedLink) -> LinkOutcome {
        let read = read(&link.quiz.ids, link.cut_off);
        if read.known.is_empty() {
            return LinkOutcome::Broken {
                title: if read.cut_off {
                    "This link is cut off"
                } else {
                    "This quiz is gone"
                },
                message: if read.cut_off {
                    crate::share::LinkError::CutOff.to_string()
                } else {
                    messages::GONE.into()
                },
            };
        }
        let mode = link.quiz.mode;
        let same = |s: &Session| s.ids == read.known && s.mode == mode && !s.is_finished();
        if self.session().is_some_and(same) {
            return LinkOutcome::Running;
        }
        match self
            .unfinished()
            .into_iter()
            .find(|x| x.session.as_ref().is_some_and(same))
        {
            Some(saved) => LinkOutcome::Resume { id: saved.id },
            None => LinkOutcome::Start {
                ids: read.known,
                mode,
            },
        }
    }

    /// Carries out `open_link`; a new quiz says what of the link could not be had.
    pub(super) fn open(&mut self, link: &SharedLink, now: f64) -> bool {
        match self.open_link(link) {
            LinkOutcome::Running | LinkOutcome::Broken { .. } => false,
            LinkOutcome::Resume { id } => self.resume(id, now),
            LinkOutcome::Start { ids, mode } => {
                let read = read(&link.quiz.ids, link.cut_off);
                if read.cut_off {
                    self.notify(NoticeKind::Warning, messages::link_cut_off(ids.len()));
                }
                if read.missing > 0 {
                    let text =
                        messages::left_out(read.missing, "in this quiz") + " The rest are ready.";
                    self.notify(NoticeKind::Warning, text);
                }
                self.start(ids, mode, super::Purpose::Study, now)
            }
        }
    }
}

impl AppState {
    /// Takes the quiz of a friend's score link: continues it if it is running or unfinished,
    /// or starts it keeping their score, so its results can compare.
    pub(super) fn take_scored(&mut self, score: &ScoreLink, now: f64) -> bool {
        let link = SharedLink {
            quiz: score.quiz(),
            cut_off: false,
        };
        match self.open_link(&link) {
            LinkOutcome::Running | LinkOutcome::Broken { .. } => false,
            LinkOutcome::Resume { id } => self.resume(id, now),
            LinkOutcome::Start { ids, mode } => {
                let friend = Purpose::Friend {
                    correct: score.correct,
                    total: score.total,
                };
                self.start(ids, mode, friend, now)
            }
        }
    }

    /// The score of the last time this quiz was finished here, if it was: a link to it is the
    /// learner's own, not a friend's.
    pub fn taken_before(&self, link: &SharedLink) -> Option<(usize, usize)> {
        let ids = read(&link.quiz.ids, link.cut_off).known;
        self.saved_sessions().iter().find_map(|saved| {
            let s = saved.session.as_ref()?;
            (s.is_finished() && s.ids == ids && s.mode == link.quiz.mode).then(|| {
                let sum = s.summary();
                (sum.correct, sum.total)
            })
        })
    }
}

/// "Junior", "Mid and Senior", "Junior to Senior": the levels of these questions.
fn levels(ids: &[String]) -> String {
    let present: Vec<&str> = Difficulty::ALL
        .iter()
        .filter(|d| {
            ids.iter()
                .any(|id| question_meta(id).is_some_and(|m| m.difficulty == **d))
        })
        .map(|d| d.label())
        .collect();
    match present.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [a, b] => format!("{a} and {b}"),
        [first, .., last] => format!("{first} to {last}"),
    }
}

/// What a shared quiz holds, for the card that introduces it: "5 questions on Iterators &
/// generators", and their level ("Senior").
pub fn quiz_contents(ids: &[String]) -> (String, String) {
    let known: Vec<String> = ids
        .iter()
        .filter(|id| question_meta(id).is_some())
        .cloned()
        .collect();
    let n = known.len();
    let count = if n == 1 {
        "1 question".to_string()
    } else {
        format!("{n} questions")
    };
    (
        format!("{count} on {}", super::topic_names(&known)),
        levels(&known),
    )
}

/// What a score page says about a link cut short: how many of the scored questions it lost
/// (counting a last id cut off inside).
pub fn score_notice(link: &ScoreLink) -> Option<String> {
    let cut_last = link.ids.last().is_some_and(|id| looks_cut(id));
    let unread = link.unread() + usize::from(cut_last);
    (unread > 0).then(|| messages::score_cut_off(unread, link.total))
}

use crate::rich::Rich;
use serde::Serialize;
use std::rc::Rc;

/// How hard a question is, as authored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Junior,
    Mid,
    Senior,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Junior, Difficulty::Mid, Difficulty::Senior];

    /// The name used in content files, links and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Junior => "junior",
            Difficulty::Mid => "mid",
            Difficulty::Senior => "senior",
        }
    }

    pub fn parse(s: &str) -> Option<Difficulty> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Junior => "Junior",
            Difficulty::Mid => "Mid",
            Difficulty::Senior => "Senior",
        }
    }
}

/// The question types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multi,
    Output,
    Short,
    Flashcard,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Single,
        Kind::Multi,
        Kind::Output,
        Kind::Short,
        Kind::Flashcard,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Output => "output",
            Kind::Short => "short",
            Kind::Flashcard => "flashcard",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One topic's questions, shipped as `bank/<topic>.<hash>.json` and fetched on demand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub topic: String,
    /// Shared, so the app keeps them without copying.
    pub questions: Vec<Rc<Question>>,
}

/// A question ready to show: every Markdown field is already rich text, code is highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    pub min_python: Option<String>,
    /// The newest Python the answer holds for, when a later version changed it.
    pub max_python: Option<String>,
    pub prompt: Rich,
    /// Highlighted snippet of an `output` question: one code block.
    pub code: Option<Rich>,
    pub hint: Option<Rich>,
    pub explanation: Rich,
    pub docs: String,
    pub body: Body,
}

/// What the learner answers with, per type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Single {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
    },
    /// The real output and the distractors, already shuffled.
    Output {
        options: Vec<Choice>,
    },
    /// Accepted answers as authored; the first is the one shown as right. They are compared
    /// with `short_answer::matches`; `prose` answers ignore case.
    Short {
        answers: Vec<String>,
        prose: bool,
    },
    Flashcard {
        answer: Rich,
        checklist: Vec<Rich>,
    },
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Single { .. } => Kind::Single,
            Body::Multi { .. } => Kind::Multi,
            Body::Output { .. } => Kind::Output,
            Body::Short { .. } => Kind::Short,
            Body::Flashcard { .. } => Kind::Flashcard,
        }
    }

    /// The options of a choice-like question (single, multi, output).
    pub fn options(&self) -> &[Choice] {
        match self {
            Body::Single { options } | Body::Multi { options } | Body::Output { options } => {
                options
            }
            Body::Short { .. } | Body::Flashcard { .. } => &[],
        }
    }

    /// The option with this key, if the question still has it.
    pub fn option(&self, key: &str) -> Option<&Choice> {
        self.options().iter().find(|o| o.key == key)
    }
}

/// One option of a choice-like question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Derived from the option's source text at build time: saved answers store keys, so
    /// editing, adding or reordering options never changes what a saved answer means.
    pub key: String,
    /// Usually one paragraph, shown without it (see the app's `markup::rich_inline`).
    pub text: Rich,
    pub correct: bool,
    /// Why this option is right or wrong, shown next to it after answering.
    pub why: Option<Rich>,
}

/// A blogger's own quiz (`bank quiz`), read from a file on their site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnQuiz {
    pub title: String,
    pub description: Option<String>,
    pub questions: Vec<Rc<Question>>,
}

/// The key of an option written as `text`: 6 base-36 digits of its FNV-1a hash. White space
/// at the ends does not count, so re-indenting a file keeps every key.
pub fn option_key(text: &str) -> String {
    let mut h = crate::seed_from_str(text.trim());
    let mut out = String::with_capacity(6);
    for _ in 0..6 {
        let d = (h % 36) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
        h /= 36;
    }
    out
}

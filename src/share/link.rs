use crate::quiz::Mode;
use std::collections::BTreeSet;
use std::fmt;

/// More than any sensible quiz; keeps links and work bounded.
pub const MAX_LINK_IDS: usize = 100;
const MAX_ID_LEN: usize = 16;

/// Why a link could not be read; the message is shown to the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    NoQuestions,
    BadId(String),
    TooMany(usize),
    BadMode(String),
    BadScore(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoQuestions => write!(f, "This link names no questions."),
            LinkError::BadId(id) => write!(f, "This link is damaged: “{id}” is not a question id."),
            LinkError::TooMany(n) => write!(
                f,
                "This link names {n} questions; at most {MAX_LINK_IDS} are allowed."
            ),
            LinkError::BadMode(m) => write!(f, "This link asks for an unknown mode “{m}”."),
            LinkError::BadScore(s) => write!(f, "This score link is damaged (“{s}”)."),
        }
    }
}

/// At most this many characters of bad input are quoted back.
fn shown(text: &str) -> String {
    text.chars().take(24).collect()
}

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `a.b.c` → ids in order, repeats dropped. Linear in the input, and it stops at the first bad
/// id or as soon as there are too many: a crafted link of a million ids costs one scan.
pub fn parse_ids(text: &str) -> Result<Vec<String>, LinkError> {
    let mut ids: Vec<String> = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for part in text.split('.').map(str::trim).filter(|p| !p.is_empty()) {
        if !valid_id(part) {
            return Err(LinkError::BadId(shown(part)));
        }
        if seen.insert(part) {
            if ids.len() == MAX_LINK_IDS {
                let parts = text.split('.').filter(|p| !p.trim().is_empty()).count();
                return Err(LinkError::TooMany(parts));
            }
            ids.push(part.to_string());
        }
    }
    if ids.is_empty() {
        return Err(LinkError::NoQuestions);
    }
    Ok(ids)
}

/// A quiz as a link: its question ids in order, and its mode. Route: `#/q/<ids>[/exam]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizLink {
    pub ids: Vec<String>,
    pub mode: Mode,
}

impl QuizLink {
    /// The hash route, e.g. `/q/mut-01.fn-03/exam`.
    pub fn path(&self) -> String {
        let ids = self.ids.join(".");
        match self.mode {
            Mode::Practice => format!("/q/{ids}"),
            Mode::Exam => format!("/q/{ids}/exam"),
        }
    }

    pub fn parse(ids: &str, mode: Option<&str>) -> Result<QuizLink, LinkError> {
        let mode = match mode {
            None | Some("") | Some("practice") => Mode::Practice,
            Some("exam") => Mode::Exam,
            Some(other) => return Err(LinkError::BadMode(shown(other))),
        };
        Ok(QuizLink {
            ids: parse_ids(ids)?,
            mode,
        })
    }
}

/// "I scored 7/10 on this quiz". Route: `#/score/7-10/<ids>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreLink {
    pub correct: usize,
    pub total: usize,
    pub ids: Vec<String>,
}

impl ScoreLink {
    pub fn path(&self) -> String {
        format!(
            "/score/{}-{}/{}",
            self.correct,
            self.total,
            self.ids.join(".")
        )
    }

    pub fn parse(score: &str, ids: &str) -> Result<ScoreLink, LinkError> {
        let bad = || LinkError::BadScore(shown(score));
        let (c, t) = score.split_once('-').ok_or_else(bad)?;
        let number = |s: &str| {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<usize>().ok())
                .flatten()
        };
        let (correct, total) = (number(c).ok_or_else(bad)?, number(t).ok_or_else(bad)?);
        let ids = parse_ids(ids)?;
        if correct > total || total != ids.len() {
            return Err(bad());
        }
        Ok(ScoreLink {
            correct,
            total,
            ids,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiz_links_round_trip() {
        for mode in [Mode::Practice, Mode::Exam] {
            let link = QuizLink {
                ids: vec!["mut-01".into(), "fn-12".into(), "aio-3".into()],
                mode,
            };
            let path = link.path();
            let rest = path.strip_prefix("/q/").unwrap();
            let (ids, mode_part) = match rest.split_once('/') {
                Some((i, m)) => (i, Some(m)),
                None => (rest, None),
            };
            assert_eq!(QuizLink::parse(ids, mode_part), Ok(link));
        }
    }

    #[test]
    fn order_is_kept_and_repeats_dropped() {
        assert_eq!(parse_ids("b.a.b").unwrap(), ["b", "a"]);
        let repeated = vec!["a-1"; 5000].join(".");
        assert_eq!(
            parse_ids(&repeated).unwrap(),
            ["a-1"],
            "repeats do not count toward the cap"
        );
    }

    #[test]
    fn malformed_links_are_errors() {
        assert_eq!(parse_ids(""), Err(LinkError::NoQuestions));
        assert_eq!(parse_ids("..."), Err(LinkError::NoQuestions));
        assert_eq!(
            parse_ids("mut-01.<script>"),
            Err(LinkError::BadId("<script>".into()))
        );
        assert_eq!(parse_ids("MUT-01"), Err(LinkError::BadId("MUT-01".into())));
        assert!(matches!(
            parse_ids("averyveryverylongid"),
            Err(LinkError::BadId(_))
        ));
        let many: Vec<String> = (0..101).map(|i| format!("q-{i}")).collect();
        assert_eq!(parse_ids(&many.join(".")), Err(LinkError::TooMany(101)));
        assert_eq!(
            QuizLink::parse("a", Some("party")),
            Err(LinkError::BadMode("party".into()))
        );
    }

    #[test]
    fn a_huge_link_is_refused_with_its_size() {
        let huge: Vec<String> = (0..300_000).map(|i| format!("q{i}")).collect();
        let text = huge.join(".");
        assert_eq!(parse_ids(&text), Err(LinkError::TooMany(300_000)));
    }

    #[test]
    fn score_links_round_trip_and_reject_nonsense() {
        let ok = ScoreLink {
            correct: 1,
            total: 2,
            ids: vec!["a-1".into(), "b-2".into()],
        };
        assert_eq!(ScoreLink::parse("1-2", "a-1.b-2"), Ok(ok.clone()));
        assert_eq!(ok.path(), "/score/1-2/a-1.b-2");
        for bad in [
            "3-2",
            "x-2",
            "12",
            "1-3",
            "-1-2",
            "+1-2",
            "99999999999999999999-2",
        ] {
            assert!(ScoreLink::parse(bad, "a-1.b-2").is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_read_as_sentences() {
        assert_eq!(
            LinkError::BadId("x!".into()).to_string(),
            "This link is damaged: “x!” is not a question id."
        );
    }
}

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
    /// The score part of a score link is not a score (or does not fit its questions); the
    /// questions that could be read are still worth offering.
    BadScore {
        part: String,
        quiz: Option<QuizLink>,
    },
    /// A `%` escape that is not one (a link mangled on its way).
    BadEscape(String),
    /// Cut off before any question id could be read.
    CutOff,
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
            LinkError::BadScore { part, .. } => write!(
                f,
                "This score link is damaged: the score part “{part}” is not a score."
            ),
            LinkError::BadEscape(e) => {
                write!(f, "This link is damaged: “{e}” is not a valid escape.")
            }
            LinkError::CutOff => write!(
                f,
                "This link looks cut off: none of its question ids could be read."
            ),
        }
    }
}

impl LinkError {
    /// The quiz still worth offering from a damaged link, if any.
    pub fn salvage(&self) -> Option<&QuizLink> {
        match self {
            LinkError::BadScore { quiz, .. } => quiz.as_ref(),
            _ => None,
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

/// `a.b.c` → ids in order, repeats dropped. It validates ids only until it has more than
/// `MAX_LINK_IDS` distinct ones, then only counts the parts: a crafted link of a million ids
/// costs one scan, and nothing after the cap is examined.
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

/// Characters chat apps and mail clients glue to the end of a link (a sentence's full stop, a
/// closing bracket or quote): none can end a route, so they are dropped.
fn is_trailing_junk(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | ')'
            | ']'
            | '}'
            | '>'
            | '*'
            | '_'
            | '~'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '…'
    ) || c.is_whitespace()
}

/// An id list as pasted into an embed's settings (already percent-decoded, leniently):
/// punctuation glued on, and an escape cut short at the very end (`%`, `%2`), are dropped.
pub fn trim_pasted(text: &str) -> &str {
    let t = text.trim_end_matches(is_trailing_junk);
    let t = match t.rfind('%') {
        Some(i) if t[i + 1..].len() <= 1 && t[i + 1..].bytes().all(|b| b.is_ascii_hexdigit()) => {
            &t[..i]
        }
        _ => t,
    };
    t.trim_end_matches(is_trailing_junk)
}

/// One part of an address as written: percent escapes decoded (`%2E` is a dot), trailing
/// punctuation dropped. `cut_off` is true when it ends inside an escape, the mark of a link
/// cut short. A malformed escape anywhere else is an error, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedPath {
    pub text: String,
    pub cut_off: bool,
}

pub fn decode_path(raw: &str) -> Result<DecodedPath, LinkError> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = raw.trim_end_matches(is_trailing_junk).as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut cut_off = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match (bytes.get(i + 1).copied(), bytes.get(i + 2).copied()) {
            (Some(h), Some(l)) => match (hex(h), hex(l)) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    let end = (i + 3).min(bytes.len());
                    let bad = String::from_utf8_lossy(&bytes[i..end]);
                    return Err(LinkError::BadEscape(shown(&bad)));
                }
            },
            // `%` or `%2` at the very end: the link was cut inside an escape.
            (None, _) | (Some(_), None) => {
                cut_off = true;
                break;
            }
        }
    }
    let text = match String::from_utf8(out) {
        Ok(text) => text,
        // An encoded character whose last bytes are missing: cut off too.
        Err(e) if e.utf8_error().error_len().is_none() => {
            cut_off = true;
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).unwrap_or_default()
        }
        Err(_) => return Err(LinkError::BadEscape(shown(raw))),
    };
    Ok(DecodedPath {
        text: text.trim_end_matches(is_trailing_junk).to_string(),
        cut_off,
    })
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

/// A shared quiz as its address gave it: the quiz, and whether the address looked cut off
/// after it (its end could not be read, so questions may be missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedLink {
    pub quiz: QuizLink,
    pub cut_off: bool,
}

impl SharedLink {
    /// Reads the parts of `#/q/<ids>[/<mode>]` as the address holds them (still escaped).
    pub fn parse(ids: &str, mode: Option<&str>) -> Result<SharedLink, LinkError> {
        match mode {
            None => {
                let ids = decode_path(ids)?;
                read_cut(&ids, |text| QuizLink::parse(text, None))
            }
            Some(mode) => {
                // The address ends in the mode: the ids before it are whole.
                let ids = decode_path(ids)?;
                let mode = decode_path(mode)?;
                let quiz = QuizLink::parse(&ids.text, Some(&cut_mode(&mode)))?;
                Ok(SharedLink {
                    quiz,
                    cut_off: false,
                })
            }
        }
    }
}

/// A mode cut short (`/ex`, or `/exam%` cut inside an escape) is still the mode it began.
fn cut_mode(mode: &DecodedPath) -> String {
    let m = mode.text.as_str();
    let cut = mode.cut_off || !matches!(m, "" | "exam" | "practice");
    match ["exam", "practice"]
        .into_iter()
        .find(|full| cut && !m.is_empty() && full.starts_with(m))
    {
        Some(full) => full.to_string(),
        None => m.to_string(),
    }
}

/// Parses ids that may have been cut off: an address cut inside an escape is read up to the
/// cut, and one with nothing readable left is `CutOff`.
fn read_cut(
    ids: &DecodedPath,
    parse: impl Fn(&str) -> Result<QuizLink, LinkError>,
) -> Result<SharedLink, LinkError> {
    match parse(&ids.text) {
        Ok(quiz) => Ok(SharedLink {
            quiz,
            cut_off: ids.cut_off,
        }),
        Err(LinkError::NoQuestions) if ids.cut_off => Err(LinkError::CutOff),
        Err(e) => Err(e),
    }
}

/// "I scored 7/10 on this quiz". Route: `#/score/7-10/<ids>`. A link cut short holds fewer
/// ids than its total: `unread` says how many could not be read.
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

    /// Questions of the scored quiz the link no longer holds (it was cut off).
    pub fn unread(&self) -> usize {
        self.total.saturating_sub(self.ids.len())
    }

    /// The quiz that was scored (what of it could be read), to take it too.
    pub fn quiz(&self) -> QuizLink {
        QuizLink {
            ids: self.ids.clone(),
            mode: Mode::Practice,
        }
    }

    /// Reads already decoded parts. Fewer ids than the total means the link was cut off (the
    /// rest are counted as unread); more means it is damaged.
    pub fn parse(score: &str, ids: &str) -> Result<ScoreLink, LinkError> {
        let quiz = parse_ids(ids).ok().map(|ids| QuizLink {
            ids,
            mode: Mode::Practice,
        });
        let bad = || LinkError::BadScore {
            part: shown(score),
            quiz: quiz.clone(),
        };
        let (c, t) = score.split_once('-').ok_or_else(bad)?;
        let number = |s: &str| {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<usize>().ok())
                .flatten()
        };
        let (correct, total) = (number(c).ok_or_else(bad)?, number(t).ok_or_else(bad)?);
        if correct > total || total == 0 {
            return Err(bad());
        }
        let ids = parse_ids(ids)?;
        if ids.len() > total {
            return Err(bad());
        }
        Ok(ScoreLink {
            correct,
            total,
            ids,
        })
    }

    /// Reads the parts of `#/score/<score>/<ids>` as the address holds them.
    pub fn from_address(score: &str, ids: &str) -> Result<ScoreLink, LinkError> {
        let score = decode_path(score)?;
        let ids = decode_path(ids)?;
        match ScoreLink::parse(&score.text, &ids.text) {
            // A score link always names its questions: with none, it was cut after the score.
            Err(LinkError::NoQuestions) => Err(LinkError::CutOff),
            other => other,
        }
    }
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;

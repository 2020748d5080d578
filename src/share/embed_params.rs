//! What an embed asks for, from its URL (`embed/#topic=scope&count=5&theme=dark`) or from the
//! `data-` attributes of its script tag, which `embed/embed.js` turns into that URL. Anything
//! unknown falls back to its default with a notice: a typo in a blog post never blanks the quiz.

use super::link::{parse_ids, LinkError};
use crate::bank::Difficulty;
use crate::quiz::{Filters, Mode};

/// The embed's colour scheme; `Auto` follows the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

pub const EMBED_MAX_COUNT: usize = 50;
pub const EMBED_DEFAULT_COUNT: usize = 5;
/// Longer queries are not read at all: no real embed comes close.
const MAX_QUERY: usize = 4096;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedParams {
    /// Explicit questions; when set, topic, difficulty and count are ignored.
    pub ids: Option<Vec<String>>,
    pub filters: Filters,
    pub theme: Theme,
    pub mode: Mode,
    /// The seed a page set; `None` uses the selection's own (see `seed`), so the same embed
    /// shows every reader the same questions.
    pub seed: Option<u64>,
}

impl Default for EmbedParams {
    fn default() -> Self {
        EmbedParams {
            ids: None,
            filters: Filters {
                count: EMBED_DEFAULT_COUNT,
                ..Filters::default()
            },
            theme: Theme::Auto,
            mode: Mode::Practice,
            seed: None,
        }
    }
}

/// Decodes `%XX` escapes and `+`; an invalid escape is kept as written.
pub fn percent_decode(s: &str) -> String {
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a=1&b=2` → decoded pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches(['?', '#'])
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

impl EmbedParams {
    /// Reads an embed's query. `Err` only when its question list is damaged (there is nothing
    /// sensible to show instead); anything else that is wrong falls back with a notice.
    pub fn parse(
        query: &str,
        known_topic: impl Fn(&str) -> bool,
    ) -> Result<(EmbedParams, Vec<String>), LinkError> {
        let mut p = EmbedParams::default();
        let mut notices = Vec::new();
        if query.len() > MAX_QUERY {
            notices
                .push("The embed's settings were too long to read; it shows its defaults.".into());
            return Ok((p, notices));
        }
        let pairs = query_pairs(query);
        for (key, value) in &pairs {
            let value = value.trim();
            let quoted: String = value.chars().take(24).collect();
            match key.as_str() {
                "ids" => p.ids = Some(parse_ids(value)?),
                "topic" | "topics" => {
                    for t in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                        if known_topic(t) {
                            if !p.filters.topics.iter().any(|x| x == t) {
                                p.filters.topics.push(t.to_string());
                            }
                        } else {
                            let t: String = t.chars().take(24).collect();
                            notices.push(format!("This embed names a topic “{t}” that does not exist; it was left out."));
                        }
                    }
                }
                "difficulty" => {
                    for d in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                        match Difficulty::parse(d) {
                            Some(d) if !p.filters.difficulties.contains(&d) => {
                                p.filters.difficulties.push(d)
                            }
                            Some(_) => {}
                            None => notices.push(format!(
                                "Unknown difficulty “{quoted}”: every difficulty is shown."
                            )),
                        }
                    }
                }
                "count" => match value.parse::<usize>() {
                    Ok(n) if n > 0 => p.filters.count = n.min(EMBED_MAX_COUNT),
                    _ => notices.push(format!(
                        "“{quoted}” is not a number of questions; showing {EMBED_DEFAULT_COUNT}."
                    )),
                },
                "theme" => match Theme::parse(value) {
                    Some(t) => p.theme = t,
                    None => notices.push(format!(
                        "Unknown theme “{quoted}”: using the reader's system theme."
                    )),
                },
                "mode" => match Mode::parse(value) {
                    Some(m) => p.mode = m,
                    None => notices.push(format!("Unknown mode “{quoted}”: using practice mode.")),
                },
                "seed" => match value.parse::<u64>() {
                    Ok(s) => p.seed = Some(s),
                    Err(_) => notices.push(format!(
                        "“{quoted}” is not a seed; the default order is used."
                    )),
                },
                // Unknown keys are ignored so older embeds keep working when options are added.
                _ => {}
            }
        }
        Ok((p, notices))
    }

    /// The seed that picks the questions: the page's, or a hash of what selects them, so a
    /// blog changing its theme or mode keeps showing readers the same questions.
    pub fn seed(&self) -> u64 {
        self.seed.unwrap_or_else(|| self.selection_seed())
    }

    /// Every topic the bank has is picked: the same as none, so the snippet leaves them out.
    fn all_topics(&self) -> bool {
        !self.filters.topics.is_empty()
            && crate::bank::TOPICS
                .iter()
                .all(|t| self.filters.topics.iter().any(|x| x == t.id))
    }

    fn selection_seed(&self) -> u64 {
        let mut key = String::new();
        if let Some(ids) = &self.ids {
            key.push_str(&ids.join("."));
        }
        key.push('|');
        if !self.all_topics() {
            key.push_str(&self.filters.topics.join(","));
        }
        key.push('|');
        key.push_str(&self.difficulty_list());
        key.push('|');
        key.push_str(&self.filters.count.to_string());
        bank_format::seed_from_str(&key)
    }

    /// "junior,senior", as the `data-difficulty` attribute writes it.
    fn difficulty_list(&self) -> String {
        let d: Vec<&str> = self
            .filters
            .difficulties
            .iter()
            .map(|d| d.as_str())
            .collect();
        d.join(",")
    }

    /// The `data-` attributes of the script tag that embeds this quiz (defaults left out).
    pub fn to_attrs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        match &self.ids {
            Some(ids) => out.push(("ids", ids.join("."))),
            None => {
                if !self.filters.topics.is_empty() && !self.all_topics() {
                    out.push(("topic", self.filters.topics.join(",")));
                }
                if !self.filters.difficulties.is_empty() {
                    out.push(("difficulty", self.difficulty_list()));
                }
                if self.filters.count != EMBED_DEFAULT_COUNT {
                    out.push(("count", self.filters.count.min(EMBED_MAX_COUNT).to_string()));
                }
            }
        }
        if self.mode != Mode::Practice {
            out.push(("mode", self.mode.as_str().to_string()));
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.as_str().to_string()));
        }
        // Only a seed that changes the questions: the selection's own is the default.
        if let Some(seed) = self.seed.filter(|s| *s != self.selection_seed()) {
            out.push(("seed", seed.to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(t: &str) -> bool {
        matches!(t, "scope" | "oop")
    }

    fn parse(q: &str) -> (EmbedParams, Vec<String>) {
        EmbedParams::parse(q, known).expect(q)
    }

    #[test]
    fn defaults() {
        let (p, notices) = parse("");
        assert_eq!(p.filters.count, EMBED_DEFAULT_COUNT);
        assert_eq!(
            (p.theme, p.mode, p.ids),
            (Theme::Auto, Mode::Practice, None)
        );
        assert!(notices.is_empty());
    }

    #[test]
    fn reads_every_option() {
        let (p, n) =
            parse("#topic=scope,oop&count=3&difficulty=junior%2Cmid&theme=dark&mode=exam&seed=9");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p.filters.topics, ["scope", "oop"]);
        assert_eq!(
            p.filters.difficulties,
            [Difficulty::Junior, Difficulty::Mid]
        );
        assert_eq!(
            (p.filters.count, p.theme, p.mode, p.seed()),
            (3, Theme::Dark, Mode::Exam, 9)
        );
        let (p, _) = parse("ids=oop-01.oop-02&count=999");
        assert_eq!(p.ids.unwrap(), ["oop-01", "oop-02"]);
        assert_eq!(p.filters.count, EMBED_MAX_COUNT);
    }

    #[test]
    fn the_seed_follows_the_selection_not_the_looks() {
        let a = parse("topic=scope").0.seed();
        assert_eq!(a, parse("topic=scope&theme=dark&mode=exam").0.seed());
        assert_ne!(a, parse("topic=oop").0.seed());
    }

    #[test]
    fn a_snippet_carries_a_seed_only_when_one_was_set() {
        // B12: every snippet from the home and results pages carried FNV("") as its seed.
        let home = EmbedParams {
            filters: Filters {
                topics: vec!["scope".into()],
                count: 10,
                ..Filters::default()
            },
            mode: Mode::Exam,
            ..EmbedParams::default()
        };
        let attrs = home.to_attrs();
        assert!(attrs.iter().all(|(k, _)| *k != "seed"), "{attrs:?}");
        assert_eq!(parse("topic=scope&count=10").0.seed(), home.seed());
        let seeded = EmbedParams {
            seed: Some(42),
            ..home
        };
        assert!(seeded.to_attrs().contains(&("seed", "42".into())));
    }

    #[test]
    fn every_topic_picked_is_no_topic_in_the_snippet_and_picks_the_same_questions() {
        use crate::bank::{candidates_in, TOPICS};
        use crate::quiz::select;
        let all = EmbedParams {
            filters: Filters {
                topics: TOPICS.iter().map(|t| t.id.to_string()).collect(),
                count: 5,
                ..Filters::default()
            },
            ..EmbedParams::default()
        };
        let attrs = all.to_attrs();
        assert!(attrs.iter().all(|(k, _)| *k != "topic"), "{attrs:?}");
        let url: Vec<String> = attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (read, _) = EmbedParams::parse(&url.join("&"), |_| true).unwrap();
        let pick = |p: &EmbedParams| select(candidates_in(&p.filters.topics), &p.filters, p.seed());
        assert_eq!(
            pick(&read),
            pick(&all),
            "the same questions as every topic by name"
        );
    }

    #[test]
    fn bad_values_fall_back_with_a_notice() {
        for q in [
            "topic=nope",
            "count=0",
            "count=lots",
            "theme=%3Cb%3E",
            "difficulty=expert",
            "mode=x",
            "seed=x",
        ] {
            let (p, notices) = parse(q);
            assert_eq!(notices.len(), 1, "{q}: {notices:?}");
            assert_eq!(p.filters.count, EMBED_DEFAULT_COUNT, "{q}");
            assert_eq!(p.theme, Theme::Auto, "{q}");
            assert_eq!(p.mode, Mode::Practice, "{q}");
        }
        let (_, n) = parse("theme=%3Cb%3E");
        assert!(n[0].contains("“<b>”"), "{n:?}");
    }

    #[test]
    fn a_damaged_question_list_is_an_error() {
        assert!(EmbedParams::parse("ids=", known).is_err());
        assert!(EmbedParams::parse("ids=A!", known).is_err());
    }

    #[test]
    fn attributes_round_trip_through_the_url() {
        for q in [
            "",
            "topic=scope&count=3&mode=exam&theme=dark",
            "ids=scp-01.scp-02&seed=4",
            "difficulty=senior&count=50",
        ] {
            let (p, _) = parse(q);
            // embed.js copies each data-X attribute into the URL as X=value.
            let url: Vec<String> = p
                .to_attrs()
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            assert_eq!(parse(&url.join("&")).0, p, "{q}");
        }
    }

    #[test]
    fn percent_decoding_takes_only_real_escapes() {
        assert_eq!(percent_decode("a%2Cb+c%zz%"), "a,b c%zz%");
        assert_eq!(percent_decode("%+1"), "% 1", "a sign is not a hex digit");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%e2%9c%93"), "✓");
    }

    #[test]
    fn an_absurdly_long_query_is_not_read() {
        let q = format!("topic={}", "x".repeat(100_000));
        let (p, n) = parse(&q);
        assert_eq!(p, EmbedParams::default());
        assert_eq!(n.len(), 1);
    }
}

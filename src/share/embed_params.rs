//! What an embed asks for, from its URL (`embed/#topic=scope&count=5&theme=dark`) or from the
//! `data-` attributes of its script tag, which `embed/embed.js` turns into that URL. Anything
//! unknown falls back to its default with a message for the page's author (the embed logs it and
//! sends it to the host page; readers never see it): a typo in a blog post never blanks the quiz.

use super::link::{parse_ids, trim_pasted, LinkError};
use crate::bank::Difficulty;
use crate::quiz::{Filters, Mode};

/// The embed's colour scheme; `Auto` follows the reader's system setting, `Inherit` draws on
/// the host page's background in its text colour (embed.js reads that colour for the frame).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    Inherit,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Inherit => "inherit",
        }
    }

    fn parse(s: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark, Theme::Inherit]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// An sRGB colour the host page reported (`rgb(r, g, b)` or `rgba(…)`, as `getComputedStyle`
/// writes it). Only digits pass, so nothing the host sends becomes CSS beyond three numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostColor(pub [u8; 3]);

impl HostColor {
    pub fn parse(s: &str) -> Option<HostColor> {
        let inner = s
            .trim()
            .strip_prefix("rgba(")
            .or_else(|| s.trim().strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty());
        let mut rgb = [0u8; 3];
        for c in &mut rgb {
            *c = parts.next()?.parse().ok()?;
        }
        Some(HostColor(rgb))
    }

    /// Light text on the host means a dark page: the embed uses its dark palette for accents.
    pub fn is_light(self) -> bool {
        let [r, g, b] = self.0.map(u32::from);
        // Rec. 601 luma, in thousandths.
        r * 299 + g * 587 + b * 114 > 128 * 1000
    }

    pub fn css(self) -> String {
        let [r, g, b] = self.0;
        format!("rgb({r}, {g}, {b})")
    }
}

/// The known topic closest to a misspelt one (`scoep` → `scope`), if any is close enough to be
/// what the author meant.
fn closest<'t>(typo: &str, topics: &[&'t str]) -> Option<&'t str> {
    let typo = typo.to_ascii_lowercase();
    topics
        .iter()
        .map(|t| (edit_distance(&typo, t), *t))
        // One slip per four letters (at least one): `scoep` is `scope`, but `io` is not `oop`.
        .filter(|(d, _)| *d <= (typo.chars().count() / 4).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, t)| t)
}

/// Levenshtein distance, with a swap of two neighbours counting once (`scoep`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
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
    /// With `Theme::Inherit`: the host page's text colour.
    pub host_color: Option<HostColor>,
    /// The questions come from the host page (`data-src` or inline JSON), by `postMessage`.
    pub own: bool,
    /// The page set `data-count` (an own quiz otherwise shows every question).
    pub count_given: bool,
    /// Topics were named but none exists: there is nothing sensible to pick from.
    pub no_topic_left: bool,
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
            host_color: None,
            own: false,
            count_given: false,
            no_topic_left: false,
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
    /// Reads an embed's query against the bank's `topics`. `Err` only when its question list
    /// is damaged (there is nothing sensible to show instead); anything else that is wrong falls
    /// back, with a message for the page's author.
    pub fn parse(query: &str, topics: &[&str]) -> Result<(EmbedParams, Vec<String>), LinkError> {
        let mut p = EmbedParams::default();
        let mut notices = Vec::new();
        if query.len() > MAX_QUERY {
            notices.push("the embed's settings are too long to read; it shows its defaults".into());
            return Ok((p, notices));
        }
        let mut named_topics = false;
        let pairs = query_pairs(query);
        for (key, value) in &pairs {
            let value = value.trim();
            let quoted: String = value.chars().take(24).collect();
            match key.as_str() {
                "ids" => p.ids = Some(parse_ids(trim_pasted(value))?),
                "topic" | "topics" => {
                    for t in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                        named_topics = true;
                        let found = match topics.iter().find(|k| **k == t) {
                            Some(k) => Some(*k),
                            None => {
                                let typo: String = t.chars().take(24).collect();
                                let near = closest(t, topics);
                                notices.push(match near {
                                    Some(k) => format!("data-topic “{typo}” is not a topic; using “{k}”"),
                                    None => format!("data-topic “{typo}” is not a topic; it was left out"),
                                });
                                near
                            }
                        };
                        if let Some(k) = found.filter(|k| !p.filters.topics.iter().any(|x| x == k)) {
                            p.filters.topics.push(k.to_string());
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
                                "data-difficulty “{quoted}” is not junior, mid or senior; every difficulty is shown"
                            )),
                        }
                    }
                }
                "count" => match value.parse::<usize>() {
                    Ok(n) if n > 0 => {
                        p.filters.count = n.min(EMBED_MAX_COUNT);
                        p.count_given = true;
                    }
                    _ => notices.push(format!(
                        "data-count “{quoted}” is not a number of questions; showing {EMBED_DEFAULT_COUNT}"
                    )),
                },
                "theme" => match Theme::parse(value) {
                    Some(t) => p.theme = t,
                    None => notices.push(format!(
                        "data-theme “{quoted}” is not light, dark, auto or inherit; using the reader's system theme"
                    )),
                },
                "color" => p.host_color = HostColor::parse(value),
                "quiz" => p.own = value == "host",
                "mode" => match Mode::parse(value) {
                    Some(m) => p.mode = m,
                    None => notices.push(format!(
                        "data-mode “{quoted}” is not practice or exam; using practice"
                    )),
                },
                "seed" => match value.parse::<u64>() {
                    Ok(s) => p.seed = Some(s),
                    Err(_) => notices.push(format!(
                        "data-seed “{quoted}” is not a whole number; the default order is used"
                    )),
                },
                // Unknown keys are ignored so older embeds keep working when options are added.
                _ => {}
            }
        }
        p.no_topic_left = named_topics && p.filters.topics.is_empty() && p.ids.is_none();
        if p.theme != Theme::Inherit {
            p.host_color = None;
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
#[path = "embed_params_tests.rs"]
mod tests;

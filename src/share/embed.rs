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
}

/// What an embed's URL asks for: `#/embed?topic=scope&count=5&difficulty=junior,mid&theme=dark`
/// or `#/embed?ids=mut-01.fn-02`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedParams {
    /// Explicit questions; when set, topic/difficulty/count are ignored.
    pub ids: Option<Vec<String>>,
    pub filters: Filters,
    pub theme: Theme,
    pub mode: Mode,
    /// The same embed shows every reader the same questions unless the page sets a seed.
    pub seed: u64,
}

pub const EMBED_MAX_COUNT: usize = 50;

impl EmbedParams {
    /// Parses the query part of the embed route. `known_topic` says whether a topic id exists.
    pub fn parse(
        query: &str,
        known_topic: impl Fn(&str) -> bool,
    ) -> Result<EmbedParams, LinkError> {
        let query = query.trim_start_matches('?');
        let mut params = EmbedParams {
            ids: None,
            filters: Filters {
                count: 5,
                ..Filters::default()
            },
            theme: Theme::Auto,
            mode: Mode::Practice,
            seed: bank_format::seed_from_str(query),
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(raw);
            let bad = |what: &str| {
                LinkError::BadParam(format!("The embed's {what} “{value}” is not valid."))
            };
            match key {
                "ids" => params.ids = Some(parse_ids(&value)?),
                "topic" | "topics" => {
                    for t in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                        if !known_topic(t) {
                            return Err(LinkError::BadParam(format!(
                                "The embed names an unknown topic “{t}”."
                            )));
                        }
                        params.filters.topics.push(t.to_string());
                    }
                }
                "difficulty" => {
                    for d in value.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                        params
                            .filters
                            .difficulties
                            .push(Difficulty::parse(d).ok_or_else(|| bad("difficulty"))?);
                    }
                }
                "count" => {
                    let n: usize = value.parse().map_err(|_| bad("count"))?;
                    if n == 0 {
                        return Err(bad("count"));
                    }
                    params.filters.count = n.min(EMBED_MAX_COUNT);
                }
                "theme" => {
                    params.theme = match value.as_str() {
                        "auto" => Theme::Auto,
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => return Err(bad("theme")),
                    }
                }
                "mode" => {
                    params.mode = match value.as_str() {
                        "practice" => Mode::Practice,
                        "exam" => Mode::Exam,
                        _ => return Err(bad("mode")),
                    }
                }
                "seed" => params.seed = value.parse().map_err(|_| bad("seed"))?,
                // Unknown keys are ignored so older embeds keep working when options are added.
                _ => {}
            }
        }
        Ok(params)
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn known(t: &str) -> bool {
        matches!(t, "scope" | "oop")
    }

    #[test]
    fn defaults() {
        let p = EmbedParams::parse("", known).unwrap();
        assert_eq!(p.filters.count, 5);
        assert_eq!(
            (p.theme, p.mode, p.ids),
            (Theme::Auto, Mode::Practice, None)
        );
    }

    #[test]
    fn reads_every_option() {
        let p = EmbedParams::parse(
            "?topic=scope,oop&count=3&difficulty=junior%2Cmid&theme=dark&mode=exam&seed=9",
            known,
        )
        .unwrap();
        assert_eq!(p.filters.topics, ["scope", "oop"]);
        assert_eq!(
            p.filters.difficulties,
            [Difficulty::Junior, Difficulty::Mid]
        );
        assert_eq!(
            (p.filters.count, p.theme, p.mode, p.seed),
            (3, Theme::Dark, Mode::Exam, 9)
        );
        let p = EmbedParams::parse("ids=oop-01.oop-02&count=999", known).unwrap();
        assert_eq!(p.ids.unwrap(), ["oop-01", "oop-02"]);
        assert_eq!(p.filters.count, EMBED_MAX_COUNT);
    }

    #[test]
    fn same_query_same_seed() {
        let a = EmbedParams::parse("topic=scope", known).unwrap();
        let b = EmbedParams::parse("topic=scope", known).unwrap();
        let c = EmbedParams::parse("topic=oop", known).unwrap();
        assert_eq!(a.seed, b.seed);
        assert_ne!(a.seed, c.seed);
    }

    #[test]
    fn bad_values_are_explained() {
        for q in [
            "topic=nope",
            "count=0",
            "count=lots",
            "theme=pink",
            "difficulty=expert",
            "mode=x",
            "ids=",
            "seed=x",
        ] {
            let err = EmbedParams::parse(q, known).expect_err(q);
            assert!(!err.to_string().is_empty());
        }
        assert!(EmbedParams::parse("topic=nope", known)
            .unwrap_err()
            .to_string()
            .contains("nope"));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%2Cb+c%zz%"), "a,b c%zz%");
    }
}

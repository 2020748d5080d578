//! The app's pages as hash routes, parsed once into typed values: a shared quiz, a score link
//! or a permalink carries its parsed parameters (or the reason it is broken), so pages never
//! re-parse strings. Hash routes let any static host serve every page from one `index.html`.

use crate::bank::{Difficulty, Kind};
use crate::quiz::Mode;
use crate::share::{
    decode_path, parse_ids, query_pairs, LinkError, QuizLink, ScoreLink, SharedLink, MAX_LINK_IDS,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Quiz,
    Results,
    Progress,
    Browse(BrowseQuery),
    /// `#/q/<ids>[/exam]`: a shared quiz.
    Shared(Result<SharedLink, LinkError>),
    /// `#/question/<id>`: one question to read and try.
    Question(Result<String, LinkError>),
    /// `#/score/<right>-<total>/<ids>`: a friend's score.
    Score(Result<ScoreLink, LinkError>),
    /// `#/embed?…`: embeds made before the embed had its own page; sent on to it.
    LegacyEmbed(String),
    NotFound,
}

/// The browse page's search, kept in its address so a search can be shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BrowseQuery {
    pub text: String,
    pub topic: Option<String>,
    pub kind: Option<Kind>,
    pub tag: Option<String>,
    pub difficulty: Option<Difficulty>,
    /// Questions that need at most this Python, e.g. "3.11".
    pub python: Option<String>,
    pub bookmarked: bool,
}

impl BrowseQuery {
    fn parse(query: &str) -> BrowseQuery {
        let mut q = BrowseQuery::default();
        for (k, v) in query_pairs(query) {
            let v = v.trim().to_string();
            match k.as_str() {
                "q" => q.text = v.chars().take(200).collect(),
                "topic" if !v.is_empty() => q.topic = Some(v),
                "type" => q.kind = Kind::parse(&v),
                "tag" if !v.is_empty() => q.tag = Some(v),
                "difficulty" => q.difficulty = Difficulty::parse(&v),
                "python" if v.len() <= 5 && !v.is_empty() => q.python = Some(v),
                "bookmarked" => q.bookmarked = v == "1",
                _ => {}
            }
        }
        q
    }

    /// The route for this search.
    pub fn path(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add = |k: &str, v: &str| parts.push(format!("{k}={}", percent_encode(v)));
        if !self.text.is_empty() {
            add("q", &self.text);
        }
        if let Some(t) = &self.topic {
            add("topic", t);
        }
        if let Some(k) = self.kind {
            add("type", k.as_str());
        }
        if let Some(t) = &self.tag {
            add("tag", t);
        }
        if let Some(d) = self.difficulty {
            add("difficulty", d.as_str());
        }
        if let Some(p) = &self.python {
            add("python", p);
        }
        if self.bookmarked {
            add("bookmarked", "1");
        }
        if parts.is_empty() {
            "/browse".into()
        } else {
            format!("/browse?{}", parts.join("&"))
        }
    }
}

/// The address of a quiz: its own link (`/q/<ids>[/exam]`), so the address bar shares it; a quiz
/// longer than any link may be (a saved one) stays at `/quiz`.
pub fn quiz_address(ids: &[String], mode: Mode) -> String {
    if ids.is_empty() || ids.len() > MAX_LINK_IDS {
        return "/quiz".into();
    }
    QuizLink {
        ids: ids.to_vec(),
        mode,
    }
    .path()
}

/// Escapes everything but unreserved characters, so the text survives the round trip.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Route {
    /// Parses a location hash (with or without its `#`). Links arrive through chat apps and
    /// mail: escapes are decoded, punctuation glued to the end is dropped, and a link cut
    /// short or mangled gets a typed error (never a panic).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let path = path.trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | ')' | ']' | '>' | '\'' | '"'
            ) || c.is_whitespace()
        });
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["quiz"] => Route::Quiz,
            ["results"] => Route::Results,
            ["progress"] => Route::Progress,
            ["browse"] => Route::Browse(BrowseQuery::parse(query)),
            ["q", ids] => Route::Shared(SharedLink::parse(ids, None)),
            ["q", ids, mode] => Route::Shared(SharedLink::parse(ids, Some(mode))),
            ["question", id] => {
                Route::Question(decode_path(id).and_then(
                    |id| match parse_ids(&id.text)?.as_slice() {
                        [one] => Ok(one.clone()),
                        _ => Err(LinkError::BadId(id.text.chars().take(24).collect())),
                    },
                ))
            }
            ["score", score, ids] => Route::Score(ScoreLink::from_address(score, ids)),
            // A score link cut right after its score.
            ["score", score] => Route::Score(ScoreLink::from_address(score, "")),
            ["embed"] => Route::LegacyEmbed(query.to_string()),
            _ => Route::NotFound,
        }
    }

    /// The hash for a route that has one of its own (pages reached from the menu).
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Quiz => "/quiz".into(),
            Route::Results => "/results".into(),
            Route::Progress => "/progress".into(),
            Route::Browse(q) => q.path(),
            Route::Shared(Ok(link)) => link.quiz.path(),
            Route::Question(Ok(id)) => format!("/question/{id}"),
            Route::Score(Ok(s)) => s.path(),
            Route::LegacyEmbed(q) => format!("/embed?{q}"),
            Route::Shared(Err(_))
            | Route::Question(Err(_))
            | Route::Score(Err(_))
            | Route::NotFound => "/".into(),
        }
    }

    /// The page this route shows, without what changes within it (the browse page's search):
    /// a new page gets its heading focused, a refined search keeps focus where the learner types.
    pub fn page(&self) -> Route {
        match self {
            Route::Browse(_) => Route::Browse(BrowseQuery::default()),
            other => other.clone(),
        }
    }

    /// The document title for the page.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "pyquiz · Python interview practice",
            Route::Quiz | Route::Shared(Ok(_)) => "Quiz · pyquiz",
            Route::Results => "Results · pyquiz",
            Route::Progress => "Your progress · pyquiz",
            Route::Browse(_) => "Browse the questions · pyquiz",
            Route::Question(Ok(_)) => "Question · pyquiz",
            Route::Score(Ok(_)) => "A friend's score · pyquiz",
            Route::LegacyEmbed(_) => "Quiz · pyquiz",
            Route::Shared(Err(_)) | Route::Question(Err(_)) | Route::Score(Err(_)) => {
                "Broken link · pyquiz"
            }
            Route::NotFound => "Page not found · pyquiz",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiz_lives_at_its_own_link_when_it_fits_in_one() {
        let ids: Vec<String> = vec!["a-1".into(), "b-2".into()];
        assert_eq!(quiz_address(&ids, Mode::Practice), "/q/a-1.b-2");
        assert_eq!(quiz_address(&ids, Mode::Exam), "/q/a-1.b-2/exam");
        assert_eq!(
            Route::parse(&quiz_address(&ids, Mode::Exam)),
            Route::Shared(Ok(SharedLink {
                quiz: QuizLink {
                    ids: ids.clone(),
                    mode: Mode::Exam
                },
                cut_off: false
            })),
            "and the link opens it"
        );
        let long: Vec<String> = (0..=MAX_LINK_IDS).map(|i| format!("a-{i}")).collect();
        assert_eq!(quiz_address(&long, Mode::Practice), "/quiz");
        assert_eq!(quiz_address(&[], Mode::Practice), "/quiz");
    }

    #[test]
    fn a_refined_search_is_the_same_page_and_another_question_is_not() {
        let search = |text: &str| Route::parse(&format!("/browse?q={text}"));
        assert_eq!(search("c").page(), search("closure").page());
        assert_ne!(search("c").page(), Route::Progress.page());
        assert_ne!(
            Route::parse("/question/scp-01").page(),
            Route::parse("/question/scp-02").page()
        );
    }

    #[test]
    fn pages_parse_into_typed_routes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/quiz"), Route::Quiz);
        assert_eq!(Route::parse("/results"), Route::Results);
        assert_eq!(Route::parse("#/progress"), Route::Progress);
        assert_eq!(
            Route::parse("#/q/a-1.b-2/exam"),
            Route::Shared(Ok(SharedLink {
                quiz: QuizLink {
                    ids: vec!["a-1".into(), "b-2".into()],
                    mode: Mode::Exam
                },
                cut_off: false
            }))
        );
        assert_eq!(
            Route::parse("#/question/scp-01"),
            Route::Question(Ok("scp-01".into()))
        );
        assert!(matches!(
            Route::parse("#/score/1-2/a-1.b-2"),
            Route::Score(Ok(_))
        ));
        assert_eq!(
            Route::parse("#/embed?topic=scope"),
            Route::LegacyEmbed("topic=scope".into())
        );
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("#/q"), Route::NotFound);
    }

    #[test]
    fn broken_links_carry_their_error() {
        assert_eq!(
            Route::parse("#/q/<b>"),
            Route::Shared(Err(LinkError::BadId("<b".into())))
        );
        assert_eq!(
            Route::parse("#/q/a-1/party"),
            Route::Shared(Err(LinkError::BadMode("party".into())))
        );
        assert!(matches!(
            Route::parse("#/question/a-1.b-2"),
            Route::Question(Err(_))
        ));
        assert!(matches!(
            Route::parse("#/score/3-2/a-1"),
            Route::Score(Err(_))
        ));
        assert!(matches!(
            Route::parse("#/score/abc"),
            Route::Score(Err(LinkError::BadScore { .. }))
        ));
        assert_eq!(
            Route::parse("#/score/1-2"),
            Route::Score(Err(LinkError::CutOff))
        );
        assert_eq!(
            Route::parse("#/q/a-1/party").title(),
            "Broken link · pyquiz"
        );
    }

    #[test]
    fn links_pasted_with_punctuation_or_escapes_open_the_same_page() {
        let plain = Route::parse("#/q/a-1.b-2");
        for hash in [
            "#/q/a-1.b-2).",
            "#/q/a-1.b-2,",
            "#/q/a-1%2Eb-2!",
            "#/q/a-1%2eb-2'",
        ] {
            assert_eq!(Route::parse(hash), plain, "{hash}");
        }
        assert_eq!(Route::parse("#/quiz)."), Route::Quiz);
        assert_eq!(
            Route::parse("#/question/scp-01)."),
            Route::Question(Ok("scp-01".into()))
        );
        assert_eq!(
            Route::parse("#/question/scp%2D01"),
            Route::Question(Ok("scp-01".into()))
        );
        assert!(matches!(
            Route::parse("#/score/1-2/a-1.b-2\"."),
            Route::Score(Ok(_))
        ));
    }

    #[test]
    fn a_stray_percent_anywhere_gives_a_page_never_a_panic() {
        for hash in [
            "#/q/itr-11.itr-10%",
            "#/q/%",
            "#/q/a-1%ZZ",
            "#/question/%E2%80",
            "#/score/1-2/%",
            "#/score/%/a-1",
            "#/browse?q=100%",
            "#/q/a-1/%",
        ] {
            let route = Route::parse(hash);
            assert_ne!(route, Route::Home, "{hash}");
        }
        assert!(matches!(
            Route::parse("#/q/itr-11.itr-10%"),
            Route::Shared(Ok(SharedLink { cut_off: true, .. }))
        ));
        assert_eq!(
            Route::parse("#/browse?q=100%"),
            Route::Browse(BrowseQuery {
                text: "100%".into(),
                ..BrowseQuery::default()
            })
        );
    }

    #[test]
    fn routes_round_trip_through_their_paths() {
        for hash in [
            "/",
            "/quiz",
            "/results",
            "/progress",
            "/q/a-1.b-2",
            "/q/a-1/exam",
            "/question/x-9",
            "/score/0-1/a-1",
        ] {
            assert_eq!(Route::parse(hash).path(), hash);
        }
    }

    #[test]
    fn browse_searches_round_trip() {
        let q = BrowseQuery {
            text: "late binding & co".into(),
            topic: Some("scope".into()),
            kind: Some(Kind::Output),
            tag: Some("gotcha".into()),
            difficulty: Some(Difficulty::Senior),
            python: Some("3.11".into()),
            bookmarked: true,
        };
        assert_eq!(Route::parse(&q.path()), Route::Browse(q.clone()));
        assert_eq!(
            Route::parse("#/browse?type=essay"),
            Route::Browse(BrowseQuery::default())
        );
    }
}

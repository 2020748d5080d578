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
        assert_eq!(QuizLink::parse(ids, mode_part), Ok(link.clone()));
        let shared = SharedLink::parse(ids, mode_part).unwrap();
        assert_eq!((shared.quiz, shared.cut_off), (link, false));
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

/// The cap is proved by what the parser leaves unexamined, not by a stopwatch: an id that
/// is not valid placed after the cap is never looked at, however long the link.
#[test]
fn a_huge_link_is_refused_with_its_size_and_nothing_after_the_cap_is_examined() {
    let mut huge: Vec<String> = (0..300_000).map(|i| format!("q{i}")).collect();
    assert_eq!(parse_ids(&huge.join(".")), Err(LinkError::TooMany(300_000)));
    huge[MAX_LINK_IDS + 1] = "<not an id>".into();
    huge[299_999] = "<nor this>".into();
    assert_eq!(
        parse_ids(&huge.join(".")),
        Err(LinkError::TooMany(300_000)),
        "the parser stopped reading ids at the cap"
    );
    huge[MAX_LINK_IDS - 1] = "<before the cap>".into();
    assert_eq!(
        parse_ids(&huge.join(".")),
        Err(LinkError::BadId("<before the cap>".into()))
    );
}

#[test]
fn punctuation_glued_on_by_chat_apps_is_dropped() {
    for tail in [
        ").", ",", "!", ")", ".", "'", "\"", ">", "?", "…", "”", " ", "%29", "%2E",
    ] {
        let link = SharedLink::parse(&format!("a-1.b-2{tail}"), None).expect(tail);
        assert_eq!(link.quiz.ids, ["a-1", "b-2"], "{tail}");
        assert!(!link.cut_off, "{tail}");
        let exam = SharedLink::parse("a-1", Some(&format!("exam{tail}"))).expect(tail);
        assert_eq!(exam.quiz.mode, Mode::Exam, "{tail}");
    }
}

#[test]
fn escaped_dots_separate_ids() {
    for raw in ["a-1%2Eb-2", "a-1%2eb-2", "a%2D1.b-2"] {
        assert_eq!(
            SharedLink::parse(raw, None).unwrap().quiz.ids,
            ["a-1", "b-2"],
            "{raw}"
        );
    }
}

#[test]
fn a_link_cut_inside_an_escape_is_read_up_to_the_cut() {
    for raw in [
        "a-1.b-2%",
        "a-1.b-2%2",
        "a-1.b-2%2).",
        "a-1.b-2%C3",
        "a-1.b-2%E2%80",
    ] {
        let link = SharedLink::parse(raw, None).expect(raw);
        assert_eq!(link.quiz.ids, ["a-1", "b-2"], "{raw}");
        assert!(link.cut_off, "{raw}");
    }
    assert_eq!(SharedLink::parse("%", None), Err(LinkError::CutOff));
    assert_eq!(
        SharedLink::parse("a-1", Some("ex")).unwrap().quiz.mode,
        Mode::Exam,
        "a mode cut short is still the mode it began"
    );
    assert_eq!(
        SharedLink::parse("a-1", Some("prac%")).unwrap().quiz.mode,
        Mode::Practice
    );
}

#[test]
fn a_broken_escape_is_a_typed_error_never_a_panic() {
    assert_eq!(
        SharedLink::parse("a-1%ZZb", None),
        Err(LinkError::BadEscape("%ZZ".into()))
    );
    assert!(matches!(
        SharedLink::parse("a%FF%FE", None),
        Err(LinkError::BadEscape(_))
    ));
    assert_eq!(
        LinkError::BadEscape("%ZZ".into()).to_string(),
        "This link is damaged: “%ZZ” is not a valid escape."
    );
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
    assert_eq!(ok.unread(), 0);
    for bad in [
        "3-2",
        "x-2",
        "12",
        "1-1",
        "0-0",
        "-1-2",
        "+1-2",
        "99999999999999999999-2",
    ] {
        let err = ScoreLink::parse(bad, "a-1.b-2").unwrap_err();
        assert!(matches!(err, LinkError::BadScore { .. }), "{bad}");
        assert_eq!(
            err.salvage().map(|q| q.ids.clone()),
            Some(vec!["a-1".to_string(), "b-2".to_string()]),
            "{bad}: the questions are still offered"
        );
    }
}

#[test]
fn a_damaged_score_link_names_the_broken_part() {
    let err = ScoreLink::from_address("9-5", "a-1.b-2").unwrap_err();
    assert_eq!(
        err.to_string(),
        "This score link is damaged: the score part “9-5” is not a score."
    );
    assert_eq!(err.salvage().unwrap().path(), "/q/a-1.b-2");
    assert_eq!(
        ScoreLink::from_address("9-5", "<b>").unwrap_err().salvage(),
        None,
        "nothing to offer when the ids are broken too"
    );
}

#[test]
fn a_score_link_cut_short_counts_what_it_lost() {
    let cut = ScoreLink::from_address("3-5", "a-1.b-2%").unwrap();
    assert_eq!((cut.ids.len(), cut.unread()), (2, 3));
    assert_eq!(cut.quiz().ids, ["a-1", "b-2"]);
    let short = ScoreLink::from_address("3-5", "a-1.b-2.c-3").unwrap();
    assert_eq!(short.unread(), 2);
    assert_eq!(ScoreLink::from_address("3-5", ""), Err(LinkError::CutOff));
}

#[test]
fn errors_read_as_sentences() {
    assert_eq!(
        LinkError::BadId("x!".into()).to_string(),
        "This link is damaged: “x!” is not a question id."
    );
    assert_eq!(
        LinkError::CutOff.to_string(),
        "This link looks cut off: none of its question ids could be read."
    );
}

use super::*;

const KNOWN: &[&str] = &["scope", "oop", "asyncio"];

fn parse(q: &str) -> (EmbedParams, Vec<String>) {
    EmbedParams::parse(q, KNOWN).expect(q)
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
    let ids: Vec<&str> = TOPICS.iter().map(|t| t.id).collect();
    let (read, _) = EmbedParams::parse(&url.join("&"), &ids).unwrap();
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
        "topic=nope,",
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
    assert!(EmbedParams::parse("ids=", KNOWN).is_err());
    assert!(EmbedParams::parse("ids=A!", KNOWN).is_err());
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

#[test]
fn question_ids_pasted_with_punctuation_or_a_cut_escape_still_read() {
    for q in [
        "ids=scp-01.scp-02%",
        "ids=scp-01.scp-02%2",
        "ids=scp-01.scp-02).",
        "ids=scp-01%2Escp-02,",
    ] {
        let (p, _) = parse(q);
        assert_eq!(
            p.ids.as_deref(),
            Some(&["scp-01".to_string(), "scp-02".into()][..]),
            "{q}"
        );
    }
    assert!(
        EmbedParams::parse("ids=scp-01.sc%p-02", KNOWN).is_err(),
        "a damaged id in the middle is still damage"
    );
}

#[test]
fn a_misspelt_topic_becomes_the_closest_one_and_the_author_is_told() {
    let (p, n) = parse("topic=scoep");
    assert_eq!(p.filters.topics, ["scope"]);
    assert_eq!(n, ["data-topic “scoep” is not a topic; using “scope”"]);
    let (p, _) = parse("topic=Asynci");
    assert_eq!(p.filters.topics, ["asyncio"]);
    // Too far from every topic: left out, and with nothing left there is nothing to show.
    let (p, n) = parse("topic=generators");
    assert!(p.filters.topics.is_empty() && p.no_topic_left, "{p:?}");
    assert!(n[0].contains("left out"), "{n:?}");
    // One good topic keeps the embed going.
    let (p, _) = parse("topic=generators,oop");
    assert_eq!(
        (p.filters.topics.as_slice(), p.no_topic_left),
        (&["oop".to_string()][..], false)
    );
    assert!(!parse("").0.no_topic_left);
}

#[test]
fn inherit_takes_only_three_numbers_from_the_host() {
    let (p, n) = parse("theme=inherit&color=rgb(230%2C%20230%2C%20230)");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(p.theme, Theme::Inherit);
    let c = p.host_color.unwrap();
    assert_eq!(
        (c.css().as_str(), c.is_light()),
        ("rgb(230, 230, 230)", true)
    );
    assert!(!HostColor::parse("rgba(20, 20, 20, 0.9)")
        .unwrap()
        .is_light());
    for bad in [
        "red",
        "rgb(1,2)",
        "rgb(1,2,300)",
        "rgb(1,2,3);background:url(x)",
        "url(x)",
    ] {
        assert_eq!(HostColor::parse(bad), None, "{bad}");
    }
    // A colour without inherit is ignored; inherit is an attribute the snippet can carry.
    assert_eq!(parse("theme=dark&color=rgb(1,2,3)").0.host_color, None);
    assert!(parse("theme=inherit")
        .0
        .to_attrs()
        .contains(&("theme", "inherit".into())));
}

#[test]
fn a_quiz_from_the_host_page_is_asked_for_by_embed_js() {
    assert!(parse("quiz=host&count=3").0.own);
    assert!(!parse("quiz=elsewhere").0.own);
}

#[test]
fn only_a_slip_is_corrected_against_the_real_topics() {
    use crate::bank::TOPICS;
    let ids: Vec<&str> = TOPICS.iter().map(|t| t.id).collect();
    let pick = |q: &str| EmbedParams::parse(q, &ids).unwrap().0.filters.topics;
    assert_eq!(pick("topic=scoep"), ["scope"]);
    assert_eq!(pick("topic=decoraters"), ["decorators"]);
    assert_eq!(pick("topic=asynico"), ["asyncio"]);
    // Short or different words are not some topic they happen to be near.
    for far in ["io", "loops", "modes", "tests", "types"] {
        assert!(
            pick(&format!("topic={far}")).is_empty(),
            "{far} → {:?}",
            pick(&format!("topic={far}"))
        );
    }
}

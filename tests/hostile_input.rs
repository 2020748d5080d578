//! Property tests over everything that reads input the app does not control: share and score
//! links, embed parameters and stored documents. Generated inputs include truncations, wrong
//! types, huge numbers, unknown versions, ids and topics. Nothing may panic, and a partly bad
//! document must keep every record that was valid.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use pyquiz::progress::schema::{
    decode_records, decode_sessions, decode_settings, encode_records, encode_sessions,
    encode_settings, migrate_v1, DecodeError,
};
use pyquiz::progress::transfer::{export, import};
use pyquiz::progress::{Records, DAY_MS};
use pyquiz::quiz::{Grade, Outcome};
use pyquiz::route::Route;
use pyquiz::share::{
    parse_ids, valid_id, EmbedParams, LinkError, QuizLink, ScoreLink, SharedLink, MAX_LINK_IDS,
};
use serde_json::{json, Map, Value};

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any JSON value, a few levels deep, with the numbers that break naive code.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just(1e308),
            Just(-1e308),
            Just(0.5),
            Just(-0.0),
            Just(4.2e15)
        ]
        .prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("good"),
            Just("again"),
            Just("practice"),
            Just("exam"),
            Just("mut-01")
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Ids as links and storage might carry them: real-looking, near misses and junk.
fn some_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{2,4}-[0-9]{1,3}",
        "[a-z0-9-]{1,20}",
        ".{0,20}",
        Just("MUT-01".to_string()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn share_links_never_panic_and_hold_their_promises(ids in prop::collection::vec(some_id(), 0..150), sep in prop_oneof![Just("."), Just(".."), Just(". ")], mode in ".{0,8}") {
        let text = ids.join(sep);
        let parts: Vec<&str> = text.split('.').map(str::trim).filter(|p| !p.is_empty()).collect();
        match parse_ids(&text) {
            Ok(parsed) => {
                prop_assert!(!parsed.is_empty() && parsed.len() <= MAX_LINK_IDS);
                prop_assert!(parsed.iter().all(|id| valid_id(id)));
                let mut sorted = parsed.clone();
                sorted.sort();
                sorted.dedup();
                prop_assert_eq!(sorted.len(), parsed.len(), "no repeats");
                prop_assert_eq!(parsed.first().map(String::as_str), parts.first().copied(), "order kept");
            }
            // Each error says what is wrong with this very input.
            Err(LinkError::NoQuestions) => prop_assert!(parts.is_empty()),
            Err(LinkError::BadId(shown)) => prop_assert!(
                parts.iter().any(|p| !valid_id(p) && p.starts_with(shown.as_str())),
                "{} quotes a bad part", shown
            ),
            Err(LinkError::TooMany(n)) => {
                prop_assert_eq!(n, parts.len());
                prop_assert!(n > MAX_LINK_IDS);
            }
            Err(other) => prop_assert!(false, "an id list cannot fail with {:?}", other),
        }
        let hash = format!("#/q/{text}/{mode}");
        let route = Route::parse(&hash);
        match &route {
            Route::Shared(Ok(link)) => {
                prop_assert!(link.quiz.ids.iter().all(|id| valid_id(id)));
                prop_assert!((1..=MAX_LINK_IDS).contains(&link.quiz.ids.len()));
                prop_assert_eq!(route.title(), "Quiz · pyquiz");
            }
            Route::Shared(Err(_)) => prop_assert_eq!(route.title(), "Broken link · pyquiz"),
            // Only an empty id list, or a `/` or `?` that splits the address, gives no route.
            Route::NotFound => prop_assert!(
                text.is_empty() || text.contains(['/', '?']) || mode.contains('/')
            ),
            other => prop_assert!(false, "{} opened {:?}", hash, other),
        }
        if let Ok(link) = QuizLink::parse(&text, Some(&mode)) {
            let shared = SharedLink { quiz: link.clone(), cut_off: false };
            prop_assert_eq!(Route::parse(&link.path()), Route::Shared(Ok(shared)));
        }
    }

    /// Any address, `%` and all: a page, never a panic.
    #[test]
    fn any_address_gives_a_page(hash in "[#/a-z0-9.%A-F!)(,'\"?=&-]{0,40}") {
        let route = Route::parse(&hash);
        let _ = route.title();
        let _ = route.path();
    }

    #[test]
    fn score_links_never_panic(score in ".{0,12}", a in any::<u64>(), b in any::<u64>(), ids in prop::collection::vec(some_id(), 0..8)) {
        let ids = ids.join(".");
        for s in [score.clone(), format!("{a}-{b}"), format!("{}-{}", a % 10, b % 10)] {
            if let Ok(link) = ScoreLink::parse(&s, &ids) {
                // Fewer ids than the total is a link cut short; never more.
                prop_assert!(link.correct <= link.total && link.ids.len() <= link.total);
                prop_assert_eq!(link.unread(), link.total - link.ids.len());
                prop_assert_eq!(ScoreLink::parse(&format!("{}-{}", link.correct, link.total), &link.ids.join(".")), Ok(link));
            }
            let _ = Route::parse(&format!("#/score/{s}/{ids}"));
        }
    }

    #[test]
    fn embed_parameters_fall_back_instead_of_failing(pairs in prop::collection::vec((prop_oneof![Just("topic".to_string()), Just("count".into()), Just("theme".into()), Just("mode".into()), Just("seed".into()), Just("difficulty".into()), Just("ids".into()), Just("color".into()), Just("quiz".into()), "[a-z]{1,6}"], ".{0,16}"), 0..10)) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let known = ["scope", "oop"];
        match EmbedParams::parse(&query.join("&"), &known) {
            Ok((p, _notices)) => {
                prop_assert!((1..=50).contains(&p.filters.count));
                prop_assert!(p.filters.topics.iter().all(|t| known.contains(&t.as_str())));
                if let Some(ids) = &p.ids {
                    prop_assert!(!ids.is_empty() && ids.len() <= MAX_LINK_IDS);
                }
            }
            Err(e) => prop_assert!(pairs.iter().any(|(k, _)| k == "ids"), "only a bad id list is an error: {e}"),
        }
    }

    /// Whatever a document holds, each decoder either reads it or says why; and what it reads
    /// writes back to a text that reads the same again (a save never drifts or breaks it).
    #[test]
    fn stored_documents_of_any_shape_decode_or_say_why(doc in any_json(), version in prop_oneof![Just(json!(1)), Just(json!(2)), Just(json!(3)), any_json()]) {
        let mut with_version = doc.clone();
        if let Value::Object(m) = &mut with_version {
            m.insert("version".into(), version);
        }
        let mut export_doc = with_version.clone();
        if let Value::Object(m) = &mut export_doc {
            m.insert("format".into(), json!("pyquiz-progress"));
        }
        for d in [&doc, &with_version, &export_doc] {
            reads_or_says_why(d)?;
        }
    }

    /// Real documents with one part replaced by anything: what is still readable is read, and
    /// written back it reads the same.
    #[test]
    fn damaged_documents_read_what_is_left_and_write_it_back_the_same(which in 0usize..5, path in prop::collection::vec(any::<usize>(), 0..6), junk in any_json()) {
        let original = sample_documents().swap_remove(which);
        // Undamaged, each reads back exactly as pinned.
        reads_or_says_why(&original)?;
        reads_or_says_why(&damaged(original, &path, junk))?;
    }
    #[test]
    fn truncated_documents_are_corrupt_never_a_panic(cut in 0usize..400, n in 1usize..6) {
        let text = encode_records(&records(n));
        let cut = cut.min(text.len());
        // The browser's JSON.parse fails on a truncated text; what reaches the decoder then is
        // nothing at all.
        let parsed: Value = serde_json::from_str(&text[..cut]).unwrap_or(Value::Null);
        match decode_records(&parsed) {
            Ok(d) => prop_assert_eq!(cut, text.len(), "only the whole text decodes: {:?}", d),
            Err(e) => prop_assert!(matches!(e, DecodeError::Corrupt(_))),
        }
    }

    #[test]
    fn no_valid_record_is_lost_from_a_partly_bad_document(n in 1usize..8, junk in prop::collection::vec((some_id(), any_json()), 0..8)) {
        let good = records(n);
        let mut doc: Value = serde_json::from_str(&encode_records(&good)).unwrap();
        let map = doc["records"].as_object_mut().unwrap();
        for (id, value) in junk {
            if !good.map.contains_key(&id) {
                map.insert(id, value);
            }
        }
        let decoded = decode_records(&doc).expect("a version 2 document with a records object");
        for (id, rec) in &good.map {
            prop_assert_eq!(decoded.value.map.get(id), Some(rec), "{} kept as it was", id);
        }
    }
}

/// Every decoder over `d`: each reads it, and what it read is written back to text that reads
/// as the same value and the same text again; or it refuses and says why.
fn reads_or_says_why(d: &Value) -> Result<(), TestCaseError> {
    match decode_records(d) {
        Ok(r) => {
            let text = encode_records(&r.value);
            let again = decode_records(&parse(&text)).expect("what it wrote reads back");
            prop_assert_eq!(again.skipped, 0);
            prop_assert_eq!(
                encode_records(&again.value),
                text.clone(),
                "stable once written"
            );
            let third = decode_records(&parse(&text)).expect("again");
            prop_assert_eq!(third.value, again.value);
        }
        Err(e) => said_why(&e, 2)?,
    }
    match decode_sessions(d) {
        Ok(list) => {
            let text = encode_sessions(&list.value);
            let again = decode_sessions(&parse(&text)).expect("what it wrote reads back");
            prop_assert_eq!(again.skipped, 0);
            prop_assert_eq!(
                encode_sessions(&again.value),
                text.clone(),
                "stable once written"
            );
            let third = decode_sessions(&parse(&text)).expect("again");
            prop_assert_eq!(third.value, again.value);
        }
        Err(e) => said_why(&e, 2)?,
    }
    match decode_settings(d) {
        Ok(settings) => {
            let text = encode_settings(&settings);
            let again = decode_settings(&parse(&text)).expect("what it wrote reads back");
            prop_assert_eq!(encode_settings(&again), text, "stable once written");
        }
        Err(e) => said_why(&e, 2)?,
    }
    match migrate_v1(d) {
        Ok(m) => {
            let text = encode_records(&m.value.records);
            prop_assert_eq!(decode_records(&parse(&text)).map(|r| r.skipped), Ok(0));
        }
        Err(e) => said_why(&e, 1)?,
    }
    if let Ok(file) = import(d) {
        let text = export(
            &file.records,
            &file.settings.clone().unwrap_or_default(),
            0.0,
        );
        let again = import(&parse(&text)).expect("an export imports");
        prop_assert_eq!(again.skipped, 0);
        prop_assert_eq!(
            export(&again.records, &again.settings.unwrap_or_default(), 0.0),
            text
        );
    }
    Ok(())
}

/// One document of each kind the app stores or reads, pinned as text (not made by the encoders
/// under test, so an encoder that drops or renames a field shows as drift).
fn sample_documents() -> Vec<Value> {
    const RECORDS: &str = r#"{"version":2,"reset":{"before":1,"set":1},"records":{"mut-01":{"card":[1767312000000,3.1262,5.3,0,1,1,0,2,1767225600000],"attempts":2,"correct":1,"last":1767225600000,"changed":1767225600000,"grade":"good","log":[[1767139200000,1],[1767225600000,3,1767225600001]]},"fn-02":{"card":[1767312000000,0.4,7,0,0,1,1,3,1767225600000],"attempts":1,"correct":0,"last":1767225600000,"changed":1767225600000,"grade":"again","log":[[1767225600000,1]]}}}"#;
    const SESSIONS: &str = r#"{"version":2,"sessions":[{"id":1,"updated":10,"session":{"ids":["mut-01","fn-02"],"mode":"exam","position":1,"started":1,"entered":5,"scheduled":false,"finished":null,"limit":600000,"slots":[{"picked":["a1b2c3"],"text":"","revealed":false,"hint":true,"flagged":true,"seen":true,"spent":3,"answer":{"response":{"choices":["a1b2c3"]},"correct":true,"at":4}},{"picked":[],"text":"draft","revealed":true,"hint":false,"flagged":false,"seen":true,"spent":0,"answer":null}]}},{"id":0,"updated":2,"session":null}]}"#;
    const SETTINGS: &str = r#"{"version":2,"updated":6,"filters":{"topics":["scope"],"difficulties":["mid"],"count":10},"mode":"exam","exam_minutes":20,"retention":0.85,"theme":"dark","bookmarks":{"q-1":[true,5]}}"#;
    const V1: &str = r#"{"version":1,"questions":{"q-1":{"attempts":2,"correct":1,"last_seen_ms":5.0,"last_grade":"good","review_box":1}},"current":{"ids":["q-1"],"mode":"practice","position":0,"entries":[{}],"started_ms":1.0},"settings":{"filters":{"topics":[],"difficulties":[],"count":20},"mode":"exam"}}"#;
    let export = format!(
        r#"{{"format":"pyquiz-progress","version":1,"exported":20,"records":{RECORDS},"settings":{SETTINGS}}}"#
    );
    [RECORDS, SESSIONS, SETTINGS, V1, &export]
        .iter()
        .map(|text| parse(text))
        .collect()
}

/// `doc` with the value at `path` (an index into each level's children) replaced by `junk`.
fn damaged(mut doc: Value, path: &[usize], junk: Value) -> Value {
    replace_at(&mut doc, path, junk);
    doc
}

fn replace_at(v: &mut Value, path: &[usize], junk: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *v = junk;
        return;
    };
    match v {
        Value::Object(m) if !m.is_empty() => {
            let key = m.keys().nth(step % m.len()).cloned().unwrap_or_default();
            if let Some(child) = m.get_mut(&key) {
                replace_at(child, rest, junk);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            replace_at(&mut a[step % n], rest, junk);
        }
        _ => *v = junk,
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// A decoder's refusal says why: a version newer than it reads, or what is wrong.
fn said_why(e: &DecodeError, reads: u64) -> Result<(), TestCaseError> {
    match e {
        DecodeError::UnknownVersion(v) => prop_assert!(*v > reads),
        DecodeError::Corrupt(why) => prop_assert!(!why.trim().is_empty(), "a reason"),
    }
    Ok(())
}

fn records(n: usize) -> Records {
    let mut r = Records::default();
    for i in 0..n {
        let grade = if i % 3 == 0 {
            Grade::Again
        } else {
            Grade::Good
        };
        let o = Outcome {
            id: format!("q-{i}"),
            grade,
            correct: grade.is_correct(),
            skipped: false,
        };
        r.record(&o, 1_767_225_600_000.0 + i as f64 * DAY_MS, 0.9, true);
    }
    r
}

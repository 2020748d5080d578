//! Version 1: one document under `pyquiz.progress` holding Leitner records, the quiz in progress
//! and the settings. Migrating it gives the three version 2 documents; the caller keeps the
//! original as a backup.
//!
//! `{"version":1,"questions":{id:{"attempts","correct","last_seen_ms","last_grade",
//! "review_box"}},"current":{"ids","mode","position","entries":[{"selected":[i],"text",
//! "revealed","hint_shown","answer":{"response":{"choices"|"text"|"selfgrade":…},"correct",
//! "at_ms"}}],"started_ms","finished_ms"},"settings":{"filters":{…},"mode"}}`

use super::settings_doc::read_settings;
use super::{DecodeError, Decoded};
use crate::progress::card::Card;
use crate::progress::records::{Logged, Record, Records};
use crate::progress::settings::Settings;
use crate::quiz::{Answer, Grade, Mode, Response, Session, Slot};
use bank_format::json::Json;

/// What a version 1 document becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct Migrated {
    pub records: Records,
    pub session: Option<Session>,
    pub settings: Settings,
}

pub fn migrate_v1<J: Json>(doc: &J) -> Result<Decoded<Migrated>, DecodeError> {
    match doc.uint_at("version", u64::from(u32::MAX)) {
        Some(1) => {}
        Some(v) if v > 1 => return Err(DecodeError::UnknownVersion(v)),
        _ => return Err(DecodeError::Corrupt("no version number".into())),
    }
    let mut skipped = 0;
    let mut records = Records::default();
    if let Some(entries) = doc.get("questions").and_then(|q| q.entries()) {
        for (id, v) in entries {
            match read_v1_record(&v) {
                Some(r) => {
                    records.map.insert(id, r);
                }
                None => skipped += 1,
            }
        }
    }
    // A v1 quiz that does not hold together is dropped (its answers are in the records).
    let session = doc.get("current").and_then(|c| read_v1_session(&c));
    let mut settings = read_settings(doc.get("settings").as_ref().unwrap_or(doc));
    settings.updated_ms = 0.0;
    Ok(Decoded {
        value: Migrated {
            records,
            session,
            settings,
        },
        skipped,
    })
}

fn read_v1_record<J: Json>(v: &J) -> Option<Record> {
    let attempts = v.uint_at("attempts", u64::from(u32::MAX))? as u32;
    let correct = (v.uint_at("correct", u64::from(u32::MAX))? as u32).min(attempts);
    let last_ms = v.f64_at("last_seen_ms")?;
    let last_grade = Grade::parse(&v.str_at("last_grade")?)?;
    let review_box = v.uint_at("review_box", 255).unwrap_or(0) as u8;
    Some(Record {
        card: Card::from_leitner(review_box, last_ms, attempts, correct),
        attempts,
        correct,
        last_ms,
        last_grade,
        log: vec![Logged::new(last_ms, last_grade)],
        changed_ms: last_ms,
    })
}

fn read_v1_session<J: Json>(v: &J) -> Option<Session> {
    let ids = v.strings_at("ids");
    let started_ms = v.f64_at("started_ms")?;
    let position = v.uint_at("position", 1000)? as usize;
    let slots: Vec<Slot> = v
        .get("entries")?
        .items()?
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let answer = e
                .get("answer")
                .filter(|a| a.entries().is_some())
                .and_then(|a| {
                    let r = a.get("response")?;
                    let response = if r.get("choices").is_some() {
                        // Positions in an option order that content edits may have changed since.
                        Response::Legacy
                    } else if let Some(t) = r.str_at("text") {
                        Response::Text(t)
                    } else {
                        Response::SelfGrade(Grade::parse(&r.str_at("selfgrade")?)?)
                    };
                    Some(Answer {
                        response,
                        correct: a.bool_at("correct")?,
                        at_ms: a.f64_at("at_ms")?,
                    })
                });
            Slot {
                text: e.str_at("text").unwrap_or_default(),
                revealed: e.bool_at("revealed").unwrap_or(false),
                hint_shown: e.bool_at("hint_shown").unwrap_or(false),
                // Version 1 moved only forward: the questions up to its position were shown, the
                // rest never were (and must not count as skipped).
                seen: i <= position,
                answer,
                ..Slot::default()
            }
        })
        .collect();
    let s = Session {
        mode: Mode::parse(&v.str_at("mode")?)?,
        position,
        finished_ms: v.f64_at("finished_ms"),
        time_limit_ms: None,
        entered_ms: started_ms,
        scheduled: true,
        purpose: None,
        started_ms,
        ids,
        slots,
    };
    s.is_consistent().then_some(s)
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use crate::progress::card::DAY_MS;

    /// A v1 document exactly as the first release wrote it: it must migrate forever.
    const PINNED_V1: &str = r#"{"version":1,"questions":{"mut-01":{"attempts":2,"correct":1,"last_seen_ms":5.0,"last_grade":"good","review_box":1},"fn-02":{"attempts":1,"correct":0,"last_seen_ms":6.0,"last_grade":"again","review_box":0}},
        "current":{"ids":["mut-01","fn-02"],"mode":"practice","position":1,"entries":[{"selected":[1],"text":"","revealed":false,"answer":{"response":{"choices":[1]},"correct":true,"at_ms":4.0}},{"selected":[],"text":"dra","revealed":false,"hint_shown":true,"answer":null}],"started_ms":1.0,"finished_ms":null},
        "settings":{"filters":{"topics":["mutability"],"difficulties":["junior"],"count":5},"mode":"exam"}}"#;

    #[test]
    fn pinned_v1_document_migrates() {
        let m = migrate_v1(&parse(PINNED_V1)).unwrap();
        assert_eq!(m.skipped, 0);
        let r = &m.value.records.map["mut-01"];
        assert_eq!((r.attempts, r.correct, r.last_grade), (2, 1, Grade::Good));
        assert_eq!(r.card.due_ms, 5.0 + DAY_MS, "box 1 was due a day later");
        assert!(
            m.value.records.map["fn-02"].card.is_due(6.0),
            "box 0 was due at once"
        );
        let s = m.value.session.expect("the quiz in progress carries over");
        assert_eq!(s.position, 1);
        assert_eq!(
            s.slots[0].answer.as_ref().map(|a| (&a.response, a.correct)),
            Some((&Response::Legacy, true))
        );
        assert!(
            s.slots[0].picked.is_empty(),
            "option positions are not carried over as picks"
        );
        assert_eq!(s.slots[1].text, "dra");
        assert!(s.slots[1].hint_shown);
        assert_eq!(m.value.settings.filters.topics, ["mutability"]);
        assert_eq!(m.value.settings.mode, Mode::Exam);
    }

    #[test]
    fn only_the_questions_up_to_the_saved_position_were_seen() {
        let doc = r#"{"version":1,"current":{"ids":["a-1","b-2","c-3"],"mode":"practice","position":1,"entries":[{},{},{}],"started_ms":1.0}}"#;
        let s = migrate_v1(&parse(doc)).unwrap().value.session.unwrap();
        let seen: Vec<bool> = s.slots.iter().map(|slot| slot.seen).collect();
        assert_eq!(seen, [true, true, false]);
        let mut s = s;
        let skipped: Vec<String> = s.finish(|_| None, 2.0).into_iter().map(|o| o.id).collect();
        assert_eq!(
            skipped,
            ["a-1", "b-2"],
            "the question never shown is not a skip"
        );
    }

    #[test]
    fn minimal_and_partly_bad_v1() {
        let m = migrate_v1(&parse(r#"{"version":1}"#)).unwrap();
        assert_eq!(m.value.records, Records::default());
        let m = migrate_v1(&parse(
            r#"{"version":1,"questions":{"a-1":{"attempts":-1},"b-2":{"attempts":1,"correct":1,"last_seen_ms":1,"last_grade":"good"}},"current":{"ids":[]}}"#,
        ))
        .unwrap();
        assert_eq!(m.skipped, 1);
        assert_eq!(m.value.records.map.keys().collect::<Vec<_>>(), ["b-2"]);
        assert!(m.value.session.is_none());
        assert_eq!(
            migrate_v1(&parse(r#"{"version":7}"#)),
            Err(DecodeError::UnknownVersion(7))
        );
        assert!(matches!(
            migrate_v1(&parse("[1]")),
            Err(DecodeError::Corrupt(_))
        ));
    }
}

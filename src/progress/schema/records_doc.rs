//! `pyquiz.records`: `{"version":2,"reset":{"before":ms,"set":ms},"records":{id: record}}`,
//! a record being `{"card":[due,stability,difficulty,elapsed,scheduled,reps,lapses,state,
//! last_review],"attempts":n,"correct":n,"last":ms,"changed":ms,"grade":"good",
//! "log":[[ms,rating],…]}` with FSRS ratings 1 (again) to 4 (easy) in the log. A log entry may
//! carry a third number, when an undo or import brought that answer back: added within version
//! 2, it is optional, and older readers ignore it.

use super::{version_of, DecodeError, Decoded, CURRENT_VERSION};
use crate::progress::card::Card;
use crate::progress::records::{Logged, Record, Records, Tombstone, LOG_KEEP};
use crate::quiz::Grade;
use bank_format::json::{Json, Writer};

pub fn encode_records(r: &Records) -> String {
    let mut w = Writer::new();
    w.begin_object()
        .key("version")
        .number(CURRENT_VERSION as f64);
    w.key("reset")
        .begin_object()
        .key("before")
        .number(r.reset.before_ms)
        .key("set")
        .number(r.reset.set_ms)
        .end_object();
    w.key("records").begin_object();
    for (id, rec) in &r.map {
        w.key(id);
        write_record(&mut w, rec);
    }
    w.end_object().end_object();
    w.finish()
}

pub(super) fn write_record(w: &mut Writer, rec: &Record) {
    let c = &rec.card;
    w.begin_object().key("card").begin_array();
    for n in [
        c.due_ms,
        c.stability,
        c.difficulty,
        c.elapsed_days as f64,
        c.scheduled_days as f64,
        f64::from(c.reps),
        f64::from(c.lapses),
        f64::from(c.state),
        c.last_review_ms,
    ] {
        w.number(n);
    }
    w.end_array();
    w.key("attempts").number(f64::from(rec.attempts));
    w.key("correct").number(f64::from(rec.correct));
    w.key("last").number(rec.last_ms);
    w.key("changed").number(rec.changed_ms);
    w.key("grade").string(rec.last_grade.as_str());
    w.key("log").begin_array();
    for e in &rec.log {
        w.begin_array()
            .number(e.at_ms)
            .number(rating_number(e.grade));
        if e.restored_ms > 0.0 {
            w.number(e.restored_ms);
        }
        w.end_array();
    }
    w.end_array().end_object();
}

fn rating_number(g: Grade) -> f64 {
    match g {
        Grade::Again => 1.0,
        Grade::Hard => 2.0,
        Grade::Good => 3.0,
        Grade::Easy => 4.0,
    }
}

fn grade_of_rating(n: f64) -> Option<Grade> {
    match n as i64 {
        1 => Some(Grade::Again),
        2 => Some(Grade::Hard),
        3 => Some(Grade::Good),
        4 => Some(Grade::Easy),
        _ => None,
    }
}

/// Reads the records document; records that do not decode are left out and counted.
pub fn decode_records<J: Json>(doc: &J) -> Result<Decoded<Records>, DecodeError> {
    version_of(doc, CURRENT_VERSION)?;
    let entries = doc
        .get("records")
        .map(|r| r.entries().ok_or(()))
        .unwrap_or(Ok(Vec::new()))
        .map_err(|_| DecodeError::Corrupt("records is not an object".into()))?;
    let reset = doc
        .get("reset")
        .map(|t| Tombstone {
            before_ms: t.f64_at("before").unwrap_or(0.0),
            set_ms: t.f64_at("set").unwrap_or(0.0),
        })
        .unwrap_or_default();
    let mut out = Records {
        reset,
        ..Records::default()
    };
    let mut skipped = 0;
    for (id, v) in entries {
        match read_record(&v) {
            Some(rec) if valid_id(&id) && rec.changed_ms > reset.before_ms => {
                out.map.insert(id, rec);
            }
            // A record from before a reset is gone by the reset's rule, not unreadable.
            Some(_) if valid_id(&id) => {}
            _ => skipped += 1,
        }
    }
    Ok(Decoded {
        value: out,
        skipped,
    })
}

/// The shape of a question id (see `share::link`); anything else cannot be a record's key.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 16
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(super) fn read_record<J: Json>(v: &J) -> Option<Record> {
    let nums: Vec<f64> = v
        .get("card")?
        .items()?
        .iter()
        .map(|n| n.as_f64().filter(|x| x.is_finite()))
        .collect::<Option<_>>()?;
    let [due, stability, difficulty, elapsed, scheduled, reps, lapses, state, last_review] =
        nums[..]
    else {
        return None;
    };
    let small = |x: f64| (x.abs() < 1e9).then_some(x as i64);
    let card = Card {
        due_ms: due,
        stability: stability.max(0.0),
        difficulty: difficulty.clamp(0.0, 10.0),
        elapsed_days: small(elapsed)?,
        scheduled_days: small(scheduled)?,
        reps: small(reps)?.clamp(0, i64::from(i32::MAX)) as i32,
        lapses: small(lapses)?.clamp(0, i64::from(i32::MAX)) as i32,
        state: if (0.0..=3.0).contains(&state) {
            state as u8
        } else {
            return None;
        },
        last_review_ms: last_review,
    };
    let count = |key| v.uint_at(key, u64::from(u32::MAX)).map(|n| n as u32);
    let mut log: Vec<Logged> = v
        .get("log")
        .and_then(|l| l.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let entry = e.items()?;
            let number = |i: usize| entry.get(i)?.as_f64().filter(|n| n.is_finite());
            Some(Logged {
                at_ms: number(0)?,
                grade: grade_of_rating(number(1)?)?,
                restored_ms: number(2).unwrap_or(0.0).max(0.0),
            })
        })
        .collect();
    let skip = log.len().saturating_sub(LOG_KEEP);
    log.drain(..skip);
    let last_ms = v.f64_at("last")?;
    Some(Record {
        card,
        attempts: count("attempts")?,
        correct: count("correct")?,
        last_ms,
        last_grade: v.str_at("grade").and_then(|g| Grade::parse(&g))?,
        log,
        changed_ms: v.f64_at("changed").unwrap_or(last_ms),
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn sample() -> Records {
        let mut r = Records::answered(&[
            ("mut-01", Grade::Good, 1000.0),
            ("fn-02", Grade::Again, 2000.0),
            ("mut-01", Grade::Easy, 3000.0),
        ]);
        r.reset = Tombstone {
            before_ms: 500.0,
            set_ms: 500.0,
        };
        r.map.get_mut("fn-02").unwrap().log[0].restored_ms = 2500.0;
        r
    }

    #[test]
    fn round_trips() {
        let r = sample();
        let back = decode_records(&parse(&encode_records(&r))).unwrap();
        assert_eq!(
            back,
            Decoded {
                value: r,
                skipped: 0
            }
        );
    }

    #[test]
    fn pinned_v2_document_still_decodes() {
        // As written by the first release with storage version 2: it must load forever.
        let raw = r#"{"version":2,"reset":{"before":0,"set":0},"records":{"mut-01":{"card":[1767312000000,3.1262,5.3,0,1,1,0,2,1767225600000],"attempts":1,"correct":1,"last":1767225600000,"changed":1767225600000,"grade":"good","log":[[1767225600000,3]]}}}"#;
        let r = decode_records(&parse(raw)).unwrap().value;
        let m = &r.map["mut-01"];
        assert_eq!((m.attempts, m.correct, m.last_grade), (1, 1, Grade::Good));
        assert_eq!(m.card.state, 2);
        assert_eq!(m.log, [Logged::new(1_767_225_600_000.0, Grade::Good)]);
    }

    #[test]
    fn bad_records_are_left_out_and_counted_the_rest_kept() {
        let good = encode_records(&sample());
        let v = parse(&good);
        let mut doc = v.clone();
        let recs = doc["records"].as_object_mut().unwrap();
        recs.insert("bad-1".into(), serde_json::json!({"card": "nope"}));
        recs.insert("BAD ID".into(), v["records"]["mut-01"].clone());
        recs.insert("bad-2".into(), serde_json::json!(42));
        let d = decode_records(&doc).unwrap();
        assert_eq!(d.skipped, 3);
        assert_eq!(d.value.map.len(), 2, "both good records survive");
    }

    #[test]
    fn versions_and_shapes() {
        assert_eq!(
            decode_records(&parse(r#"{"version":3}"#)),
            Err(DecodeError::UnknownVersion(3))
        );
        for raw in [
            "",
            "[]",
            "null",
            r#"{"records":{}}"#,
            r#"{"version":"2"}"#,
            r#"{"version":2,"records":[1]}"#,
            r#"{"version":1}"#,
        ] {
            assert!(
                matches!(decode_records(&parse(raw)), Err(DecodeError::Corrupt(_))),
                "{raw}"
            );
        }
        let empty = decode_records(&parse(r#"{"version":2}"#)).unwrap();
        assert_eq!(empty.value, Records::default());
    }
}

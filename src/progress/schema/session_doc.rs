//! `pyquiz.session`: the quizzes in progress (or just finished, for their results page),
//! `{"version":2,"sessions":[{"id":started_ms,"updated":ms,"session":{…}|null}]}`. Each tab
//! owns its own quiz: tabs merge the list per quiz (newest wins, `null` marks a discarded one)
//! and never write another tab's quiz back, so two tabs never take each other's place.

use super::{as_written, version_of, DecodeError, Decoded, CURRENT_VERSION};
use crate::quiz::{Answer, Grade, Mode, Response, Session, Slot};
use bank_format::json::{Json, Writer};

/// Quizzes kept: the newest few, whether finished, in progress or discarded.
pub const SESSIONS_KEEP: usize = 6;

/// One saved quiz, known by when it started; `None` once discarded.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedSession {
    pub id: f64,
    pub updated_ms: f64,
    pub session: Option<Session>,
}

impl SavedSession {
    /// Whether this copy of a quiz outranks `other`: the later one, and between two saved in
    /// the same millisecond by different tabs, the same one in every tab (by their text), so
    /// all tabs end up holding the same copy.
    pub fn outranks(&self, other: &SavedSession) -> bool {
        if self.updated_ms != other.updated_ms || self == other {
            return self.updated_ms > other.updated_ms;
        }
        // Further along first (discarded, finished, more answers), then by text.
        let rank = |s: &SavedSession| match &s.session {
            None => (true, true, usize::MAX, usize::MAX),
            Some(q) => (false, q.is_finished(), q.answered_count(), q.position),
        };
        match rank(self).cmp(&rank(other)) {
            std::cmp::Ordering::Equal => {
                encode_sessions(std::slice::from_ref(self))
                    > encode_sessions(std::slice::from_ref(other))
            }
            order => order.is_gt(),
        }
    }
}

/// Puts `incoming` into `list` (per quiz the copy that outranks), newest first, at most
/// `SESSIONS_KEEP`. Returns whether the list changed.
pub fn merge_sessions(list: &mut Vec<SavedSession>, incoming: &[SavedSession]) -> bool {
    let before = list.clone();
    for theirs in incoming {
        match list.iter_mut().find(|s| s.id == theirs.id) {
            Some(ours) if theirs.outranks(ours) => *ours = theirs.clone(),
            Some(_) => {}
            None => list.push(theirs.clone()),
        }
    }
    crate::order::sort_by_key_f64(list, |s| -s.updated_ms);
    list.truncate(SESSIONS_KEEP);
    *list != before
}

pub fn encode_sessions(list: &[SavedSession]) -> String {
    let mut w = Writer::new();
    w.begin_object()
        .key("version")
        .number(CURRENT_VERSION as f64)
        .key("sessions")
        .begin_array();
    for saved in list {
        w.begin_object()
            .key("id")
            .number(saved.id)
            .key("updated")
            .number(saved.updated_ms)
            .key("session");
        match &saved.session {
            None => {
                w.null();
            }
            Some(s) => write_session(&mut w, s),
        }
        w.end_object();
    }
    w.end_array().end_object();
    w.finish()
}

fn write_session(w: &mut Writer, s: &Session) {
    w.begin_object().key("ids").begin_array();
    for id in &s.ids {
        w.string(id);
    }
    w.end_array();
    w.key("mode").string(s.mode.as_str());
    w.key("position").number(s.position as f64);
    w.key("started").number(s.started_ms);
    w.key("entered").number(s.entered_ms);
    w.key("scheduled").bool(s.scheduled);
    if let Some(purpose) = &s.purpose {
        w.key("purpose").string(purpose);
    }
    w.key("finished");
    opt_number(w, s.finished_ms);
    w.key("limit");
    opt_number(w, s.time_limit_ms);
    w.key("slots").begin_array();
    for slot in &s.slots {
        write_slot(w, slot);
    }
    w.end_array().end_object();
}

fn opt_number(w: &mut Writer, n: Option<f64>) {
    match n {
        Some(n) => w.number(n),
        None => w.null(),
    };
}

fn write_slot(w: &mut Writer, slot: &Slot) {
    w.begin_object().key("picked").begin_array();
    for k in &slot.picked {
        w.string(k);
    }
    w.end_array();
    w.key("text").string(&slot.text);
    w.key("revealed").bool(slot.revealed);
    w.key("hint").bool(slot.hint_shown);
    w.key("flagged").bool(slot.flagged);
    w.key("seen").bool(slot.seen);
    w.key("spent").number(slot.spent_ms);
    w.key("answer");
    match &slot.answer {
        None => {
            w.null();
        }
        Some(a) => {
            w.begin_object().key("response").begin_object();
            match &a.response {
                Response::Choices(keys) => {
                    w.key("choices").begin_array();
                    for k in keys {
                        w.string(k);
                    }
                    w.end_array();
                }
                Response::Text(t) => {
                    w.key("text").string(t);
                }
                Response::SelfGrade(g) => {
                    w.key("grade").string(g.as_str());
                }
                Response::Legacy => {
                    w.key("legacy").bool(true);
                }
            }
            w.end_object();
            w.key("correct").bool(a.correct).key("at").number(a.at_ms);
            w.end_object();
        }
    }
    w.end_object();
}

/// Reads the list; a quiz that does not hold together is left out and counted.
pub fn decode_sessions<J: Json>(doc: &J) -> Result<Decoded<Vec<SavedSession>>, DecodeError> {
    version_of(doc, CURRENT_VERSION)?;
    let items = match doc.get("sessions") {
        None => Vec::new(),
        Some(l) => l
            .items()
            .ok_or_else(|| DecodeError::Corrupt("sessions is not a list".into()))?,
    };
    let mut skipped = 0;
    let mut list = Vec::new();
    for item in items.iter().take(SESSIONS_KEEP * 4) {
        let (Some(id), Some(updated_ms)) = (item.f64_at("id"), item.f64_at("updated")) else {
            skipped += 1;
            continue;
        };
        let (id, updated_ms) = (as_written(id), as_written(updated_ms));
        match item.get("session") {
            Some(s) if s.entries().is_some() => match read_session(&s) {
                Some(session) => list.push(SavedSession {
                    id,
                    updated_ms,
                    session: Some(session),
                }),
                None => skipped += 1,
            },
            _ => list.push(SavedSession {
                id,
                updated_ms,
                session: None,
            }),
        }
    }
    let mut merged = Vec::new();
    merge_sessions(&mut merged, &list);
    Ok(Decoded {
        value: merged,
        skipped,
    })
}

/// Questions a saved quiz may hold: more than any link allows, far fewer than would hurt.
const MAX_IDS: usize = 1000;

fn read_session<J: Json>(v: &J) -> Option<Session> {
    let ids = v.strings_at("ids");
    let slots: Vec<Slot> = v
        .get("slots")?
        .items()?
        .iter()
        .map(read_slot)
        .collect::<Option<_>>()?;
    let s = Session {
        mode: Mode::parse(&v.str_at("mode")?)?,
        position: v.uint_at("position", MAX_IDS as u64)? as usize,
        started_ms: v.f64_at("started")?,
        entered_ms: v.f64_at("entered").or_else(|| v.f64_at("started"))?,
        scheduled: v.bool_at("scheduled").unwrap_or(true),
        // At most a short tag: anything longer is not one this app wrote.
        purpose: v.str_at("purpose").filter(|p| p.len() <= 32),
        finished_ms: v.f64_at("finished"),
        time_limit_ms: v.f64_at("limit").filter(|l| *l > 0.0),
        ids,
        slots,
    };
    (s.is_consistent() && s.ids.len() <= MAX_IDS).then_some(s)
}

fn read_slot<J: Json>(v: &J) -> Option<Slot> {
    let answer = match v.get("answer") {
        Some(a) if a.entries().is_some() => {
            let r = a.get("response")?;
            let response = if let Some(keys) = r.get("choices") {
                keys.items()?;
                Response::Choices(r.strings_at("choices"))
            } else if let Some(t) = r.str_at("text") {
                Response::Text(t)
            } else if let Some(g) = r.str_at("grade") {
                Response::SelfGrade(Grade::parse(&g)?)
            } else if r.bool_at("legacy") == Some(true) {
                Response::Legacy
            } else {
                return None;
            };
            Some(Answer {
                response,
                correct: a.bool_at("correct")?,
                at_ms: a.f64_at("at")?,
            })
        }
        _ => None,
    };
    Some(Slot {
        picked: v.strings_at("picked"),
        text: v.str_at("text").unwrap_or_default(),
        revealed: v.bool_at("revealed").unwrap_or(false),
        hint_shown: v.bool_at("hint").unwrap_or(false),
        flagged: v.bool_at("flagged").unwrap_or(false),
        seen: v.bool_at("seen").unwrap_or(false),
        spent_ms: v.f64_at("spent").unwrap_or(0.0).max(0.0),
        answer,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn session() -> Session {
        let mut s = Session::new(
            vec!["mut-01".into(), "fn-02".into(), "ctx-03".into()],
            Mode::Exam,
            3.0,
        );
        s.slots[0].picked = vec!["k1".into()];
        s.slots[0].answer = Some(Answer {
            response: Response::Choices(vec!["k1".into()]),
            correct: true,
            at_ms: 4.0,
        });
        s.slots[1].text = "draft \"quoted\"\n".into();
        s.slots[1].flagged = true;
        s.slots[2].answer = Some(Answer {
            response: Response::SelfGrade(Grade::Hard),
            correct: true,
            at_ms: 5.0,
        });
        s.time_limit_ms = Some(600_000.0);
        s.scheduled = false;
        s.purpose = Some("friend:3-5".into());
        s
    }

    fn saved(id: f64, updated: f64, session: Option<Session>) -> SavedSession {
        SavedSession {
            id,
            updated_ms: updated,
            session,
        }
    }

    #[test]
    fn round_trips() {
        let list = vec![saved(3.0, 9.0, Some(session())), saved(1.0, 2.0, None)];
        let back = decode_sessions(&parse(&encode_sessions(&list))).unwrap();
        assert_eq!(
            back,
            Decoded {
                value: list,
                skipped: 0
            }
        );
    }

    #[test]
    fn pinned_v2_document_still_decodes() {
        let raw = r#"{"version":2,"sessions":[{"id":1,"updated":10,"session":{"ids":["mut-01"],"mode":"practice","position":0,"started":1,"entered":1,"scheduled":true,"finished":null,"limit":null,"slots":[{"picked":["a1b2c3"],"text":"","revealed":false,"hint":false,"flagged":false,"seen":true,"spent":0,"answer":{"response":{"choices":["a1b2c3"]},"correct":true,"at":4}}]}}]}"#;
        let list = decode_sessions(&parse(raw)).unwrap().value;
        let s = list[0].session.as_ref().unwrap();
        assert_eq!(s.answered_count(), 1);
        assert_eq!(s.slots[0].picked, ["a1b2c3"]);
    }

    #[test]
    fn two_tabs_quizzes_both_survive_and_discards_win_when_newer() {
        let mut a = vec![saved(1.0, 10.0, Some(session()))];
        let b = vec![saved(2.0, 11.0, Some(session()))];
        assert!(merge_sessions(&mut a, &b));
        assert_eq!(
            a.iter().map(|s| s.id).collect::<Vec<_>>(),
            [2.0, 1.0],
            "newest first, both kept"
        );
        assert!(merge_sessions(&mut a, &[saved(1.0, 12.0, None)]));
        assert!(
            a.iter().any(|s| s.id == 1.0 && s.session.is_none()),
            "discarded"
        );
        assert!(
            !merge_sessions(&mut a, &[saved(1.0, 5.0, Some(session()))]),
            "an older copy changes nothing"
        );
        let many: Vec<SavedSession> = (0..20)
            .map(|i| saved(f64::from(i), f64::from(i), None))
            .collect();
        merge_sessions(&mut a, &many);
        assert_eq!(a.len(), SESSIONS_KEEP);
    }

    #[test]
    fn an_inconsistent_quiz_is_left_out_not_a_panic() {
        for bad in [
            r#"{"ids":[],"mode":"practice","position":0,"started":0,"slots":[]}"#,
            r#"{"ids":["a-1"],"mode":"practice","position":5,"started":0,"slots":[{}]}"#,
            r#"{"ids":["a-1"],"mode":"party","position":0,"started":0,"slots":[{}]}"#,
            r#"{"ids":["a-1"],"mode":"exam","position":0,"started":0,"slots":[{"answer":{"response":{}}}]}"#,
        ] {
            let raw = format!(
                r#"{{"version":2,"sessions":[{{"id":1,"updated":1,"session":{bad}}},{{"id":2,"updated":2,"session":null}}]}}"#
            );
            let d = decode_sessions(&parse(&raw)).unwrap();
            assert_eq!((d.skipped, d.value.len()), (1, 1), "{bad}");
        }
        assert!(matches!(
            decode_sessions(&parse(r#"{"version":2,"sessions":5}"#)),
            Err(DecodeError::Corrupt(_))
        ));
        assert_eq!(
            decode_sessions(&parse(r#"{"version":2}"#)).unwrap().value,
            Vec::new()
        );
    }

    /// Found by the fuzz test: two quizzes whose ids differed only past the ninth decimal were
    /// both kept, written with the same id, and merged into one on the next read.
    #[test]
    fn ids_are_read_as_they_are_written() {
        let raw = r#"{"version":2,"sessions":[{"id":1e-276,"updated":10,"session":null},{"id":0,"updated":2,"session":null}]}"#;
        let list = decode_sessions(&parse(raw)).unwrap().value;
        assert_eq!(list.len(), 1, "one quiz, as every later read sees it");
        let again = decode_sessions(&parse(&encode_sessions(&list)))
            .unwrap()
            .value;
        assert_eq!(again, list);
    }

    /// Found by the storage model test: two tabs saved different copies of one quiz in the same
    /// millisecond, each kept its own, and one tab showed a copy that was never saved.
    #[test]
    fn copies_saved_in_the_same_millisecond_settle_on_the_same_one_everywhere() {
        let mut further = session();
        further.position = 2;
        let a = saved(3.0, 9.0, Some(session()));
        let b = saved(3.0, 9.0, Some(further));
        assert!(
            b.outranks(&a) && !a.outranks(&b),
            "one wins, whichever tab compares"
        );
        let (mut in_a, mut in_b) = (vec![a.clone()], vec![b.clone()]);
        merge_sessions(&mut in_a, std::slice::from_ref(&b));
        merge_sessions(&mut in_b, std::slice::from_ref(&a));
        assert_eq!(in_a, in_b);
        assert!(!a.outranks(&a), "a copy never outranks itself");
        assert!(
            saved(3.0, 9.0, None).outranks(&b),
            "a discard outranks at a tie"
        );
    }
}

//! The storage format: one JSON document under `STORAGE_KEY`, with a `version` from day one.
//! Each version has a migration to the next; decoding never panics on bad data, it says why.

use super::Progress;
use serde_json::Value;
use std::fmt;

pub const STORAGE_KEY: &str = "pyquiz.progress";
pub const CURRENT_VERSION: u32 = 1;

/// Where unreadable data is kept, so nothing is ever thrown away.
pub fn backup_key(now_ms: f64) -> String {
    format!("{STORAGE_KEY}.backup.{}", now_ms as u64)
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version.
    Corrupt(String),
    /// Written by a newer version of the app.
    UnknownVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(why) => write!(f, "saved progress could not be read ({why})"),
            DecodeError::UnknownVersion(v) => {
                write!(f, "saved progress is from a newer version (format {v})")
            }
        }
    }
}

pub fn encode(progress: &Progress) -> String {
    serde_json::to_string(progress).unwrap_or_else(|_| "{}".into())
}

/// Reads any known version and migrates it to the current one.
pub fn decode(raw: &str) -> Result<Progress, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::Corrupt("no version number".into()))?;
    let progress = match version {
        1 => from_v1(value)?,
        v => return Err(DecodeError::UnknownVersion(v)),
    };
    Ok(progress)
}

/// Version 1 is the current format; it only needs its internal consistency checked. A future
/// version 2 adds `from_v2` here and turns this into a migration from 1 to 2.
fn from_v1(value: Value) -> Result<Progress, DecodeError> {
    let mut p: Progress =
        serde_json::from_value(value).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    if p.current.as_ref().is_some_and(|s| !s.is_consistent()) {
        return Err(DecodeError::Corrupt(
            "the saved quiz is inconsistent".into(),
        ));
    }
    p.version = CURRENT_VERSION;
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Grade, Mode, Session};

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record("mut-01", true, None, 1.0);
        p.record("fn-02", false, Some(Grade::Again), 2.0);
        let mut s = Session::new(vec!["mut-01".into(), "fn-02".into()], Mode::Exam, 3.0);
        s.entries[0].text = "draft".into();
        p.current = Some(s);
        p.settings.filters.count = 7;
        p
    }

    #[test]
    fn round_trips() {
        let p = sample();
        assert_eq!(decode(&encode(&p)), Ok(p));
    }

    #[test]
    fn pinned_v1_document_still_decodes() {
        // A v1 document as written by the first release: it must keep loading forever.
        let raw = r#"{"version":1,"questions":{"mut-01":{"attempts":2,"correct":1,"last_seen_ms":5.0,"last_grade":"good","review_box":1}},
            "current":{"ids":["mut-01"],"mode":"practice","position":0,"entries":[{"selected":[1],"text":"","revealed":false,"answer":{"response":{"choices":[1]},"correct":true,"at_ms":4.0}}],"started_ms":1.0,"finished_ms":null},
            "settings":{"filters":{"topics":["mutability"],"difficulties":["junior"],"count":5},"mode":"practice"}}"#;
        let p = decode(raw).expect("v1 decodes");
        assert_eq!(p.questions["mut-01"].attempts, 2);
        assert_eq!(p.current.as_ref().map(|s| s.answered_count()), Some(1));
        assert_eq!(p.settings.filters.count, 5);
    }

    #[test]
    fn minimal_v1_fills_defaults() {
        assert_eq!(decode(r#"{"version":1}"#), Ok(Progress::default()));
    }

    #[test]
    fn corrupted_blobs_are_errors_not_panics() {
        for raw in ["", "not json", "[]", "null", "{\"questions\":{}}", "{\"version\":\"1\"}", "{\"version\":1,\"questions\":[1,2]}", "{\"version\":1,\"questions\":{\"a\":{\"attempts\":-1}}}", "{\"version\":1,\"current\":{\"ids\":[],\"mode\":\"practice\",\"position\":0,\"entries\":[],\"started_ms\":0}}"] {
            assert!(matches!(decode(raw), Err(DecodeError::Corrupt(_))), "{raw:?} should be corrupt, got {:?}", decode(raw));
        }
    }

    #[test]
    fn truncated_document_is_corrupt() {
        let raw = encode(&sample());
        assert!(matches!(
            decode(&raw[..raw.len() / 2]),
            Err(DecodeError::Corrupt(_))
        ));
    }

    #[test]
    fn newer_version_is_reported_as_such() {
        assert_eq!(
            decode(r#"{"version":2,"whatever":true}"#),
            Err(DecodeError::UnknownVersion(2))
        );
        assert!(DecodeError::UnknownVersion(2)
            .to_string()
            .contains("newer version"));
    }

    #[test]
    fn backup_keys_do_not_collide_over_time() {
        assert_ne!(backup_key(1000.0), backup_key(2000.0));
        assert!(backup_key(1.0).starts_with(STORAGE_KEY));
    }
}

//! `pyquiz.settings`: `{"version":2,"updated":ms,"filters":{"topics":[…],"difficulties":[…],
//! "count":n},"mode":"practice","exam_minutes":n|null,"retention":0.9,"theme":"system",
//! "bookmarks":{id:[on,ms]}}`. Every field falls back to its default on its own.

use super::{version_of, DecodeError, CURRENT_VERSION};
use crate::bank::Difficulty;
use crate::progress::settings::{Settings, Theme};
use crate::quiz::{Filters, Mode};
use bank_format::json::{Json, Writer};

pub fn encode_settings(s: &Settings) -> String {
    let mut w = Writer::new();
    w.begin_object()
        .key("version")
        .number(CURRENT_VERSION as f64)
        .key("updated")
        .number(s.updated_ms);
    w.key("filters").begin_object().key("topics").begin_array();
    for t in &s.filters.topics {
        w.string(t);
    }
    w.end_array().key("difficulties").begin_array();
    for d in &s.filters.difficulties {
        w.string(d.as_str());
    }
    w.end_array()
        .key("count")
        .number(s.filters.count as f64)
        .end_object();
    w.key("mode").string(s.mode.as_str());
    w.key("exam_minutes");
    match s.exam_minutes {
        Some(m) => w.number(f64::from(m)),
        None => w.null(),
    };
    w.key("retention").number(s.retention);
    w.key("theme").string(s.theme.as_str());
    w.key("bookmarks").begin_object();
    for (id, (on, at)) in &s.bookmarks {
        w.key(id).begin_array().bool(*on).number(*at).end_array();
    }
    w.end_object().end_object();
    w.finish()
}

pub fn decode_settings<J: Json>(doc: &J) -> Result<Settings, DecodeError> {
    version_of(doc, CURRENT_VERSION)?;
    Ok(read_settings(doc))
}

/// The settings fields of a document (version 1 used the same `filters` and `mode`).
pub(super) fn read_settings<J: Json>(doc: &J) -> Settings {
    let mut s = Settings::default();
    if let Some(f) = doc.get("filters") {
        s.filters = Filters {
            topics: f.strings_at("topics"),
            difficulties: f
                .strings_at("difficulties")
                .iter()
                .filter_map(|d| Difficulty::parse(d))
                .collect(),
            count: f.uint_at("count", 1000).unwrap_or(10) as usize,
        };
    }
    s.mode = doc
        .str_at("mode")
        .and_then(|m| Mode::parse(&m))
        .unwrap_or_default();
    s.exam_minutes = doc
        .uint_at("exam_minutes", 24 * 60)
        .filter(|m| *m > 0)
        .map(|m| m as u32);
    s.set_retention(doc.f64_at("retention").unwrap_or(s.retention));
    s.theme = doc
        .str_at("theme")
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    if let Some(entries) = doc.get("bookmarks").and_then(|b| b.entries()) {
        for (id, v) in entries {
            let pair = v.items().unwrap_or_default();
            if let (Some(on), Some(at)) = (
                pair.first().and_then(Json::as_bool),
                pair.get(1).and_then(Json::as_f64).filter(|t| t.is_finite()),
            ) {
                s.bookmarks.insert(id, (on, at));
            }
        }
    }
    s.updated_ms = doc.f64_at("updated").unwrap_or(0.0);
    s
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn round_trips() {
        let mut s = Settings::default();
        s.filters.topics = vec!["scope".into()];
        s.filters.difficulties = vec![Difficulty::Senior];
        s.filters.count = 20;
        s.mode = Mode::Exam;
        s.exam_minutes = Some(20);
        s.set_retention(0.85);
        s.theme = Theme::Dark;
        s.toggle_bookmark("scp-01", 7.0);
        s.updated_ms = 8.0;
        assert_eq!(decode_settings(&parse(&encode_settings(&s))), Ok(s));
    }

    #[test]
    fn bad_fields_fall_back_one_by_one() {
        let raw = r#"{"version":2,"mode":"party","theme":7,"retention":5,"exam_minutes":-3,"filters":{"topics":["scope",1],"difficulties":["expert","mid"],"count":"ten"},"bookmarks":{"a-1":[true,1],"b-2":"x"}}"#;
        let s = decode_settings(&parse(raw)).unwrap();
        assert_eq!(s.mode, Mode::Practice);
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.retention, crate::progress::card::RETENTION_RANGE.1);
        assert_eq!(s.exam_minutes, None);
        assert_eq!(s.filters.topics, ["scope"]);
        assert_eq!(s.filters.difficulties, [Difficulty::Mid]);
        assert_eq!(s.filters.count, 10);
        assert_eq!(s.bookmarked().collect::<Vec<_>>(), ["a-1"]);
    }
}

//! Moving progress between browsers: a versioned JSON file the learner downloads, and reading
//! it back. The format (documented in the README):
//!
//! `{"format":"pyquiz-progress","version":1,"exported":ms,"records":<pyquiz.records document>,
//! "settings":<pyquiz.settings document>}`

use super::records::Records;
use super::schema::{
    decode_records, decode_settings, encode_records, encode_settings, DecodeError,
};
use super::settings::Settings;
use bank_format::json::{Json, Writer};
use std::fmt;

pub const EXPORT_FORMAT: &str = "pyquiz-progress";
pub const EXPORT_VERSION: u64 = 1;
/// Files larger than this are refused before they are read: an export of every question is
/// far smaller, and reading a huge file picked by mistake would stall or kill the tab.
pub const MAX_IMPORT_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

pub fn export(records: &Records, settings: &Settings, now_ms: f64) -> String {
    let mut w = Writer::new();
    w.begin_object()
        .key("format")
        .string(EXPORT_FORMAT)
        .key("version")
        .number(EXPORT_VERSION as f64)
        .key("exported")
        .number(now_ms)
        .key("records")
        .raw(&encode_records(records))
        .key("settings")
        .raw(&encode_settings(settings))
        .end_object();
    w.finish()
}

/// A file name that sorts by date: `pyquiz-progress-2026-11-30.json`.
pub fn export_file_name(now_ms: f64) -> String {
    let days = (now_ms / super::card::DAY_MS).floor() as i64;
    let (y, m, d) = super::study::civil_from_days(days);
    format!("{EXPORT_FORMAT}-{y:04}-{m:02}-{d:02}.json")
}

/// What an export file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub records: Records,
    pub settings: Option<Settings>,
    /// Records in the file that could not be read.
    pub skipped: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Larger than `MAX_IMPORT_BYTES`, in bytes.
    TooBig(f64),
    NotAnExport,
    Newer(u64),
    Unreadable(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooBig(bytes) => write!(
                f,
                "This file is too big to be a pyquiz progress export ({} MB; exports are under {} MB).",
                (bytes / 1_048_576.0).ceil(),
                MAX_IMPORT_BYTES / 1_048_576.0
            ),
            ImportError::NotAnExport => write!(f, "This file is not a pyquiz progress export."),
            ImportError::Newer(v) => write!(
                f,
                "This file was exported by a newer version of pyquiz (format {v}); open it there."
            ),
            ImportError::Unreadable(why) => write!(f, "This export could not be read ({why})."),
        }
    }
}

/// Whether a file of `bytes` may be read at all (checked before reading it).
pub fn check_import_size(bytes: f64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooBig(bytes))
    } else {
        Ok(())
    }
}

pub fn import<J: Json>(doc: &J) -> Result<Imported, ImportError> {
    if doc.str_at("format").as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match doc.uint_at("version", u64::from(u32::MAX)) {
        Some(EXPORT_VERSION) => {}
        Some(v) if v > EXPORT_VERSION => return Err(ImportError::Newer(v)),
        _ => return Err(ImportError::Unreadable("no version".into())),
    }
    let records_doc = doc
        .get("records")
        .ok_or_else(|| ImportError::Unreadable("no records".into()))?;
    let records = decode_records(&records_doc).map_err(|e| match e {
        DecodeError::UnknownVersion(v) => ImportError::Newer(v),
        DecodeError::Corrupt(why) => ImportError::Unreadable(why),
    })?;
    let settings = doc.get("settings").and_then(|s| decode_settings(&s).ok());
    Ok(Imported {
        records: records.value,
        settings,
        skipped: records.skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::super::schema::parse;
    use super::*;
    use crate::quiz::Grade;

    fn records() -> Records {
        Records::answered(&[("mut-01", Grade::Good, 10.0), ("fn-02", Grade::Again, 20.0)])
    }

    #[test]
    fn export_then_import_round_trips() {
        let mut settings = Settings::default();
        settings.toggle_bookmark("mut-01", 5.0);
        let text = export(&records(), &settings, 99.0);
        let back = import(&parse(&text)).unwrap();
        assert_eq!(back.records, records());
        assert_eq!(back.settings, Some(settings));
        assert_eq!(back.skipped, 0);
    }

    #[test]
    fn importing_merges_newest_wins_or_replaces() {
        // The other browser answered fn-02 right later; this one has a newer mut-01.
        let mut theirs = records();
        theirs.answer("fn-02", Grade::Good, 30.0);
        let mut ours = records();
        ours.answer("mut-01", Grade::Again, 40.0);
        let file = import(&parse(&export(&theirs, &Settings::default(), 50.0))).unwrap();

        let mut merged = ours.clone();
        merged.adopt(&file.records, 60.0);
        assert_eq!(
            merged.map["fn-02"].last_grade,
            Grade::Good,
            "theirs is newer"
        );
        assert_eq!(
            merged.map["mut-01"].last_grade,
            Grade::Again,
            "ours is newer"
        );

        let mut replaced = ours.clone();
        replaced.replace(&file.records, 60.0);
        assert_eq!(
            replaced.map["mut-01"].last_grade,
            Grade::Good,
            "the file's, as it was"
        );
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        assert_eq!(
            import(&parse(r#"{"version":2}"#)),
            Err(ImportError::NotAnExport)
        );
        assert_eq!(import(&parse("[]")), Err(ImportError::NotAnExport));
        assert_eq!(
            import(&parse(r#"{"format":"pyquiz-progress","version":9}"#)),
            Err(ImportError::Newer(9))
        );
        assert!(matches!(
            import(&parse(
                r#"{"format":"pyquiz-progress","version":1,"records":{"version":2,"records":7}}"#
            )),
            Err(ImportError::Unreadable(_))
        ));
    }

    #[test]
    fn files_too_big_to_be_an_export_are_refused_before_reading() {
        assert_eq!(check_import_size(0.0), Ok(()));
        assert_eq!(check_import_size(MAX_IMPORT_BYTES), Ok(()));
        let gigabyte = 1024.0 * 1_048_576.0;
        let err = check_import_size(gigabyte).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This file is too big to be a pyquiz progress export (1024 MB; exports are under 10 MB)."
        );
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(
            export_file_name(1_767_225_600_000.0),
            "pyquiz-progress-2026-01-01.json"
        );
        assert_eq!(
            export_file_name(951_782_400_000.0),
            "pyquiz-progress-2000-02-29.json"
        );
    }

    /// The README documents the format with an example; it must stay a file the app accepts.
    #[test]
    fn the_readme_example_imports() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        let start = readme.find("```json\n").expect("a json block") + "```json\n".len();
        let end = start + readme[start..].find("```").unwrap();
        let file = import(&parse(&readme[start..end])).expect("the example imports");
        assert_eq!(file.skipped, 0);
        let record = &file.records.map["scp-03"];
        assert_eq!((record.attempts, record.correct), (1, 1));
        assert!(file.settings.expect("settings").is_bookmarked("scp-03"));
    }
}

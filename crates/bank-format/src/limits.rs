//! The caps on what a decoded file may hold. A quiz file comes from someone else's site: these
//! keep a hostile or broken one from freezing the reader's tab. The reader (`read`, `decode`)
//! enforces them with fixed messages (their numbers are checked in `codec_tests`), and the
//! quiz compiler runs the reader over what it writes, so both refuse the same files.

/// A quiz file's size, checked by the caller on the bytes before parsing.
pub const MAX_QUIZ_BYTES: usize = 1_000_000;
pub const MAX_QUESTIONS: usize = 200;
pub const MAX_OPTIONS: usize = 12;
/// Checklist points, accepted short answers, tags.
pub const MAX_ITEMS: usize = 20;
/// Options, their `why`, checklist points, answers, tags, ids, titles.
pub const MAX_SHORT_CHARS: usize = 2_000;
/// Prompts, hints, explanations, model answers, code.
pub const MAX_LONG_CHARS: usize = 20_000;
/// Containers inside containers in one field: a paragraph, list, list item, table row or cell,
/// emphasis or link each count one.
pub const MAX_DEPTH: usize = 8;
/// Blocks, inlines, list items and tokens in one document: bounds the work of decoding and
/// the elements rendered, whatever the shape.
pub const MAX_NODES: usize = 200_000;

/// Whether `id` is a question id: 1-16 lowercase letters, digits or `-`, not starting with `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 16
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_bank_charset() {
        for good in ["mut-01", "a", "0x", "my-quiz-question"] {
            assert!(valid_id(good), "{good}");
        }
        for bad in ["", "-a", "Mut-01", "a_b", "a b", "seventeen-chars-x", "é"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }
}

//! Links that reproduce a quiz, a score or an embed in any browser. Pure string handling.

mod embed;
mod link;

pub use embed::{EmbedParams, Theme};
pub use link::{parse_ids, LinkError, QuizLink, ScoreLink, MAX_LINK_IDS};

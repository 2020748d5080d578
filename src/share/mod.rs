//! Links that reproduce a quiz, a score or an embed in any browser. Pure string handling.

mod embed_params;
mod link;

pub use embed_params::{percent_decode, query_pairs, EmbedParams, Theme, EMBED_MAX_COUNT};
pub use link::{parse_ids, valid_id, LinkError, QuizLink, ScoreLink, MAX_LINK_IDS};

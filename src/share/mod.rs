//! Links that reproduce a quiz, a score or an embed in any browser. Pure string handling.

mod embed_params;
mod link;

pub use embed_params::{
    percent_decode, query_pairs, EmbedParams, HostColor, Theme, EMBED_MAX_COUNT,
};
pub use link::{
    decode_path, parse_ids, valid_id, DecodedPath, LinkError, QuizLink, ScoreLink, SharedLink,
    MAX_LINK_IDS,
};

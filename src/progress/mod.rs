//! What the app remembers between visits, and how it is stored. Pure: the browser side is
//! `platform::storage`.

mod model;
mod schedule;
mod schema;

pub use model::{Progress, QuestionRecord, Settings, TopicStats};
pub use schedule::{is_due, next_box, DAY_MS, INTERVAL_DAYS};
pub use schema::{backup_key, decode, encode, DecodeError, CURRENT_VERSION, STORAGE_KEY};

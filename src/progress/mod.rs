//! What the app remembers between visits and how it is stored: records scheduled by FSRS,
//! settings, the storage documents with their migrations, study queues and export. Pure: the
//! browser side is `platform::storage`.

pub mod card;
pub mod records;
pub mod schema;
pub mod settings;
pub mod study;
pub mod transfer;

pub use card::{Card, DAY_MS};
pub use records::{Record, Records, Tombstone};
pub use settings::{Settings, Theme};
pub use study::Stats;

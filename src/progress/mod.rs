//! What the app remembers between visits and how it is stored: records scheduled by FSRS,
//! settings, the storage documents with their migrations, loading and saving them over any
//! key-value store, the saving policy, study queues and export. Pure: `platform::storage` only
//! hands the browser's localStorage to `store`.

pub mod card;
pub mod records;
pub mod saver;
pub mod schema;
pub mod settings;
pub mod store;
pub mod study;
pub mod transfer;

pub use card::{Card, DAY_MS};
pub use records::{Logged, Record, Records, Tombstone};
pub use settings::{Settings, Theme};
pub use study::Stats;

mod copy_link;
mod embed_dialog;
mod feedback;
mod header;
mod link_error;
mod notices;
mod options;
mod question_card;
mod quiz_runner;

pub use copy_link::CopyLink;
pub use embed_dialog::EmbedDialog;
pub use header::Header;
pub use link_error::LinkErrorCard;
pub use notices::Notices;
pub use question_card::QuestionCard;
pub use quiz_runner::QuizRunner;

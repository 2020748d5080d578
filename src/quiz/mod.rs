//! Quizzes: choosing questions, grading answers, the session state machine, the keyboard and
//! the main button, and the runner both the app and the embed drive.

mod grade;
pub mod keymap;
mod primary;
mod runner;
mod select;
mod session;

pub use grade::{grade, Grade, Response};
pub use keymap::{keymap, Focus, Intent, KeyContext};
pub use primary::{counts_as_answered, finish_warning, primary, unanswered, Primary};
pub use runner::{HostEvent, QuizAction, Runner};
pub use select::{matching, select, select_own, Candidate, Filters, COUNTS};
pub use session::{Answer, Mode, Outcome, Session, Slot, Summary};

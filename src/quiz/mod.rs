//! Quizzes: choosing questions, grading answers and the session state machine.

mod grade;
mod select;
mod session;

pub use grade::{grade, Grade, Response};
pub use select::{matching, select, Filters};
pub use session::{Answer, Entry, Mode, Session, Summary};

//! The app's pages: each reads the app state from the context and draws widgets with props.

mod browse;
mod charts;
mod home;
mod intro;
mod not_found;
mod progress;
mod question;
mod quiz;
mod results;
mod score;
mod study;
mod today;
mod your_data;

pub use browse::BrowsePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use progress::ProgressPage;
pub use question::QuestionPage;
pub use quiz::{QuizPage, SharedQuizPage};
pub use results::ResultsPage;
pub use score::ScorePage;

mod embed;
mod home;
mod not_found;
mod progress;
mod quiz;
mod results;
mod score;
mod shared;

pub use embed::EmbedPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use progress::ProgressPage;
pub use quiz::QuizPage;
pub use results::ResultsPage;
pub use score::ScorePage;
pub use shared::SharedQuizPage;

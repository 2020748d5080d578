//! Yew components: they draw the state and dispatch actions, nothing more.

mod app;
mod hooks;
mod markup;
mod pages;
mod route;
mod widgets;

pub use app::App;
pub use route::Route;

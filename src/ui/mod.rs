//! Yew components. `quiz` is shared by both entry points; `embed` is the blog embed's root and
//! `app` the full app's. Widgets draw props and report through callbacks; only the roots and
//! the pages hold or read state.

pub mod app;
pub mod embed;
mod markup;
mod pages;
pub mod quiz;
mod widgets;

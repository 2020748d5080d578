//! The app state as a Yew reducer, shared with the pages through a context. Only pages and the
//! root read it; widgets get props and callbacks.

use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct AppModel(pub AppState);

impl Reducible for AppModel {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

pub type AppHandle = UseReducerHandle<AppModel>;

/// The app state from the provider in `App`.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("the App root provides the state")
}

//! The app state as a Yew reducer, shared with the pages through a context. Only pages and the
//! root read it; widgets get props and callbacks.

use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct AppModel(pub AppState);

/// Equal when no action changed anything in between: `use_reducer_eq` then re-renders nothing,
/// and no state is compared field by field.
impl PartialEq for AppModel {
    fn eq(&self, other: &Self) -> bool {
        self.0.version == other.0.version
    }
}

impl Reducible for AppModel {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.0.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

pub type AppHandle = UseReducerHandle<AppModel>;

/// The app state from the provider in `App`.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("the App root provides the state")
}

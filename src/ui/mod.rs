//! Yew components: they draw the state and dispatch actions, nothing more.

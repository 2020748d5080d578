//! Whether the browser has a network: the header says so quietly when it has not (everything
//! still works offline, and progress is saved on the device either way).

use gloo::events::EventListener;
use yew::prelude::*;

/// `navigator.onLine`, kept up to date by the `online` and `offline` events.
#[hook]
pub fn use_online() -> bool {
    let online = use_state(crate::platform::online);
    {
        let online = online.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let set = |value: bool| {
                let online = online.clone();
                move |_: &web_sys::Event| online.set(value)
            };
            let on = EventListener::new(&window, "online", set(true));
            let off = EventListener::new(&window, "offline", set(false));
            move || drop((on, off))
        });
    }
    *online
}

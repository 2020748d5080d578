//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapter against real
//! localStorage, and the app rendered into a real DOM.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use pyquiz::bank::{QUESTIONS, TOPICS};
use pyquiz::platform::storage;
use pyquiz::progress::{encode, Progress, STORAGE_KEY};
use pyquiz::quiz::{Mode, Session};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    local().clear().unwrap();
}

fn backup_keys() -> Vec<String> {
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{STORAGE_KEY}.backup.")))
        .collect()
}

#[wasm_bindgen_test]
fn save_then_load_round_trips() {
    clear();
    let mut p = Progress::default();
    p.record("mut-01", true, None, 5.0);
    p.current = Some(Session::new(
        vec!["mut-01".into(), "fn-02".into()],
        Mode::Exam,
        1.0,
    ));
    storage::save(&p).expect("localStorage accepts the save");
    assert_eq!(storage::read_raw(STORAGE_KEY), Some(encode(&p)));
    let loaded = storage::load(10.0);
    assert_eq!(loaded.progress, p);
    assert!(loaded.notice.is_none());
    assert!(loaded.writable);
}

#[wasm_bindgen_test]
fn empty_storage_starts_fresh_quietly() {
    clear();
    let loaded = storage::load(1.0);
    assert_eq!(loaded.progress, Progress::default());
    assert!(loaded.notice.is_none());
}

#[wasm_bindgen_test]
fn corrupted_storage_is_backed_up_and_reported() {
    clear();
    local()
        .set_item(STORAGE_KEY, "{\"version\":1,\"questions\":[oops")
        .unwrap();
    let loaded = storage::load(1234.0);
    assert_eq!(loaded.progress, Progress::default());
    let notice = loaded.notice.expect("a notice explains the reset");
    assert!(notice.contains("could not be read"), "{notice}");
    assert_eq!(backup_keys(), vec![format!("{STORAGE_KEY}.backup.1234")]);
    assert_eq!(
        local().get_item(&backup_keys()[0]).unwrap().as_deref(),
        Some("{\"version\":1,\"questions\":[oops")
    );
    assert!(loaded.writable);
}

#[wasm_bindgen_test]
fn newer_version_is_kept_not_overwritten() {
    clear();
    local().set_item(STORAGE_KEY, "{\"version\":99}").unwrap();
    let loaded = storage::load(77.0);
    assert!(loaded.notice.unwrap().contains("newer version"));
    assert_eq!(
        local()
            .get_item(&format!("{STORAGE_KEY}.backup.77"))
            .unwrap()
            .as_deref(),
        Some("{\"version\":99}")
    );
}

/// Renders the whole app at the given route into a fresh element of the page.
async fn render_app_at(hash: &str) -> web_sys::Element {
    set_hash(hash);
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<pyquiz::ui::App>::with_root(root.clone()).render();
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(10).await;
    root
}

#[wasm_bindgen_test]
async fn home_page_lists_every_topic_with_counts() {
    clear();
    let root = render_app_at("#/").await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Python interview practice"), "{text}");
    assert!(
        text.contains(&format!(
            "Showing {} of {} questions",
            QUESTIONS.len(),
            QUESTIONS.len()
        )),
        "{text}"
    );
    let topics = root
        .query_selector_all(".topic-grid input[type=checkbox]")
        .unwrap();
    assert_eq!(topics.length() as usize, TOPICS.len());
    assert!(root.query_selector("button.start").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_share_link_shows_a_message_and_a_way_home() {
    clear();
    let root = render_app_at("#/q/NOT$VALID").await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("This link does not work"), "{text}");
    let home = root
        .query_selector(".link-error a")
        .unwrap()
        .expect("a link home");
    assert_eq!(home.get_attribute("href").as_deref(), Some("#/"));
    root.remove();
    set_hash("#/");
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

#[wasm_bindgen_test]
fn full_storage_fails_the_save_with_a_message() {
    clear();
    // Fill localStorage to its quota (a few MiB in Chromium): big values first, then ever smaller
    // ones, until not even 1 KiB fits.
    let mut n = 0;
    let mut size = 512 * 1024;
    while size >= 1024 {
        if local()
            .set_item(&format!("filler-{n}"), &"x".repeat(size))
            .is_ok()
        {
            n += 1;
            assert!(n < 2000, "localStorage never filled up");
        } else {
            size /= 2;
        }
    }
    let mut p = Progress::default();
    for i in 0..2000 {
        p.record(&format!("q-{i}"), true, None, f64::from(i));
    }
    let err = storage::save(&p).expect_err("a full storage refuses the save");
    assert!(err.contains("not being saved"), "{err}");
    clear();
    storage::save(&p).expect("saving works again once there is room");
}

//! The pre-rendered Home (`cargo test --features ssr --test prerender`): the app's components
//! render natively, without a browser, into what a first visit sees.

use pyquiz::bank::TOPICS;

fn home() -> String {
    pyquiz::ui::app::render_home()
}

#[test]
fn home_renders_natively_as_a_first_visit_sees_it() {
    let html = home();
    assert!(
        html.contains(r#"<h1 tabindex="-1">Python interview practice</h1>"#),
        "{html}"
    );
    for topic in TOPICS.iter() {
        let input = format!(r#"id="topic-{}""#, topic.id);
        assert!(html.contains(&input), "no box for {}", topic.id);
    }
    // Nothing a returning learner would see: no reviews due, no quiz to continue.
    assert!(!html.contains("reviews due"));
    assert!(!html.contains("Continue"));
    // Hydration finds its components by these markers.
    assert!(html.starts_with("<!--<[pyquiz::ui::app::App]>-->"));
}

#[test]
fn home_renders_the_same_every_time() {
    // The build's output must not depend on the clock or the machine.
    assert_eq!(home(), home());
}

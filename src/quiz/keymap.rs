//! The quiz's keyboard, as a pure function from a key and what has focus to what the learner
//! meant. The UI only listens for keys and carries out the returned intent.

use super::Grade;
use crate::bank::Kind;

/// What has keyboard focus when a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The page, the prompt or anything that is not a control.
    Page,
    /// An answer option (a radio button or checkbox): its position among the options.
    Option(usize),
    /// The short-answer text box.
    TextBox,
    /// Another button or link: it keeps its own Enter and Space.
    Control,
    /// A menu (the theme picker) or another field that is not the quiz's: it keeps every key.
    Field,
    /// A code block, which scrolls sideways when it is wider than the screen: it keeps the
    /// arrows.
    Scroller,
}

/// The state of the question on screen that decides what keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub kind: Kind,
    pub options: usize,
    /// The first picked option's position: where ↑/↓ enter the options.
    pub picked: Option<usize>,
    /// The question takes no more input (answered, or the quiz is over).
    pub locked: bool,
    /// Flashcards: the model answer is showing.
    pub revealed: bool,
    pub exam: bool,
    pub focus: Focus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Pick (or un-pick) the option at this position.
    Pick(usize),
    /// Move keyboard focus to the option at this position (checkbox groups).
    FocusOption(usize),
    /// The main button: submit, next or finish.
    Primary,
    Reveal,
    SelfGrade(Grade),
    Hint,
    Flag,
    Previous,
    Next,
    /// Show or hide the list of shortcuts.
    Help,
}

/// What `key` (a `KeyboardEvent.key` value, pressed without Ctrl, Alt or Meta) means here.
pub fn keymap(key: &str, cx: &KeyContext) -> Option<Intent> {
    let choice = matches!(cx.kind, Kind::Single | Kind::Multi | Kind::Output);
    if cx.focus == Focus::Field {
        return None;
    }
    if cx.focus == Focus::TextBox {
        // Typing belongs to the box; only Enter submits.
        return (key == "Enter").then_some(Intent::Primary);
    }
    if cx.focus == Focus::Control && matches!(key, "Enter" | " ") {
        return None;
    }
    let flashcard = cx.kind == Kind::Flashcard;
    match key {
        "Enter" if flashcard && !cx.revealed => Some(Intent::Reveal),
        // A flashcard is answered with a grade, not with Enter.
        "Enter" if flashcard && !cx.locked => None,
        // Also when an option has focus: Enter submits, it never changes the pick.
        "Enter" => Some(Intent::Primary),
        " " if flashcard && !cx.revealed => Some(Intent::Reveal),
        "?" => Some(Intent::Help),
        "h" | "H" if !cx.exam && !cx.locked => Some(Intent::Hint),
        "f" | "F" if cx.exam => Some(Intent::Flag),
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" if cx.focus != Focus::Scroller => {
            arrow(key, cx, choice)
        }
        k if k.len() == 1 && matches!(k.as_bytes()[0], b'1'..=b'9') => {
            let i = usize::from(k.as_bytes()[0] - b'1');
            if flashcard {
                (cx.revealed && !cx.locked)
                    .then(|| Grade::ALL.get(i).copied().map(Intent::SelfGrade))
                    .flatten()
            } else {
                (choice && !cx.locked && i < cx.options).then_some(Intent::Pick(i))
            }
        }
        _ => None,
    }
}

/// Inside the options, arrows move between them (radio buttons do so natively, and pick as
/// they go). From anywhere else in the question ↑/↓ step into the options, at the pick if there
/// is one, and ←/→ move between questions.
fn arrow(key: &str, cx: &KeyContext, choice: bool) -> Option<Intent> {
    let down = matches!(key, "ArrowDown" | "ArrowRight");
    let last = cx.options.saturating_sub(1);
    match cx.focus {
        Focus::Option(_) if choice && cx.kind != Kind::Multi => None,
        Focus::Option(i) if choice => Some(Intent::FocusOption(match (down, i >= last) {
            (true, true) => 0,
            (true, false) => i + 1,
            (false, _) => i.checked_sub(1).unwrap_or(last),
        })),
        // Answered options are disabled and take no focus: the arrows scroll as usual.
        _ if matches!(key, "ArrowUp" | "ArrowDown") => (choice && !cx.locked && cx.options > 0)
            .then(|| Intent::FocusOption(cx.picked.unwrap_or(if down { 0 } else { last }))),
        _ => match key {
            "ArrowLeft" => Some(Intent::Previous),
            "ArrowRight" => Some(Intent::Next),
            _ => None,
        },
    }
}

/// Where keyboard focus rests on a question: where it lands when the question appears, and
/// where it goes back to when a dialog closes or a toolbar button has done its job, so that
/// the next Enter answers or goes on instead of pressing that button again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rest {
    /// The "Question 3 of 10" heading: every quiz key works from there, and a screen reader
    /// says where the learner is.
    Heading,
    /// The short-answer box: typing goes straight in, Enter submits.
    TextBox,
    /// The main button (Next, Finish): the question is answered.
    Main,
}

/// Where focus rests on the question on screen (`kind` is `None` while it loads).
pub fn resting_focus(kind: Option<Kind>, answered: bool) -> Rest {
    match kind {
        _ if answered => Rest::Main,
        Some(Kind::Short) => Rest::TextBox,
        _ => Rest::Heading,
    }
}

/// One line per shortcut, for the `?` overlay and the README.
pub const SHORTCUTS: &[(&str, &str)] = &[
    (
        "1–9",
        "pick an option (flashcards: grade Again, Hard, Good, Easy)",
    ),
    ("Enter", "submit, then go to the next question"),
    ("Space", "show a flashcard's answer"),
    ("↑ ↓", "move between options"),
    ("← →", "previous or next question"),
    ("h", "show the hint (practice)"),
    ("f", "flag the question for review (exam)"),
    ("?", "show or hide these shortcuts"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn cx(kind: Kind, focus: Focus) -> KeyContext {
        KeyContext {
            kind,
            options: 4,
            picked: None,
            locked: false,
            revealed: false,
            exam: false,
            focus,
        }
    }

    #[test]
    fn enter_on_a_focused_option_submits_and_keeps_the_pick() {
        let c = cx(Kind::Single, Focus::Option(1));
        assert_eq!(keymap("Enter", &c), Some(Intent::Primary));
        assert_eq!(
            keymap("3", &c),
            Some(Intent::Pick(2)),
            "digits pick wherever focus is"
        );
    }

    #[test]
    fn digits_pick_options_in_range_only() {
        let c = cx(Kind::Output, Focus::Page);
        assert_eq!(keymap("1", &c), Some(Intent::Pick(0)));
        assert_eq!(keymap("5", &c), None, "only four options");
        assert_eq!(keymap("0", &c), None);
        let locked = KeyContext { locked: true, ..c };
        assert_eq!(keymap("1", &locked), None);
        assert_eq!(
            keymap("Enter", &locked),
            Some(Intent::Primary),
            "Enter goes on"
        );
    }

    #[test]
    fn the_text_box_keeps_its_keys_but_enter() {
        let c = cx(Kind::Short, Focus::TextBox);
        for k in ["1", "h", "?", "ArrowLeft", " "] {
            assert_eq!(keymap(k, &c), None, "{k}");
        }
        assert_eq!(keymap("Enter", &c), Some(Intent::Primary));
    }

    #[test]
    fn other_controls_keep_enter_and_space() {
        let c = cx(Kind::Single, Focus::Control);
        assert_eq!(keymap("Enter", &c), None);
        assert_eq!(keymap(" ", &c), None);
        assert_eq!(keymap("2", &c), Some(Intent::Pick(1)));
    }

    #[test]
    fn flashcards_reveal_then_take_a_grade() {
        let c = cx(Kind::Flashcard, Focus::Page);
        assert_eq!(keymap(" ", &c), Some(Intent::Reveal));
        assert_eq!(keymap("Enter", &c), Some(Intent::Reveal));
        assert_eq!(keymap("1", &c), None, "no grade before the answer is seen");
        let shown = KeyContext {
            revealed: true,
            ..c
        };
        assert_eq!(keymap("Enter", &shown), None, "a grade is needed");
        assert_eq!(keymap("3", &shown), Some(Intent::SelfGrade(Grade::Good)));
        assert_eq!(keymap("5", &shown), None);
        let graded = KeyContext {
            locked: true,
            ..shown
        };
        assert_eq!(keymap("Enter", &graded), Some(Intent::Primary));
    }

    #[test]
    fn arrows_move_within_checkboxes_and_between_questions_elsewhere() {
        let multi = cx(Kind::Multi, Focus::Option(3));
        assert_eq!(
            keymap("ArrowDown", &multi),
            Some(Intent::FocusOption(0)),
            "wraps"
        );
        assert_eq!(keymap("ArrowUp", &multi), Some(Intent::FocusOption(2)));
        let radio = cx(Kind::Single, Focus::Option(0));
        assert_eq!(
            keymap("ArrowDown", &radio),
            None,
            "radio groups move natively"
        );
        let page = cx(Kind::Single, Focus::Page);
        assert_eq!(keymap("ArrowLeft", &page), Some(Intent::Previous));
        assert_eq!(keymap("ArrowRight", &page), Some(Intent::Next));
        assert_eq!(keymap("ArrowLeft", &multi), Some(Intent::FocusOption(2)));
    }

    #[test]
    fn up_and_down_step_into_the_options_from_anywhere_in_the_question() {
        // The heading, where focus lands on each new question, counts as the page.
        for kind in [Kind::Single, Kind::Multi, Kind::Output] {
            for focus in [Focus::Page, Focus::Control] {
                let c = cx(kind, focus);
                assert_eq!(
                    keymap("ArrowDown", &c),
                    Some(Intent::FocusOption(0)),
                    "{kind:?}"
                );
                assert_eq!(
                    keymap("ArrowUp", &c),
                    Some(Intent::FocusOption(3)),
                    "{kind:?}"
                );
                let picked = KeyContext {
                    picked: Some(2),
                    ..c
                };
                assert_eq!(
                    keymap("ArrowDown", &picked),
                    Some(Intent::FocusOption(2)),
                    "at the pick"
                );
                assert_eq!(keymap("ArrowUp", &picked), Some(Intent::FocusOption(2)));
            }
        }
    }

    #[test]
    fn up_and_down_leave_the_page_alone_where_there_is_nothing_to_move_to() {
        let answered = KeyContext {
            locked: true,
            ..cx(Kind::Single, Focus::Page)
        };
        assert_eq!(keymap("ArrowDown", &answered), None, "options are disabled");
        for kind in [Kind::Short, Kind::Flashcard] {
            assert_eq!(
                keymap("ArrowDown", &cx(kind, Focus::Page)),
                None,
                "{kind:?}"
            );
        }
        let none = KeyContext {
            options: 0,
            ..cx(Kind::Single, Focus::Page)
        };
        assert_eq!(keymap("ArrowUp", &none), None);
    }

    #[test]
    fn a_menu_outside_the_quiz_keeps_every_key() {
        let c = cx(Kind::Single, Focus::Field);
        for k in [
            "ArrowDown",
            "ArrowUp",
            "ArrowLeft",
            "Enter",
            " ",
            "1",
            "?",
            "h",
        ] {
            assert_eq!(keymap(k, &c), None, "{k}");
        }
    }

    #[test]
    fn a_code_block_keeps_its_arrows_and_the_quiz_keeps_the_rest() {
        let c = cx(Kind::Output, Focus::Scroller);
        for k in ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"] {
            assert_eq!(keymap(k, &c), None, "{k} scrolls the code");
        }
        assert_eq!(keymap("2", &c), Some(Intent::Pick(1)));
        assert_eq!(keymap("Enter", &c), Some(Intent::Primary));
    }

    #[test]
    fn focus_rests_on_the_heading_the_text_box_or_the_main_button() {
        assert_eq!(resting_focus(Some(Kind::Single), false), Rest::Heading);
        assert_eq!(resting_focus(Some(Kind::Flashcard), false), Rest::Heading);
        assert_eq!(resting_focus(None, false), Rest::Heading, "still loading");
        assert_eq!(resting_focus(Some(Kind::Short), false), Rest::TextBox);
        for kind in [Kind::Short, Kind::Multi, Kind::Flashcard] {
            assert_eq!(resting_focus(Some(kind), true), Rest::Main, "{kind:?}");
        }
    }

    #[test]
    fn hints_in_practice_flags_in_exams() {
        let practice = cx(Kind::Single, Focus::Page);
        assert_eq!(keymap("h", &practice), Some(Intent::Hint));
        assert_eq!(keymap("f", &practice), None);
        let exam = KeyContext {
            exam: true,
            ..practice
        };
        assert_eq!(keymap("h", &exam), None);
        assert_eq!(keymap("f", &exam), Some(Intent::Flag));
        assert_eq!(keymap("?", &exam), Some(Intent::Help));
    }
}

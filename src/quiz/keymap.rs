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
}

/// The state of the question on screen that decides what keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub kind: Kind,
    pub options: usize,
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
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" => arrow(key, cx, choice),
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
/// they go); elsewhere left and right move between questions.
fn arrow(key: &str, cx: &KeyContext, choice: bool) -> Option<Intent> {
    match cx.focus {
        Focus::Option(_) if choice && cx.kind != Kind::Multi => None,
        Focus::Option(i) if choice => {
            let last = cx.options.saturating_sub(1);
            let to = match key {
                "ArrowUp" | "ArrowLeft" => i.checked_sub(1).unwrap_or(last),
                _ if i >= last => 0,
                _ => i + 1,
            };
            Some(Intent::FocusOption(to))
        }
        _ => match key {
            "ArrowLeft" => Some(Intent::Previous),
            "ArrowRight" => Some(Intent::Next),
            _ => None,
        },
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
        assert_eq!(keymap("ArrowDown", &page), None);
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

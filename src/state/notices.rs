//! What the app tells the learner: notices shown above the page until dismissed (about storage
//! and links, true for as long as the page is open), and one toast at a time about what the
//! learner just did, shown in the viewport and gone after a while.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
}

/// A button a notice can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Bring back the records a reset just removed.
    UndoReset,
    /// Reload the page (a new version is ready, or storage changed under us).
    Reload,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// The answer to something the learner just did (erased, imported, changed a setting), shown
/// where they are looking whatever the page's scroll: the UI fixes it in the viewport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Toast {
    /// How long it shows (while not hovered or focused): one with a button long enough to use it.
    pub fn lasts_ms(&self) -> u32 {
        if self.action.is_some() {
            10_000
        } else {
            6_000
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    pub items: Vec<Notice>,
    /// At most one: a newer one takes its place.
    pub toast: Option<Toast>,
    next_id: u32,
}

impl Notices {
    /// Adds a notice unless the same text is already showing (a repeated warning, such as
    /// "cannot save", would otherwise pile up after every answer). True if it was added.
    pub fn push(
        &mut self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<NoticeAction>,
    ) -> bool {
        let text = text.into();
        if self.items.iter().any(|n| n.text == text) {
            return false;
        }
        self.next_id += 1;
        self.items.push(Notice {
            id: self.next_id,
            kind,
            text,
            action,
        });
        true
    }

    /// Shows `text` as the toast, in place of any other; returns the one it replaced.
    pub fn toast(
        &mut self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<NoticeAction>,
    ) -> Option<Toast> {
        self.next_id += 1;
        self.toast.replace(Toast {
            id: self.next_id,
            kind,
            text: text.into(),
            action,
        })
    }

    /// Removes notice or toast `id`; returns the toast if it was that one, and whether anything
    /// was removed.
    pub fn dismiss(&mut self, id: u32) -> (Option<Toast>, bool) {
        if self.toast.as_ref().is_some_and(|t| t.id == id) {
            return (self.toast.take(), true);
        }
        let before = self.items.len();
        self.items.retain(|n| n.id != id);
        (None, self.items.len() != before)
    }

    /// Removes the notice saying `text` (what it warned of is over). True if there was one.
    pub fn drop_text(&mut self, text: &str) -> bool {
        let before = self.items.len();
        self.items.retain(|n| n.text != text);
        self.items.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_not_repeated_and_can_be_dismissed() {
        let mut n = Notices::default();
        n.push(NoticeKind::Warning, "x", None);
        n.push(NoticeKind::Warning, "x", None);
        n.push(NoticeKind::Info, "y", Some(NoticeAction::UndoReset));
        assert_eq!(n.items.len(), 2);
        let first = n.items[0].id;
        assert_eq!(n.dismiss(first), (None, true));
        assert_eq!(n.dismiss(first), (None, false));
        assert_eq!(
            n.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
            ["y"]
        );
        assert!(n.drop_text("y"));
        assert!(n.items.is_empty());
    }

    #[test]
    fn a_toast_replaces_the_last_and_goes_when_dismissed() {
        let mut n = Notices::default();
        assert_eq!(
            n.toast(NoticeKind::Info, "a", Some(NoticeAction::UndoReset)),
            None
        );
        let first = n.toast.clone().unwrap();
        assert_eq!(first.lasts_ms(), 10_000, "long enough to use its button");
        let replaced = n.toast(NoticeKind::Info, "b", None);
        assert_eq!(replaced, Some(first.clone()));
        assert_eq!(
            n.dismiss(first.id),
            (None, false),
            "an old id removes nothing"
        );
        let second = n.toast.clone().unwrap();
        assert_eq!(second.lasts_ms(), 6_000);
        assert_eq!(n.dismiss(second.id), (Some(second), true));
        assert_eq!(n.toast, None);
        assert!(n.items.is_empty(), "toasts are not notices");
    }
}

//! Messages shown above the page until dismissed.

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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    pub items: Vec<Notice>,
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

    /// True if a notice was removed.
    pub fn dismiss(&mut self, id: u32) -> bool {
        let before = self.items.len();
        self.items.retain(|n| n.id != id);
        self.items.len() != before
    }

    /// Removes every notice carrying this action (it has been taken or no longer applies).
    pub fn drop_action(&mut self, action: NoticeAction) {
        self.items.retain(|n| n.action != Some(action));
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
        n.dismiss(first);
        assert_eq!(
            n.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
            ["y"]
        );
        n.drop_action(NoticeAction::UndoReset);
        assert!(n.items.is_empty());
    }
}

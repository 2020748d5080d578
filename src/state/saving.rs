//! Writing the state's documents as the saver plans them: the one flush both the app's hook
//! and the native tests run.

use super::{Action, AppState};
use crate::progress::saver::{Saver, Written};
use crate::progress::store::{self, KeyValue, SaveError};

/// Writes what `saver` says is waiting, at `now`. Returns the action that reports how it went,
/// when that is news (a first failure, a recovery, a newer version): the caller dispatches it.
pub fn flush<S: KeyValue>(state: &AppState, saver: &mut Saver, s: &S, now: f64) -> Option<Action> {
    saver.note(state.changes, now);
    if !state.writable {
        // Read-only: no timer may keep firing for writes that will never happen.
        saver.stop();
        return None;
    }
    let plan = saver.plan(state.changes);
    if plan.is_empty() {
        return None;
    }
    let mut error = None;
    let mut written = Written::default();
    let mut write = |ok: &mut bool, result: Result<(), SaveError>| match result {
        Ok(()) => *ok = true,
        Err(e) => {
            // A newer version outranks a full storage: it stops saving for good.
            if error != Some(SaveError::Newer) {
                error = Some(e);
            }
        }
    };
    if plan.records.is_some() {
        write(
            &mut written.records,
            store::save_records(s, &state.records, now),
        );
    }
    if plan.sessions.is_some() {
        // Built now, not on every change: the running quiz joins the list only when written.
        let list = state.saved_sessions();
        write(&mut written.sessions, store::save_sessions(s, &list, now));
    }
    if plan.settings.is_some() {
        write(
            &mut written.settings,
            store::save_settings(s, &state.settings, now),
        );
    }
    saver.done(&plan, written, now);
    if error == saver.reported {
        return None;
    }
    saver.reported = error;
    Some(Action::Saved(error))
}

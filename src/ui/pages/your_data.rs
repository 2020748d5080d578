//! The progress page's data section: export, import, backups and reset. Every step that
//! removes or replaces records keeps a backup first, and reset can be undone.

use crate::platform::{self, files, json::parse, storage};
use crate::progress::schema::{Backup, BackupReason};
use crate::progress::study::{day_of, short_date};
use crate::progress::transfer::{export, export_file_name, import, Imported};
use crate::state::{Action, NoticeKind};
use crate::ui::app::use_app;
use crate::ui::markup::plural;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn when(ms: f64) -> String {
    let tz = platform::tz_offset_min();
    let local = ms - tz * 60_000.0;
    let minutes = (local / 60_000.0).floor() as i64;
    format!(
        "{} {:02}:{:02}",
        short_date(day_of(ms, tz)),
        minutes.rem_euclid(1440) / 60,
        minutes.rem_euclid(60)
    )
}

#[function_component]
pub fn YourData() -> Html {
    let app = use_app();
    let backups = use_state(storage::backups);
    let replace = use_state(|| false);
    let pending = use_state(|| None::<Imported>);
    // Why a file was refused, said next to the file picker where the learner is looking.
    let problem = use_state(|| None::<String>);
    let confirm_reset = use_state(|| false);
    let focus_undo = use_state(|| false);
    {
        let focus_undo = focus_undo.clone();
        use_effect_with(*focus_undo, move |wanted| {
            if *wanted {
                platform::focus(".toast .toast-action");
                focus_undo.set(false);
            }
        });
    }
    let refresh = {
        let backups = backups.clone();
        move || backups.set(storage::backups())
    };
    // Said in the toast, where the learner is looking whatever the scroll.
    let notify = {
        let d = app.dispatcher();
        move |kind, text: String| d.dispatch(Action::Toast(kind, text))
    };

    let on_export = {
        let app = app.clone();
        let notify = notify.clone();
        Callback::from(move |_| {
            let now = platform::now_ms();
            let text = export(&app.0.records, &app.0.settings, now);
            if let Err(e) = files::download(&export_file_name(now), &text) {
                notify(NoticeKind::Warning, e);
            }
        })
    };
    let on_file = {
        let pending = pending.clone();
        let problem = problem.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let pending = pending.clone();
            let problem = problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = files::read_picked(&input).await;
                match read.and_then(|t| import(&parse(&t)).map_err(|e| e.to_string())) {
                    Ok(file) => {
                        problem.set(None);
                        pending.set(Some(file));
                    }
                    Err(why) => {
                        pending.set(None);
                        problem.set(Some(why));
                    }
                }
                input.set_value("");
            });
        })
    };
    let on_import = {
        let app = app.clone();
        let pending = pending.clone();
        let replace = replace.clone();
        let refresh = refresh.clone();
        Callback::from(move |_| {
            let Some(file) = (*pending).clone() else {
                return;
            };
            let now = platform::now_ms();
            if *replace {
                storage::back_up_records(BackupReason::Import, now);
                app.dispatch(Action::Replace {
                    records: file.records,
                    settings: file.settings,
                    now,
                });
            } else {
                app.dispatch(Action::Adopt {
                    records: file.records,
                    settings: file.settings,
                    now,
                });
            }
            pending.set(None);
            refresh();
        })
    };
    let backup_rows = backups.iter().map(|b: &Backup| {
        let restore = {
            let app = app.clone();
            let key = b.key.clone();
            let notify = notify.clone();
            Callback::from(move |_| match storage::backup_records(&key) {
                Ok(records) => app.dispatch(Action::Adopt {
                    records,
                    settings: None,
                    now: platform::now_ms(),
                }),
                Err(why) => notify(
                    NoticeKind::Warning,
                    format!("This backup cannot be restored. {why}"),
                ),
            })
        };
        let delete = {
            let key = b.key.clone();
            let refresh = refresh.clone();
            Callback::from(move |_| {
                storage::delete_backup(&key);
                refresh();
            })
        };
        html! {
            <li class="backup">
                <span>{ format!("{} — {}", when(b.at_ms), b.reason) }</span>
                <button type="button" class="secondary" onclick={restore}>{ "Restore" }</button>
                <button type="button" class="ghost" onclick={delete}>{ "Delete" }</button>
            </li>
        }
    });
    let reset = {
        let app = app.clone();
        let confirm_reset = confirm_reset.clone();
        let refresh = refresh.clone();
        Callback::from(move |_| {
            if *confirm_reset {
                let now = platform::now_ms();
                storage::back_up_records(BackupReason::Reset, now);
                app.dispatch(Action::Reset { now });
                confirm_reset.set(false);
                refresh();
                // The button pressed is gone: focus goes to the Undo the toast offers.
                focus_undo.set(true);
            } else {
                confirm_reset.set(true);
            }
        })
    };
    let cancel = {
        let confirm_reset = confirm_reset.clone();
        Callback::from(move |_| confirm_reset.set(false))
    };
    let set_replace = |v: bool| {
        let replace = replace.clone();
        Callback::from(move |_| replace.set(v))
    };
    html! {
        <section class="card your-data" aria-labelledby="data-title">
            <h2 id="data-title">{ "Your data" }</h2>
            <p class="muted">{ "Your history lives only in this browser. Export it to keep a copy or to move it to another browser." }</p>
            <div class="actions">
                <button type="button" class="secondary export" onclick={on_export}>{ "Export progress" }</button>
            </div>
            <h3>{ "Import" }</h3>
            <div class="import">
                <label for="import-file">{ "Progress file" }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_file}
                    aria-describedby={problem.is_some().then_some("import-error")} />
                if let Some(why) = &*problem {
                    <p id="import-error" class="import-error" role="alert">{ why.clone() }</p>
                }
                <fieldset>
                    <legend class="visually-hidden">{ "How to import" }</legend>
                    <label class="chip"><input type="radio" name="import-how" checked={!*replace} onchange={set_replace(false)} />{ "Merge (newest answer wins)" }</label>
                    <label class="chip"><input type="radio" name="import-how" checked={*replace} onchange={set_replace(true)} />{ "Replace what is here" }</label>
                </fieldset>
                if let Some(file) = &*pending {
                    <div class="confirm" role="alertdialog" aria-labelledby="import-title">
                        <p id="import-title">{ import_summary(file) }
                            if *replace { { " Replacing erases the records here first (a backup is kept)." } }</p>
                        <div class="actions">
                            <button type="button" class="primary import-go" onclick={on_import}>{ if *replace { "Replace my progress" } else { "Merge it in" } }</button>
                            <button type="button" class="secondary" onclick={ { let pending = pending.clone(); move |_| pending.set(None) } }>{ "Cancel" }</button>
                        </div>
                    </div>
                }
            </div>
            <h3>{ "Backups" }</h3>
            if backups.is_empty() {
                <p class="muted">{ "None yet. A backup is kept whenever something could have overwritten your progress." }</p>
            } else {
                <ul class="backups">{ for backup_rows }</ul>
            }
            <h3>{ "Reset" }</h3>
            if *confirm_reset {
                <p role="alert">{ "This erases every answer and the quiz in progress on this device. You can undo it right after, and a backup is kept." }</p>
                <div class="actions">
                    <button type="button" class="danger" onclick={reset}>{ "Yes, erase my progress" }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            } else {
                <button type="button" class="secondary" onclick={reset}>{ "Reset progress…" }</button>
            }
        </section>
    }
}

/// "The file holds 12 question records and 3 bookmarks (1 record could not be read)."
fn import_summary(file: &Imported) -> String {
    let bookmarks = file.settings.as_ref().map_or(0, |s| s.bookmarked().count());
    let mut text = format!(
        "The file holds {}",
        plural(
            file.records.map.len(),
            "question record",
            "question records"
        )
    );
    if bookmarks > 0 {
        text += &format!(" and {}", plural(bookmarks, "bookmark", "bookmarks"));
    }
    if file.skipped > 0 {
        text += &format!(
            " ({} could not be read)",
            plural(file.skipped, "record", "records")
        );
    }
    text + "."
}

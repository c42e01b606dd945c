//! Imports: a dropped Slack export or chat log, or a local git repository, previewed
//! before anything is added.

use debrief_core::import::{ImportReport, ImportSource};
use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

/// The channels of a Slack export that hold messages, to choose the incident's from.
/// With a `task` ticket, the import view may walk away from it.
#[tauri::command]
#[specta::specta]
pub async fn slack_channels(state: State<'_, AppState>, path: String, task: Option<Ticket>) -> Reply<Vec<String>> {
    let read =
        state.call("reading a Slack export", move |workspace| workspace.slack_channels(std::path::Path::new(&path)));
    state.tasks.abandonable(task, read).await
}

/// Imports `source` into the incident's timeline; with `dry_run`, only says what would be added.
/// With a `task` ticket, the import view may walk away from it: the window gives one for
/// previews only, since an import under way is not stopped halfway.
#[tauri::command]
#[specta::specta]
pub async fn import_into(
    state: State<'_, AppState>,
    incident: String,
    source: ImportSource,
    dry_run: bool,
    task: Option<Ticket>,
) -> Reply<ImportReport> {
    let what = if dry_run { "import preview" } else { "import" };
    let import = state.call(what, move |workspace| workspace.import(&incident, &source, dry_run));
    state.tasks.abandonable(task, import).await
}

//! Imports: a dropped Slack export or chat log, or a local git repository, previewed
//! before anything is added; and a post-mortem file from this computer, read in as an
//! incident of its own.

use std::path::Path;

use debrief_core::import::{ImportReport, ImportSource};
use debrief_core::time::Zone;
use debrief_core::workspace::{ReadBack, Workspace};
use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

/// The channels of a Slack export that hold messages, to choose the incident's from.
/// With a `task` ticket, the import view may walk away from it.
#[tauri::command]
#[specta::specta]
pub async fn slack_channels(state: State<'_, AppState>, path: String, task: Option<Ticket>) -> Reply<Vec<String>> {
    let read = state.call("reading a Slack export", move |workspace| workspace.slack_channels(Path::new(&path)));
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

/// Reads a post-mortem Markdown file from this computer (a team's earlier write-up, typed as a
/// path or dropped on the window) into the incident its `id` names, else a new one.
#[tauri::command]
#[specta::specta]
pub async fn import_postmortem_file(state: State<'_, AppState>, path: String) -> Reply<ReadBack> {
    // Times a post-mortem written by hand gives without a zone are this computer's.
    let read = move |workspace: &Workspace| workspace.import_postmortem_file(Path::new(&path), None, Zone::Local, None);
    state.call("reading a post-mortem file", read).await
}

//! Imports: a dropped Slack export or chat log, or a local git repository, previewed
//! before anything is added.

use debrief_core::Store;
use debrief_core::import::{self, ImportReport, ImportSource, slack};

use super::{Reply, in_background};

/// The channels of a Slack export that hold messages, to choose the incident's from.
#[tauri::command]
#[specta::specta]
pub async fn slack_channels(path: String) -> Reply<Vec<String>> {
    in_background(move |_, _| slack::channels_with_messages(std::path::Path::new(&path))).await
}

/// Imports `source` into the incident's timeline; with `dry_run`, only says what would be added.
#[tauri::command]
#[specta::specta]
pub async fn import_into(incident: String, source: ImportSource, dry_run: bool) -> Reply<ImportReport> {
    in_background(move |data_dir, _| import::import_source(&mut Store::open(data_dir)?, &incident, &source, dry_run))
        .await
}

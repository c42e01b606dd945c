//! Browse: search across every published post-mortem, read one, open action items,
//! "on this day" and the trends the plots show.

use debrief_core::index::{
    self, ActionFilter, IndexedAction, Period, PeriodStats, SearchHit, SearchQuery, SyncReport, Timing,
};
use debrief_core::postmortem::html::SafeHtml;
use tauri::State;

use super::{AppState, Reply, in_background};
use crate::background::Ticket;

/// Fetches the shared repository and brings the index up to date (offline: up to this laptop's copy).
/// With a `task` ticket, the browse view may walk away from it (see `cancel_task`).
#[tauri::command]
#[specta::specta]
pub async fn sync_shared_repository(state: State<'_, AppState>, task: Option<Ticket>) -> Reply<SyncReport> {
    let opened = state.opened();
    let sync = in_background("sync", move |data_dir, config| {
        let report = index::sync(data_dir, config)?;
        opened.forget_shared_state();
        Ok(report)
    });
    state.tasks.abandonable(task, sync).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(state: State<'_, AppState>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    state.with_index(move |index| index.search(&query)).await
}

/// A published post-mortem as sanitized HTML, read from this laptop's copy.
#[tauri::command]
#[specta::specta]
pub async fn read_postmortem(path: String) -> Reply<SafeHtml> {
    in_background("reading a post-mortem", move |data_dir, config| index::read_published(data_dir, config, &path)).await
}

/// Action items not done yet across every post-mortem; only the overdue ones with `overdue`.
#[tauri::command]
#[specta::specta]
pub async fn open_action_items(state: State<'_, AppState>, overdue: bool) -> Reply<Vec<IndexedAction>> {
    let today = chrono::Local::now().date_naive();
    state.with_index(move |index| index.actions(&ActionFilter { open: true, overdue, owner: None, today })).await
}

/// Incidents that started on today's date in earlier years.
#[tauri::command]
#[specta::specta]
pub async fn on_this_day(state: State<'_, AppState>) -> Reply<Vec<Timing>> {
    let today = chrono::Local::now().date_naive();
    state.with_index(move |index| index.on_this_day(today)).await
}

/// Incidents per period, and how long they took to detect, mitigate and resolve.
#[tauri::command]
#[specta::specta]
pub async fn trends(state: State<'_, AppState>, by: Period) -> Reply<Vec<PeriodStats>> {
    state.with_index(move |index| Ok(index::stats(&index.timings()?, by))).await
}

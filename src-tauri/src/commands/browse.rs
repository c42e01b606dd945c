//! Browse: search across every published post-mortem, read one and open it as an incident, open
//! action items (one by one and per owner), "on this day", the trends the plots show, incidents
//! per contributing-factor theme, and the post-mortems seen before that the draft view lists
//! beside the draft.

use debrief_core::index::{
    ActionFilter, FactorTrends, IndexedAction, OwnerRollup, Period, PeriodStats, SearchHit, SearchQuery, SeenBefore,
    SyncReport, Timing,
};
use debrief_core::time::Zone;
use debrief_core::workspace::{PublishedPage, ReadBack, Workspace};
use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

/// Fetches the shared repository and brings the index up to date (offline: up to this laptop's copy).
/// With a `task` ticket, the browse view may walk away from it (see `cancel_task`).
#[tauri::command]
#[specta::specta]
pub async fn sync_shared_repository(state: State<'_, AppState>, task: Option<Ticket>) -> Reply<SyncReport> {
    let sync = state.call("sync", |workspace| workspace.sync());
    state.tasks.abandonable(task, sync).await
}

#[tauri::command]
#[specta::specta]
pub async fn search(state: State<'_, AppState>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    state.call("search", move |workspace| workspace.search(&query)).await
}

/// A published post-mortem as sanitized HTML, read from this laptop's copy, and the incident it is.
#[tauri::command]
#[specta::specta]
pub async fn read_postmortem(state: State<'_, AppState>, path: String) -> Reply<PublishedPage> {
    state.call("reading a post-mortem", move |workspace| workspace.read_published(&path)).await
}

/// Opens a published post-mortem as an incident on this laptop, reading it back when this laptop
/// does not have it yet.
#[tauri::command]
#[specta::specta]
pub async fn open_published(state: State<'_, AppState>, path: String) -> Reply<ReadBack> {
    // Times a post-mortem written by hand gives without a zone are this computer's.
    let opened = move |workspace: &Workspace| workspace.read_back_published(&path, None, Zone::Local, None);
    state.call("opening a post-mortem in Debrief", opened).await
}

/// Action items not done yet across every post-mortem; only the overdue ones with `overdue`.
#[tauri::command]
#[specta::specta]
pub async fn open_action_items(state: State<'_, AppState>, overdue: bool) -> Reply<Vec<IndexedAction>> {
    let today = chrono::Local::now().date_naive();
    state
        .call("open action items", move |workspace| {
            workspace.indexed_actions(&ActionFilter { open: true, overdue, owner: None, today })
        })
        .await
}

/// Open action items rolled up per owner: how many are open and overdue, and the oldest overdue
/// with its post-mortem; only owners with something overdue with `overdue`.
#[tauri::command]
#[specta::specta]
pub async fn owner_rollup(state: State<'_, AppState>, overdue: bool) -> Reply<Vec<OwnerRollup>> {
    let today = chrono::Local::now().date_naive();
    state
        .call("action items per owner", move |workspace| {
            workspace.owner_rollup(&ActionFilter { open: true, overdue, owner: None, today })
        })
        .await
}

/// Incidents that started on today's date in earlier years.
#[tauri::command]
#[specta::specta]
pub async fn on_this_day(state: State<'_, AppState>) -> Reply<Vec<Timing>> {
    let today = chrono::Local::now().date_naive();
    state.call("on this day", move |workspace| workspace.on_this_day(today)).await
}

/// Incidents per period, and how long they took to detect, mitigate and resolve.
#[tauri::command]
#[specta::specta]
pub async fn trends(state: State<'_, AppState>, by: Period) -> Reply<Vec<PeriodStats>> {
    state.call("trends", move |workspace| workspace.trends(by)).await
}

/// How many past post-mortems the draft view lists beside the draft.
const SEEN_BEFORE_SHOWN: usize = 5;

/// The past post-mortems most like an incident, why each matched, and the action items earlier
/// incidents on its services left open.
#[tauri::command]
#[specta::specta]
pub async fn seen_before(state: State<'_, AppState>, incident: String) -> Reply<SeenBefore> {
    let today = chrono::Local::now().date_naive();
    state.call("seen before", move |workspace| workspace.seen_before(&incident, SEEN_BEFORE_SHOWN, today)).await
}

/// Incidents per contributing-factor theme per period, and the incidents behind each theme.
#[tauri::command]
#[specta::specta]
pub async fn factor_trends(state: State<'_, AppState>, by: Period) -> Reply<FactorTrends> {
    state.call("factor trends", move |workspace| workspace.factor_trends(by)).await
}

//! Live incidents: joining one started on another laptop, where one stands on this laptop,
//! and the commander's acceptance of a key time another responder proposed. The sharing
//! itself runs in the background ([`crate::live_sharing`]).

use debrief_core::Entry;
use debrief_core::workspace::{Joinable, Joined, LiveRound, LiveStatus};
use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

/// The live incidents on the shared repository this laptop has not joined. It asks the shared
/// repository, so the incident list may walk away from it with a `task` ticket.
#[tauri::command]
#[specta::specta]
pub async fn joinable_incidents(state: State<'_, AppState>, task: Option<Ticket>) -> Reply<Joinable> {
    let listing = state.call("listing live incidents to join", |workspace| workspace.joinable_incidents());
    state.tasks.abandonable(task, listing).await
}

/// Joins a live incident started on another laptop: its timeline comes in, and the lines typed
/// here go to the others from now on. A first round that fails after the join (a key that cannot
/// sign) still opens the incident: the background rounds say why its lines are not shared.
#[tauri::command]
#[specta::specta]
pub async fn join_incident(state: State<'_, AppState>, incident: String) -> Reply<Option<LiveRound>> {
    state.call("joining a live incident", move |workspace| workspace.join(&incident).map(Joined::round_if_shared)).await
}

/// Who this laptop is to the other responders, who else writes, and what is not shared yet;
/// read from the store alone.
#[tauri::command]
#[specta::specta]
pub async fn live_status(state: State<'_, AppState>, incident: String) -> Reply<LiveStatus> {
    state.call("reading the live status", move |workspace| workspace.live_status(&incident)).await
}

/// Makes a key time another responder proposed a key time, at its time: the commander's one key.
#[tauri::command]
#[specta::specta]
pub async fn accept_proposal(state: State<'_, AppState>, incident: String, entry: i64) -> Reply<Entry> {
    state.call("accepting a proposed key time", move |workspace| workspace.accept_proposal(&incident, entry)).await
}

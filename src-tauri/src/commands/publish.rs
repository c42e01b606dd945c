//! Publish: the checks before, the one-click publish, and the queue of publishes waiting
//! for the shared repository (pushed again in the background by [`crate::push_retry`]).
//! None of these is abandoned when the view closes: a publish commits, and its outcome counts.

use debrief_core::publish::{Checks, Delivery, PublishOptions, PublishReport, Queued};
use tauri::State;

use super::{AppState, Reply};

/// What publishing would check now: what blocks and what only warns.
#[tauri::command]
#[specta::specta]
pub async fn publish_checks(state: State<'_, AppState>, incident: String, options: PublishOptions) -> Reply<Checks> {
    state.call("publish checks", move |workspace| workspace.publish_checks(&incident, &options)).await
}

/// Checks, commits and pushes the post-mortem; offline, it is committed and queued.
#[tauri::command]
#[specta::specta]
pub async fn publish(state: State<'_, AppState>, incident: String, options: PublishOptions) -> Reply<PublishReport> {
    state.call("publish", move |workspace| workspace.publish(&incident, &options)).await
}

#[tauri::command]
#[specta::specta]
pub async fn publish_queue(state: State<'_, AppState>) -> Reply<Vec<Queued>> {
    state.call("reading the publish queue", |workspace| workspace.queue()).await
}

/// Pushes what waits in the queue now; each branch with where it stands.
#[tauri::command]
#[specta::specta]
pub async fn retry_publish_queue(state: State<'_, AppState>) -> Reply<Vec<(String, Delivery)>> {
    state.call("pushing queued publishes", |workspace| workspace.retry_queue()).await
}

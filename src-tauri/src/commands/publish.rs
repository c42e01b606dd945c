//! Publish: the checks before, the one-click publish, and the queue of publishes waiting
//! for the shared repository (pushed again in the background by [`crate::push_retry`]).
//! None of these is abandoned when the view closes: a publish commits, and its outcome counts.

use debrief_core::Store;
use debrief_core::publish::{self, Checks, Delivery, PublishOptions, PublishReport, Queued};
use tauri::State;

use super::{AppState, Reply, in_background};

/// What publishing would check now: what blocks and what only warns.
#[tauri::command]
#[specta::specta]
pub async fn publish_checks(incident: String, options: PublishOptions) -> Reply<Checks> {
    in_background("publish checks", move |data_dir, config| {
        publish::publish_checks(&mut Store::open(data_dir)?, data_dir, config, &incident, &options)
    })
    .await
}

/// Checks, commits and pushes the post-mortem; offline, it is committed and queued.
#[tauri::command]
#[specta::specta]
pub async fn publish(state: State<'_, AppState>, incident: String, options: PublishOptions) -> Reply<PublishReport> {
    let opened = state.opened();
    in_background("publish", move |data_dir, config| {
        let report = publish::publish_incident(&mut Store::open(data_dir)?, data_dir, config, &incident, &options)?;
        // The publish may have merged others' edits and moved the shared repository on.
        opened.forget_shared_state();
        Ok(report)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn publish_queue() -> Reply<Vec<Queued>> {
    in_background("reading the publish queue", publish::queue).await
}

/// Pushes what waits in the queue now; each branch with where it stands.
#[tauri::command]
#[specta::specta]
pub async fn retry_publish_queue() -> Reply<Vec<(String, Delivery)>> {
    in_background("pushing queued publishes", publish::retry_queued).await
}

//! Publish: the checks before, the one-click publish, and the queue of publishes waiting
//! for the shared repository, pushed again in the background.

use std::time::Duration;

use debrief_core::publish::{self, Checks, Delivery, PublishOptions, PublishReport, Queued};
use debrief_core::{Store, paths};
use tauri::State;

use super::{AppState, Reply, in_background};

/// What publishing would check now: what blocks and what only warns.
#[tauri::command]
#[specta::specta]
pub async fn publish_checks(incident: String, options: PublishOptions) -> Reply<Checks> {
    in_background(move |data_dir, config| {
        publish::publish_checks(&mut Store::open(data_dir)?, data_dir, config, &incident, &options)
    })
    .await
}

/// Checks, commits and pushes the post-mortem; offline, it is committed and queued.
#[tauri::command]
#[specta::specta]
pub async fn publish(state: State<'_, AppState>, incident: String, options: PublishOptions) -> Reply<PublishReport> {
    let report = in_background(move |data_dir, config| {
        publish::publish_incident(&mut Store::open(data_dir)?, data_dir, config, &incident, &options)
    })
    .await?;
    // The publish may have merged others' edits and moved the shared repository on.
    state.forget_shared_state();
    Ok(report)
}

#[tauri::command]
#[specta::specta]
pub async fn publish_queue() -> Reply<Vec<Queued>> {
    in_background(|data_dir, config| publish::queue(data_dir, config)).await
}

/// Pushes what waits in the queue now; each branch with where it stands.
#[tauri::command]
#[specta::specta]
pub async fn retry_publish_queue() -> Reply<Vec<(String, Delivery)>> {
    in_background(|data_dir, config| publish::retry_queued(data_dir, config)).await
}

/// How often queued publishes are pushed again without anyone asking.
const RETRY_EVERY: Duration = Duration::from_secs(30);

/// Pushes queued publishes every [`RETRY_EVERY`] (`DEBRIEF_PUSH_RETRY_SECONDS` overrides it), for
/// as long as the app runs. A failure here is usually the normal offline case: it goes to
/// standard error, and the queue in the publish panel keeps showing what waits.
pub fn retry_in_background() {
    let every = std::env::var("DEBRIEF_PUSH_RETRY_SECONDS")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(RETRY_EVERY);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(every);
            let Ok(data_dir) = paths::data_dir(None) else { continue };
            // Without a shared repository there is nothing to push to, and no reason to touch
            // Debrief's copy of it.
            let queued =
                debrief_core::config::Config::load(&data_dir).and_then(|config| match config.shared_repository.url {
                    Some(_) => Ok((publish::queue(&data_dir, &config)?, config)),
                    None => Ok((Vec::new(), config)),
                });
            match queued {
                Ok((queued, config)) if !queued.is_empty() => {
                    if let Err(error) = publish::retry_queued(&data_dir, &config) {
                        eprintln!("debrief: queued publishes were not pushed: {error}");
                    }
                }
                Ok(_) => {}
                Err(error) => eprintln!("debrief: the publish queue cannot be read: {error}"),
            }
        }
    });
}

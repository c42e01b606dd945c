//! Live incidents travel while the app is open. Every few seconds ([`RHYTHM`], or what
//! `DEBRIEF_LIVE_MILLISECONDS` says, as for `debrief capture`) a round runs for each live
//! incident of this laptop: the other responders' new lines come in and this laptop's go
//! out. After each round the window hears what it did ([`LiveShared`]), so the capture view
//! shows the others' lines within seconds and says what is not shared yet. Capture never
//! waits for any of it: a line is saved first and shared after, on the core's own store
//! connection for slow work.

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use debrief_core::workspace::LiveRound;
use serde::Serialize;
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager as _};
use tauri_specta::Event as _;

use crate::background::Reply;
use crate::commands::AppState;
use crate::error::AppError;

/// How often a round runs when nothing says otherwise.
const RHYTHM: Duration = Duration::from_millis(3_000);
/// The same variable `debrief capture` reads, so tests and measurements set one rhythm for both.
const RHYTHM_VARIABLE: &str = "DEBRIEF_LIVE_MILLISECONDS";

/// What one round of sharing did for one live incident, told to the window.
#[derive(Debug, Clone, Serialize, specta::Type, tauri_specta::Event)]
pub struct LiveShared {
    pub incident: String,
    /// What the round did, when it could run.
    pub round: Option<LiveRound>,
    /// Why it could not (the store failed, not the network: a repository that does not answer
    /// is a round with `unreachable` set).
    pub failure: Option<AppError>,
}

impl LiveShared {
    fn of(incident: String, outcome: Reply<LiveRound>) -> LiveShared {
        match outcome {
            Ok(round) => LiveShared { incident, round: Some(round), failure: None },
            Err(failure) => LiveShared { incident, round: None, failure: Some(failure) },
        }
    }
}

/// The running task, kept in the app's state so it ends with the app.
pub struct LiveSharing {
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Starts sharing on Tauri's runtime; called from the app's setup, once the app's state is managed.
pub fn start(app: AppHandle) -> LiveSharing {
    let every = rhythm(std::env::var(RHYTHM_VARIABLE).ok().as_deref());
    tracing::info!(every_ms = every.as_millis(), "sharing live incidents in the background");
    LiveSharing { task: Mutex::new(Some(tauri::async_runtime::spawn(share(app, every)))) }
}

impl LiveSharing {
    /// Stops sharing; a round under way finishes on its own thread, or with the process. What
    /// is not shared yet stays in the store for the next start (or `debrief capture`).
    pub fn stop(&self) {
        if let Some(task) = self.task.lock().unwrap_or_else(PoisonError::into_inner).take() {
            task.abort();
            tracing::info!("stopped sharing live incidents");
        }
    }
}

/// The rhythm `value` (milliseconds) asks for; the default when it is absent, zero or not a number.
fn rhythm(value: Option<&str>) -> Duration {
    value
        .and_then(|millis| millis.trim().parse::<u64>().ok())
        .filter(|millis| *millis > 0)
        .map(Duration::from_millis)
        .unwrap_or(RHYTHM)
}

async fn share(app: AppHandle, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    // A round that took longer than the rhythm (a slow remote) is followed by a full wait, not a burst.
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut away = HashSet::new();
    loop {
        ticks.tick().await;
        let state = app.state::<AppState>();
        // Already logged with its code; the next tick tries again.
        let Ok(incidents) = state.call("listing live incidents", |workspace| workspace.live_incidents()).await else {
            continue;
        };
        for incident in incidents {
            let named = incident.clone();
            let outcome = state.call("sharing a live incident", move |workspace| workspace.share_round(&named)).await;
            if let Ok(round) = &outcome {
                note_reachability(&mut away, round);
            }
            if let Err(error) = LiveShared::of(incident, outcome).emit(&app) {
                tracing::warn!(%error, "the window could not be told what sharing did");
            }
        }
    }
}

/// Logs when the shared repository stops or starts answering for an incident, not every round.
fn note_reachability(away: &mut HashSet<String>, round: &LiveRound) {
    match &round.unreachable {
        Some(reason) if away.insert(round.incident.clone()) => {
            tracing::info!(
                incident = round.incident,
                unshared = round.unshared,
                reason,
                "the shared repository is away"
            );
        }
        None if away.remove(&round.incident) => {
            tracing::info!(incident = round.incident, pushed = round.pushed, "the shared repository answers again");
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn the_rhythm_is_three_seconds_unless_the_variable_names_another() {
        assert_eq!(rhythm(None), Duration::from_secs(3));
        assert_eq!(rhythm(Some("250")), Duration::from_millis(250));
        for unusable in ["", "0", "-5", "soon"] {
            assert_eq!(rhythm(Some(unusable)), Duration::from_secs(3), "{unusable:?}");
        }
    }

    #[test]
    fn the_window_hears_a_round_or_why_there_was_none() {
        let round = LiveRound { incident: "2026-11-23-checkout".into(), received_lines: 2, ..LiveRound::default() };
        let shared = LiveShared::of("2026-11-23-checkout".into(), Ok(round));
        assert_eq!(shared.round.map(|round| round.received_lines), Some(2));
        assert!(shared.failure.is_none());

        let failed = LiveShared::of("2026-11-23-checkout".into(), Err(AppError::unexpected("a worker stopped")));
        assert!(failed.round.is_none());
        assert_eq!(failed.failure.map(|failure| failure.code), Some(ErrorCode::Unexpected));
    }

    #[test]
    fn only_changes_of_reachability_are_noted() {
        let mut away = HashSet::new();
        let away_round = LiveRound {
            incident: "2026-11-23-checkout".into(),
            unreachable: Some("connection refused".into()),
            ..LiveRound::default()
        };
        note_reachability(&mut away, &away_round);
        note_reachability(&mut away, &away_round);
        assert!(away.contains("2026-11-23-checkout"));
        note_reachability(&mut away, &LiveRound { incident: "2026-11-23-checkout".into(), ..LiveRound::default() });
        assert!(away.is_empty());
    }
}

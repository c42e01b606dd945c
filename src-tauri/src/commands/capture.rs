//! Capture: the incident list and the live timeline.

use chrono::{DateTime, FixedOffset};
use debrief_core::store::TimelinePage;
use debrief_core::workspace::Opening;
use debrief_core::{Entry, Incident, KeyTime, NewIncident};
use tauri::State;

use super::{AppState, Reply, SOURCE};

/// Every incident, most recently started first.
#[tauri::command]
#[specta::specta]
pub async fn list_incidents(state: State<'_, AppState>) -> Reply<Vec<Incident>> {
    state.call("listing incidents", |workspace| workspace.incidents()).await
}

/// What the window opens on, in one call: the incident capture goes to when none is named (the
/// most recently started one not resolved, as in `debrief capture`) with the newest `lines` of
/// its timeline, or every incident when none is open.
#[tauri::command]
#[specta::specta]
pub async fn opening(state: State<'_, AppState>, lines: usize) -> Reply<Opening> {
    state.call("opening the window", move |workspace| workspace.opening(lines)).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident(state: State<'_, AppState>, id: String) -> Reply<Incident> {
    state.call("reading the incident", move |workspace| workspace.incident(&id)).await
}

/// Starts an incident now. With a shared repository set it is live (the other responders can
/// join it and see one timeline) unless `keep_private` keeps it on this laptop.
#[tauri::command]
#[specta::specta]
pub async fn create_incident(state: State<'_, AppState>, title: String, keep_private: bool) -> Reply<Incident> {
    state
        .call("starting an incident", move |workspace| {
            workspace.start_incident(NewIncident { title, ..Default::default() }, keep_private)
        })
        .await
}

/// The `count` lines of the timeline that come before its newest `skip`, in time order, each
/// with its history of corrections, and how many come before them: the window reads a long
/// timeline a page at a time, as its rows come into view.
#[tauri::command]
#[specta::specta]
pub async fn timeline_page(
    state: State<'_, AppState>,
    incident: String,
    skip: usize,
    count: usize,
) -> Reply<TimelinePage> {
    state.call("reading the timeline", move |workspace| workspace.timeline_page(&incident, skip, count)).await
}

/// Saves a typed line (`@name` and `/kind` read as in the CLI) stamped `at`, the moment
/// Enter was pressed; answers only once the line is durable on disk.
#[tauri::command]
#[specta::specta]
pub async fn append_line(
    state: State<'_, AppState>,
    incident: String,
    line: String,
    at: DateTime<FixedOffset>,
) -> Reply<Entry> {
    state.call("saving a line", move |workspace| workspace.capture_line(&incident, &line, Some(at), SOURCE)).await
}

/// Marks detected, mitigated or resolved at `at`.
#[tauri::command]
#[specta::specta]
pub async fn mark(
    state: State<'_, AppState>,
    incident: String,
    key: KeyTime,
    at: DateTime<FixedOffset>,
) -> Reply<Entry> {
    state.call("marking a key time", move |workspace| workspace.mark(&incident, key, at, SOURCE)).await
}

/// Corrects an entry's text and/or time (`at` as typed: `14:05`, `-5m`, a full date and
/// time with offset...); the old values stay in its history.
#[tauri::command]
#[specta::specta]
pub async fn edit_entry(
    state: State<'_, AppState>,
    incident: String,
    entry: i64,
    text: Option<String>,
    at: Option<String>,
) -> Reply<Entry> {
    state
        .call("correcting an entry", move |workspace| workspace.correct_typed(&incident, entry, text, at.as_deref()))
        .await
}

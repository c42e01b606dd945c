//! The commands the UI calls, each a single call into `debrief-core`. The shell owns no
//! rules of its own: what a line means, what is valid and what an error says all come
//! from the core, so the app and the `debrief` command behave the same.

use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, FixedOffset};
use debrief_core::{Entry, Incident, KeyTime, NewEntry, NewIncident, Store, capture, paths};
use tauri::State;

use crate::error::AppError;

/// What the app writes as an entry's source, beside `cli` and imports.
const SOURCE: &str = "app";

type Reply<T> = Result<T, AppError>;

/// The store, opened on first use from the same data directory as the CLI's
/// (`DEBRIEF_HOME`, else the platform's). A store that cannot be opened is not kept,
/// so every command reports why and the next one tries again once it is fixed.
#[derive(Default)]
pub struct AppState {
    store: Mutex<Option<Store>>,
}

impl AppState {
    fn with_store<T>(&self, action: impl FnOnce(&mut Store) -> debrief_core::Result<T>) -> Reply<T> {
        // Every store call is one transaction, so a panic mid-call leaves nothing half-written.
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match &mut *slot {
            Some(store) => store,
            empty => empty.insert(Store::open(&paths::data_dir(None)?)?),
        };
        Ok(action(store)?)
    }
}

/// Every incident, most recently started first.
#[tauri::command]
#[specta::specta]
pub async fn list_incidents(state: State<'_, AppState>) -> Reply<Vec<Incident>> {
    state.with_store(|store| store.incidents())
}

/// The incident capture goes to when none is named: the most recently started one not
/// resolved, as in `debrief capture`. Fails with `no-open-incident` when there is none.
#[tauri::command]
#[specta::specta]
pub async fn current_incident(state: State<'_, AppState>) -> Reply<String> {
    state.with_store(|store| store.target_incident(None))
}

#[tauri::command]
#[specta::specta]
pub async fn incident(state: State<'_, AppState>, id: String) -> Reply<Incident> {
    state.with_store(|store| store.incident(&id))
}

/// Starts an incident now.
#[tauri::command]
#[specta::specta]
pub async fn create_incident(state: State<'_, AppState>, title: String) -> Reply<Incident> {
    state.with_store(|store| store.create_incident(NewIncident { title, ..Default::default() }))
}

/// The timeline in time order, each entry with its history of corrections.
#[tauri::command]
#[specta::specta]
pub async fn timeline(state: State<'_, AppState>, incident: String) -> Reply<Vec<Entry>> {
    state.with_store(|store| store.timeline(&incident))
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
    state.with_store(|store| capture::append_line(store, &incident, &line, Some(at), SOURCE))
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
    let mark = NewEntry { at: Some(at), kind: key.entry_kind(), source: SOURCE.into(), ..Default::default() };
    state.with_store(|store| store.append(&incident, mark))
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
    let now = chrono::Local::now();
    state.with_store(|store| capture::correct_entry(store, &incident, entry, text, at.as_deref(), &now))
}

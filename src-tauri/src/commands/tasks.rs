//! Tickets for work a view may walk away from: a sync, an import preview, a connection
//! test. The view takes a ticket before it asks, hands it to the command, and cancels it
//! when the person leaves (see [`crate::background`]).

use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

/// A ticket for one piece of work the window may walk away from.
#[tauri::command]
#[specta::specta]
pub async fn start_task(state: State<'_, AppState>) -> Reply<Ticket> {
    Ok(state.tasks.start())
}

/// The window no longer wants what `task` was given for: the command stops before its next
/// step, or answers `cancelled` at once and its result is dropped.
#[tauri::command]
#[specta::specta]
pub async fn cancel_task(state: State<'_, AppState>, task: Ticket) -> Reply<()> {
    state.tasks.cancel(task);
    Ok(())
}

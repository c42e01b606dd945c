//! Settings: the shared repository and its connection test, the identity commits are
//! made with, and the team's template and wording rules as the shared repository has them.

use debrief_core::publish::{ConnectionTest, RepositoryOverview, StarterReport};
use tauri::State;

use super::{AppState, Reply};
use crate::background::Ticket;

#[tauri::command]
#[specta::specta]
pub async fn repository_overview(state: State<'_, AppState>) -> Reply<RepositoryOverview> {
    state.call("repository overview", |workspace| workspace.repository_overview()).await
}

/// Saves the shared repository's URL (one with a password in it is refused).
#[tauri::command]
#[specta::specta]
pub async fn set_repository_url(state: State<'_, AppState>, url: String) -> Reply<RepositoryOverview> {
    state
        .call("setting the repository URL", move |workspace| {
            workspace.set_repository_url(&url)?;
            workspace.repository_overview()
        })
        .await
}

/// Sets up `directory` as a new shared repository (git init, the starting files, one commit);
/// files already there are left as they are.
#[tauri::command]
#[specta::specta]
pub async fn set_up_repository(state: State<'_, AppState>, directory: String, gitlab: bool) -> Reply<StarterReport> {
    state
        .call("setting up a shared repository", move |workspace| {
            workspace.set_up_repository(std::path::Path::new(&directory), gitlab)
        })
        .await
}

/// The name and email commits are made with when git itself has none; blank clears them.
#[tauri::command]
#[specta::specta]
pub async fn set_identity(state: State<'_, AppState>, name: String, email: String) -> Reply<RepositoryOverview> {
    state
        .call("setting the identity", move |workspace| {
            workspace.set_identity(&name, &email)?;
            workspace.repository_overview()
        })
        .await
}

/// Tries the shared repository now and explains what happened in plain words. With a
/// `task` ticket, the settings view may walk away from it.
#[tauri::command]
#[specta::specta]
pub async fn test_connection(state: State<'_, AppState>, task: Option<Ticket>) -> Reply<ConnectionTest> {
    let test = state.call("connection test", |workspace| workspace.test_connection());
    state.tasks.abandonable(task, test).await
}

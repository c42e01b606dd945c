//! Settings: the shared repository and its connection test, the identity commits are
//! made with, and the team's template and wording rules as the shared repository has them.

use debrief_core::config::Config;
use debrief_core::publish::{self, ConnectionTest, RepositoryOverview};
use tauri::State;

use super::{AppState, Reply, in_background};
use crate::background::Ticket;

#[tauri::command]
#[specta::specta]
pub async fn repository_overview() -> Reply<RepositoryOverview> {
    in_background("repository overview", publish::overview).await
}

/// Saves the shared repository's URL (one with a password in it is refused).
#[tauri::command]
#[specta::specta]
pub async fn set_repository_url(state: State<'_, AppState>, url: String) -> Reply<RepositoryOverview> {
    let opened = state.opened();
    in_background("setting the repository URL", move |data_dir, _| {
        let config = Config::set_repository_url(data_dir, &url)?;
        opened.forget_shared_state();
        publish::overview(data_dir, &config)
    })
    .await
}

/// The name and email commits are made with when git itself has none; blank clears them.
#[tauri::command]
#[specta::specta]
pub async fn set_identity(name: String, email: String) -> Reply<RepositoryOverview> {
    in_background("setting the identity", move |data_dir, _| {
        publish::overview(data_dir, &Config::set_identity(data_dir, &name, &email)?)
    })
    .await
}

/// Tries the shared repository now and explains what happened in plain words. With a
/// `task` ticket, the settings view may walk away from it.
#[tauri::command]
#[specta::specta]
pub async fn test_connection(state: State<'_, AppState>, task: Option<Ticket>) -> Reply<ConnectionTest> {
    let test = in_background("connection test", publish::test_connection);
    state.tasks.abandonable(task, test).await
}

//! Settings: the shared repository and its connection test, the identity commits are
//! made with, and the team's template and wording rules as the shared repository has them.

use debrief_core::config::Config;
use debrief_core::publish::{self, ConnectionTest, RepositoryOverview};
use tauri::State;

use super::{AppState, Reply, in_background};

#[tauri::command]
#[specta::specta]
pub async fn repository_overview() -> Reply<RepositoryOverview> {
    in_background(|data_dir, config| publish::overview(data_dir, config)).await
}

/// Saves the shared repository's URL (one with a password in it is refused).
#[tauri::command]
#[specta::specta]
pub async fn set_repository_url(state: State<'_, AppState>, url: String) -> Reply<RepositoryOverview> {
    let overview =
        in_background(move |data_dir, _| publish::overview(data_dir, &Config::set_repository_url(data_dir, &url)?))
            .await?;
    state.forget_shared_state();
    Ok(overview)
}

/// The name and email commits are made with when git itself has none; blank clears them.
#[tauri::command]
#[specta::specta]
pub async fn set_identity(name: String, email: String) -> Reply<RepositoryOverview> {
    in_background(move |data_dir, _| publish::overview(data_dir, &Config::set_identity(data_dir, &name, &email)?)).await
}

/// Tries the shared repository now and explains what happened in plain words.
#[tauri::command]
#[specta::specta]
pub async fn test_connection() -> Reply<ConnectionTest> {
    in_background(|data_dir, config| publish::test_connection(data_dir, config)).await
}

//! The commands the UI calls, each a single call into `debrief-core`. The shell owns no
//! rules of its own: what a line means, what is valid and what an error says all come
//! from the core, so the app and the `debrief` command behave the same. One file per
//! view of the app.

pub mod browse;
pub mod capture;
pub mod draft;
pub mod imports;
pub mod publish;
pub mod settings;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use debrief_core::config::Config;
use debrief_core::index::Index;
use debrief_core::publish::{TeamRules, team_rules};
use debrief_core::{Store, paths};

use crate::error::AppError;

/// What the app writes as an entry's source, beside `cli` and imports.
pub const SOURCE: &str = "app";

pub type Reply<T> = Result<T, AppError>;

/// What the commands share, each opened on first use from the same data directory as the
/// CLI's (`DEBRIEF_HOME`, else the platform's). Something that cannot be opened is not
/// kept, so every command reports why and the next one tries again once it is fixed.
#[derive(Default)]
pub struct AppState {
    store: Mutex<Option<Store>>,
    /// The browse index, kept open for search as you type.
    index: Mutex<Option<Index>>,
    /// The team's template and wording rules, read once from the shared repository's copy
    /// (the checker runs on every keystroke) and read again after a sync or a settings change.
    rules: Mutex<Option<Arc<TeamRules>>>,
}

impl AppState {
    pub fn with_store<T>(&self, action: impl FnOnce(&mut Store) -> debrief_core::Result<T>) -> Reply<T> {
        // Every store call is one transaction, so a panic mid-call leaves nothing half-written.
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match &mut *slot {
            Some(store) => store,
            empty => empty.insert(Store::open(&paths::data_dir(None)?)?),
        };
        Ok(action(store)?)
    }

    pub fn with_index<T>(&self, action: impl FnOnce(&Index) -> debrief_core::Result<T>) -> Reply<T> {
        let mut slot = self.index.lock().unwrap_or_else(PoisonError::into_inner);
        let index = match &mut *slot {
            Some(index) => index,
            empty => empty.insert(Index::open(&paths::data_dir(None)?)?),
        };
        Ok(action(index)?)
    }

    pub fn team_rules(&self) -> Reply<Arc<TeamRules>> {
        let mut slot = self.rules.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(rules) = &*slot {
            return Ok(Arc::clone(rules));
        }
        let data_dir = paths::data_dir(None)?;
        let rules = Arc::new(team_rules(&data_dir, &Config::load(&data_dir)?)?);
        *slot = Some(Arc::clone(&rules));
        Ok(rules)
    }

    /// After the shared repository changed (a sync, a new URL): rules and index are read afresh.
    pub fn forget_shared_state(&self) {
        *self.rules.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Runs work that can take seconds (the network, big files) on a thread of its own, with
/// its own store connection and settings, so the capture view is never kept waiting.
pub async fn in_background<T: Send + 'static>(
    work: impl FnOnce(&PathBuf, &Config) -> debrief_core::Result<T> + Send + 'static,
) -> Reply<T> {
    let done = tauri::async_runtime::spawn_blocking(move || {
        let data_dir = paths::data_dir(None)?;
        let config = Config::load(&data_dir)?;
        work(&data_dir, &config)
    })
    .await;
    match done {
        Ok(result) => Ok(result?),
        Err(failure) => Err(AppError::unexpected(&failure.to_string())),
    }
}

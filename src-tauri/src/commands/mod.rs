//! The commands the UI calls, each a single call into `debrief-core`. The shell owns no
//! rules of its own: what a line means, what is valid and what an error says all come
//! from the core, so the app and the `debrief` command behave the same. One file per
//! view of the app, and one for the tickets of work a view may walk away from.
//!
//! Every command is async on Tauri's tokio runtime; the core's work (rusqlite, git2, files)
//! runs on the blocking pool (see [`crate::background`]).

pub mod browse;
pub mod capture;
pub mod draft;
pub mod imports;
pub mod publish;
pub mod settings;
pub mod tasks;

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use debrief_core::config::Config;
use debrief_core::index::Index;
use debrief_core::publish::{TeamRules, team_rules};
use debrief_core::{Store, paths};

pub use crate::background::Reply;
use crate::background::{Tasks, blocking};

/// What the app writes as an entry's source, beside `cli` and imports.
pub const SOURCE: &str = "app";

/// What the commands share: what is open, and the work a view may walk away from.
#[derive(Default)]
pub struct AppState {
    opened: Opened,
    pub tasks: Tasks,
}

/// The store, index and team rules, each opened on first use from the same data directory
/// as the CLI's (`DEBRIEF_HOME`, else the platform's). Something that cannot be opened is
/// not kept, so every command reports why and the next one tries again once it is fixed.
/// Cloning shares them, so work on the blocking pool can hold them.
#[derive(Clone, Default)]
pub struct Opened {
    store: Arc<Mutex<Option<Store>>>,
    /// The browse index, kept open for search as you type.
    index: Arc<Mutex<Option<Index>>>,
    /// The team's template and wording rules, read once from the shared repository's copy
    /// (the checker runs on every keystroke) and read again after a sync or a settings change.
    rules: Arc<Mutex<Option<Arc<TeamRules>>>>,
}

impl AppState {
    pub async fn with_store<T: Send + 'static>(
        &self,
        action: impl FnOnce(&mut Store) -> debrief_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        let opened = self.opened.clone();
        blocking("store", move || opened.with_store(action)).await
    }

    pub async fn with_index<T: Send + 'static>(
        &self,
        action: impl FnOnce(&Index) -> debrief_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        let opened = self.opened.clone();
        blocking("index", move || opened.with_index(action)).await
    }

    pub async fn team_rules(&self) -> Reply<Arc<TeamRules>> {
        let opened = self.opened.clone();
        blocking("team rules", move || opened.team_rules()).await
    }

    /// A handle on what is open, for work that changes the shared repository and must
    /// have rules and index read afresh once it is done.
    pub fn opened(&self) -> Opened {
        self.opened.clone()
    }
}

impl Opened {
    fn with_store<T>(&self, action: impl FnOnce(&mut Store) -> debrief_core::Result<T>) -> debrief_core::Result<T> {
        // Every store call is one transaction, so a panic mid-call leaves nothing half-written.
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match &mut *slot {
            Some(store) => store,
            empty => empty.insert(Store::open(&paths::data_dir(None)?)?),
        };
        action(store)
    }

    fn with_index<T>(&self, action: impl FnOnce(&Index) -> debrief_core::Result<T>) -> debrief_core::Result<T> {
        let mut slot = self.index.lock().unwrap_or_else(PoisonError::into_inner);
        let index = match &mut *slot {
            Some(index) => index,
            empty => empty.insert(Index::open(&paths::data_dir(None)?)?),
        };
        action(index)
    }

    fn team_rules(&self) -> debrief_core::Result<Arc<TeamRules>> {
        let mut slot = self.rules.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(rules) = &*slot {
            return Ok(Arc::clone(rules));
        }
        let data_dir = paths::data_dir(None)?;
        let rules = Arc::new(team_rules(&data_dir, &Config::load(&data_dir)?)?);
        *slot = Some(Arc::clone(&rules));
        Ok(rules)
    }

    /// After the shared repository changed (a sync, a publish, a new URL): rules and index
    /// are read afresh. Called where that work ends, even when its view has been left.
    pub fn forget_shared_state(&self) {
        *self.rules.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Runs work that can take seconds (the network, big files) on the blocking pool, with
/// its own store connection and settings, so the capture view is never kept waiting;
/// `what` names it in the log.
pub async fn in_background<T: Send + 'static>(
    what: &'static str,
    work: impl FnOnce(&Path, &Config) -> debrief_core::Result<T> + Send + 'static,
) -> Reply<T> {
    blocking(what, move || {
        let data_dir = paths::data_dir(None)?;
        let config = Config::load(&data_dir)?;
        work(&data_dir, &config)
    })
    .await
}

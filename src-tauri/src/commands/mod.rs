//! The commands the UI calls, each a single call into `debrief-core`. The shell owns no
//! rules of its own: what a line means, what is valid and what an error says all come
//! from the core, so the app and the `debrief` command behave the same. One file per
//! view of the app.

pub mod capture;

use std::sync::{Mutex, PoisonError};

use debrief_core::{Store, paths};

use crate::error::AppError;

/// What the app writes as an entry's source, beside `cli` and imports.
pub const SOURCE: &str = "app";

pub type Reply<T> = Result<T, AppError>;

/// The store, opened on first use from the same data directory as the CLI's
/// (`DEBRIEF_HOME`, else the platform's). A store that cannot be opened is not kept,
/// so every command reports why and the next one tries again once it is fixed.
#[derive(Default)]
pub struct AppState {
    store: Mutex<Option<Store>>,
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
}

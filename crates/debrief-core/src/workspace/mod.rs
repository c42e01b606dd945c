//! The use-case layer: everything a person does with Debrief, one method each, for both
//! faces. A [`Workspace`] owns one data directory and what lives in it (settings, the
//! store, the browse index, Debrief's copy of the shared repository, the team's rules),
//! opening each on first use; the CLI and the desktop app hold one and format what it
//! answers, and never open those parts themselves. Which incident a command means when
//! none is named is decided here, once.
//!
//! The workspace is shared across threads (the app's commands run at once): the store
//! and index each sit behind a lock held for one call. Slow work (fetching, pushing,
//! indexing, importing) uses a store connection of its own, so the capture line never
//! waits behind a sync.

mod browse;
mod capture;
mod factors;
mod imports;
mod live;
mod publishing;
mod seen_before;
mod settings;
mod writeup;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

pub use browse::PublishedPage;
pub use capture::{Marked, Opening};
pub use live::{Joinable, Joined, LiveElsewhere, LiveRound, LiveStatus};
pub use publishing::{RemoteTried, RemoteView, StatusReport};
pub use writeup::{AddedActionItem, CheckReport, ChosenTemplate, ReadBack};

use crate::config::Config;
use crate::index::Index;
use crate::publish::{TeamRules, team_rules};
use crate::store::{IncidentUse, Store};
use crate::{Incident, Result, paths};

/// How a workspace opens the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Read and write; migrates a database that is behind.
    ReadWrite,
    /// Only read: never waits for a writer and never writes (`list`, `timeline`, `status`).
    ReadOnly,
}

pub struct Workspace {
    data_dir: PathBuf,
    access: Access,
    store: Mutex<Option<Store>>,
    /// The browse index, kept open for search as you type.
    index: Mutex<Option<Index>>,
    /// The team's template and wording rules, read once from the shared repository's copy (the
    /// checker runs on every keystroke) and again after a sync, a publish or a settings change.
    rules: Mutex<Option<Arc<TeamRules>>>,
}

impl Workspace {
    /// The workspace in `data_dir`, else in `DEBRIEF_HOME`, else in the platform's data
    /// directory. Nothing is opened yet.
    pub fn open(data_dir: Option<PathBuf>) -> Result<Workspace> {
        Ok(Workspace {
            data_dir: paths::data_dir(data_dir)?,
            access: Access::ReadWrite,
            store: Mutex::new(None),
            index: Mutex::new(None),
            rules: Mutex::new(None),
        })
    }

    /// The same workspace for commands that only read: its store never waits for a writer.
    pub fn for_reading(mut self) -> Workspace {
        self.access = Access::ReadOnly;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The settings in effect, read afresh (a person may have edited the file).
    pub fn config(&self) -> Result<Config> {
        Config::load(&self.data_dir)
    }

    /// The incident a command means: the one named, else the most recent one fit for `work`.
    pub fn choose_incident(&self, named: Option<&str>, work: IncidentUse) -> Result<Incident> {
        self.with_store(|store| store.choose_incident(named, work))
    }

    /// Runs `action` on the store, opening it on first use. Something that cannot be opened is
    /// not kept, so the next call tries again once it is fixed.
    fn with_store<T>(&self, action: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // Every store call is one transaction, so a panic mid-call leaves nothing half-written.
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let store = match &mut *slot {
            Some(store) => store,
            empty => empty.insert(match self.access {
                Access::ReadWrite => Store::open(&self.data_dir)?,
                Access::ReadOnly => Store::open_for_reading(&self.data_dir)?,
            }),
        };
        action(store)
    }

    /// A store connection of its own, for slow work that must not hold the shared one.
    fn own_store(&self) -> Result<Store> {
        Store::open(&self.data_dir)
    }

    fn with_index<T>(&self, action: impl FnOnce(&mut Index) -> Result<T>) -> Result<T> {
        let mut slot = self.index.lock().unwrap_or_else(PoisonError::into_inner);
        let index = match &mut *slot {
            Some(index) => index,
            empty => empty.insert(Index::open(&self.data_dir)?),
        };
        action(index)
    }

    /// The team's template and wording rules from the shared repository as this laptop last saw
    /// it (Debrief's own where the team has none).
    pub fn team_rules(&self) -> Result<Arc<TeamRules>> {
        let mut slot = self.rules.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(rules) = &*slot {
            return Ok(Arc::clone(rules));
        }
        let rules = Arc::new(team_rules(&self.data_dir, &self.config()?)?);
        *slot = Some(Arc::clone(&rules));
        Ok(rules)
    }

    /// After the shared repository changed (a sync, a publish, a new URL): the rules and the
    /// index are read afresh on their next use.
    fn forget_shared_state(&self) {
        *self.rules.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

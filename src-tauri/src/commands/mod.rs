//! The commands the UI calls, each a single call into `debrief-core`. The shell owns no
//! rules of its own: what a line means, what is valid and what an error says all come
//! from the core, so the app and the `debrief` command behave the same. One file per
//! view of the app, one for live incidents, and one for the tickets of work a view may walk away from.
//!
//! Every command is async on Tauri's tokio runtime and is one call into the core's use-case
//! layer ([`Workspace`]), run on the blocking pool (see [`crate::background`]).

pub mod browse;
pub mod capture;
pub mod draft;
pub mod imports;
pub mod live;
pub mod publish;
pub mod settings;
pub mod tasks;

use std::sync::{Arc, Mutex, PoisonError};

use debrief_core::Workspace;

pub use crate::background::Reply;
use crate::background::{Tasks, blocking};

/// What the app writes as an entry's source, beside `cli` and imports.
pub const SOURCE: &str = "app";

/// What the commands share: the person's Debrief (the same data directory as the CLI's:
/// `DEBRIEF_HOME`, else the platform's), and the work a view may walk away from.
#[derive(Default)]
pub struct AppState {
    workspace: Mutex<Option<Arc<Workspace>>>,
    pub tasks: Tasks,
}

impl AppState {
    /// The workspace, made on first use; one that cannot be made is not kept, so every command
    /// reports why and the next one tries again once it is fixed.
    fn workspace(&self) -> Reply<Arc<Workspace>> {
        let mut slot = self.workspace.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(workspace) = &*slot {
            return Ok(Arc::clone(workspace));
        }
        let workspace = Arc::new(Workspace::open(None)?);
        *slot = Some(Arc::clone(&workspace));
        Ok(workspace)
    }

    /// Runs one use case on tokio's blocking pool; `what` names it in the log.
    pub async fn call<T: Send + 'static>(
        &self,
        what: &'static str,
        work: impl FnOnce(&Workspace) -> debrief_core::Result<T> + Send + 'static,
    ) -> Reply<T> {
        let workspace = self.workspace()?;
        blocking(what, move || work(&workspace)).await
    }
}

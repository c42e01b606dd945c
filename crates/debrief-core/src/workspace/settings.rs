//! Debrief's own settings file, as people see it.

use std::path::PathBuf;

use super::Workspace;
use crate::Result;
use crate::config::Config;
use crate::publish::{DEFAULT_DEBRIEF_SOURCE, StarterOptions, StarterReport, set_up_repository};

impl Workspace {
    /// Sets up `directory` as a new shared repository: `git init` when needed, the starting
    /// files that are missing, one commit; a team's own files are left as they are.
    pub fn set_up_repository(&self, directory: &std::path::Path, gitlab: bool) -> Result<StarterReport> {
        let options = StarterOptions { gitlab, debrief_source: DEFAULT_DEBRIEF_SOURCE.to_string() };
        set_up_repository(directory, &options)
    }

    /// Where the settings file is (it may not exist yet: then every setting is its default).
    pub fn config_path(&self) -> PathBuf {
        Config::path(&self.data_dir)
    }
}

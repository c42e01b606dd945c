//! Debrief's own settings file, as people see it.

use std::path::PathBuf;

use super::Workspace;
use crate::config::Config;

impl Workspace {
    /// Where the settings file is (it may not exist yet: then every setting is its default).
    pub fn config_path(&self) -> PathBuf {
        Config::path(&self.data_dir)
    }
}

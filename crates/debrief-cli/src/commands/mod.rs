//! One file per subcommand, plus what they share: where the data lives and how
//! arguments that mean something to Debrief (times, kinds, severities) are read.

pub mod capture;
pub mod completions;
pub mod edit;
pub mod lint;
pub mod list;
pub mod log;
pub mod mark;
pub mod new;
pub mod timeline;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use debrief_core::{Store, paths};

pub struct Context {
    pub data_dir: Option<PathBuf>,
}

impl Context {
    pub fn resolved_data_dir(&self) -> debrief_core::Result<PathBuf> {
        paths::data_dir(self.data_dir.clone())
    }

    pub fn open_store(&self) -> debrief_core::Result<Store> {
        Store::open(&self.resolved_data_dir()?)
    }
}

/// `--at TIME`: RFC 3339, `2026-11-23 14:05`, `14:05`, `-5m`; read against the local clock.
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, String> {
    debrief_core::time::parse_time(text, &chrono::Local::now()).map_err(|error| error.to_string())
}

/// Any Debrief value with a `FromStr` whose error explains the accepted values.
pub fn parse_value<T: std::str::FromStr<Err = debrief_core::Error>>(text: &str) -> Result<T, String> {
    text.parse().map_err(|error: debrief_core::Error| error.to_string())
}

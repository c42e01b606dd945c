//! Filling a timeline from where the incident really happened: a Slack export, a chat log,
//! a git repository, another responder's timeline. Imports use a store connection of their
//! own: a large one never holds up a line being captured.

use std::io::BufRead;
use std::path::Path;

use super::Workspace;
use crate::Result;
use crate::import::chat_log::{LogOptions, import_log, import_log_file};
use crate::import::git::{GitOptions, import_git};
use crate::import::slack::{SlackOptions, channels_with_messages, import_slack};
use crate::import::timeline::{TimelineOptions, import_timeline};
use crate::import::{ImportReport, ImportSource, import_source};

impl Workspace {
    pub fn import_slack(&self, incident: &str, export: &Path, options: &SlackOptions) -> Result<ImportReport> {
        import_slack(&mut self.own_store()?, incident, export, options)
    }

    pub fn import_chat_log(&self, incident: &str, log: &Path, options: &LogOptions) -> Result<ImportReport> {
        import_log_file(&mut self.own_store()?, incident, log, options)
    }

    /// A chat log read from `reader` (standard input); `name` names it in the entries' source.
    pub fn import_chat_log_from(
        &self,
        incident: &str,
        reader: impl BufRead,
        name: &str,
        shown_as: &str,
        options: &LogOptions,
    ) -> Result<ImportReport> {
        import_log(&mut self.own_store()?, incident, reader, name, shown_as, options)
    }

    pub fn import_git(&self, incident: &str, repository: &Path, options: &GitOptions) -> Result<ImportReport> {
        import_git(&mut self.own_store()?, incident, repository, options)
    }

    pub fn import_timeline(&self, incident: &str, file: &Path, options: &TimelineOptions) -> Result<ImportReport> {
        import_timeline(&mut self.own_store()?, incident, file, options)
    }

    /// Any source with the defaults the app uses; with `dry_run`, only says what would be added.
    pub fn import(&self, incident: &str, source: &ImportSource, dry_run: bool) -> Result<ImportReport> {
        import_source(&mut self.own_store()?, incident, source, dry_run)
    }

    /// The channels of a Slack export that hold messages, to choose the incident's from.
    pub fn slack_channels(&self, export: &Path) -> Result<Vec<String>> {
        channels_with_messages(export)
    }
}

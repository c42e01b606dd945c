//! Filling a timeline from where the incident really happened: a Slack export
//! ([`slack`]), a chat log ([`chat_log`]), the commits of a repository ([`git`]),
//! and another responder's Debrief timeline ([`timeline`]).
//!
//! At 2 a.m. nobody takes notes; the record is in the chat and in the commits.
//! Every import keeps each line's original time with its UTC offset and names its
//! source (`slack:#incident-42`, `irc:weechat.log`, `git:checkout-api`,
//! `timeline:bob`). Every imported line carries a key naming the line of its source
//! it was, so importing the same source twice adds nothing. Lines are written in
//! batches of [`BATCH_LINES`], one transaction each, so a huge log never sits in
//! memory; a dry run goes through the same steps and writes nothing.

mod chat_copy;
mod chat_csv;
mod chat_export;
pub mod chat_log;
pub mod git;
mod keys;
pub mod slack;
pub mod timeline;
mod writer;

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

pub use crate::model::ImportedLine;
use crate::model::{Incident, KeyTime};
use crate::store::{MAX_ENTRY_BYTES, Store};
pub use crate::time::Zone;
use crate::time::rfc3339;
use crate::{Error, Result};
pub(crate) use keys::Repeats;
pub(crate) use writer::{TimelineWriter, timeline_name, timeline_text, truncate_to_char_boundary};

/// Lines written per transaction: large enough that fsyncs do not dominate, small enough
/// that memory stays bounded whatever the size of the source.
pub const BATCH_LINES: usize = 5_000;

/// How many added lines a report lists; the rest are counted.
pub const PREVIEW_LIMIT: usize = 1_000;

/// Without `--from`, an import looks this far before the incident's start: the deploy or the
/// first confused message usually comes before anyone declares an incident.
pub const DEFAULT_LEAD: Duration = Duration::hours(2);

/// Without `--to`, an import looks this far past the resolution, for the all-clear and the clean-up.
pub const DEFAULT_TRAIL: Duration = Duration::hours(1);

/// What an import did, or with a dry run would do.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    pub incident: String,
    /// Where the lines came from, as their entries name it.
    pub source: String,
    pub dry_run: bool,
    /// Lines added (with a dry run: that would be added).
    pub added: usize,
    /// Lines the timeline already held, from an earlier import of the same source or from another responder.
    pub already_present: usize,
    /// The added lines in the source's order, the first [`PREVIEW_LIMIT`] of them.
    pub lines: Vec<ImportedLine>,
    /// What was left out on purpose, with how many.
    pub skipped: Vec<Skipped>,
    /// What needs a person's attention: lines kept differently from how they were written.
    pub warnings: Vec<ImportWarning>,
    /// How the source was read, e.g. which day undated times were put on.
    pub notes: Vec<String>,
    /// Another responder's key-time marks, imported as notes and offered for `debrief mark`.
    pub offered_marks: Vec<OfferedMark>,
}

impl ImportReport {
    /// Whether a person should look: a warning, or marks offered that were not applied.
    pub fn needs_attention(&self) -> bool {
        !self.warnings.is_empty() || !self.offered_marks.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Skipped {
    pub what: String,
    pub count: usize,
}

/// What can be wrong with an imported line that was still kept (or, before the first message, reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum WarningKind {
    InvalidUtf8,
    UnknownFormat,
    NothingBefore,
    LongLine,
    LongMessage,
    UnknownUser,
    MissingLocalTime,
    NoTime,
    ImplausibleTime,
}

impl WarningKind {
    fn message(self, count: usize) -> String {
        let plural = |noun: &str| if count == 1 { format!("1 {noun} was") } else { format!("{count} {noun}s were") };
        let (lines, messages) = (plural("line"), plural("message"));
        match self {
            WarningKind::InvalidUtf8 => {
                format!("{lines} not valid UTF-8 and kept with the unreadable bytes replaced by \u{FFFD}")
            }
            WarningKind::UnknownFormat => format!(
                "{lines} in no known format and kept as continuations of the message before them; check them, \
                 or choose another --format"
            ),
            WarningKind::NothingBefore => format!(
                "{lines} in no known format before the first message and NOT imported (there is no time to give \
                 them); add them with `debrief log --at TIME` if they matter"
            ),
            WarningKind::LongLine => {
                format!("{lines} longer than {MAX_ENTRY_BYTES} bytes and kept only up to that length")
            }
            WarningKind::LongMessage => format!(
                "{messages} longer than {MAX_ENTRY_BYTES} bytes with their continuations and cut at that length"
            ),
            WarningKind::UnknownUser => format!(
                "{messages} from users missing from users.json and kept with the user's id as the name; \
                 `debrief edit` can correct them"
            ),
            WarningKind::MissingLocalTime => format!(
                "{lines} at a local time that does not exist in the zone (clocks went forward) and read with the \
                 offset before the change; check --zone"
            ),
            WarningKind::NoTime => format!("{messages} without a readable time and NOT imported"),
            WarningKind::ImplausibleTime => format!(
                "{} dated more than a year after the incident began and NOT imported: the clock of the machine that \
                 made them was wrong; the dates are listed, check them in the repository",
                plural("commit")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportWarning {
    pub kind: WarningKind,
    pub message: String,
    pub count: usize,
    /// The first places it happened: `line 17`, a user id, a file.
    pub examples: Vec<String>,
}

/// A key time another responder marked, offered to the commander rather than applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfferedMark {
    pub mark: KeyTime,
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: DateTime<FixedOffset>,
    pub who: Option<String>,
    /// The command that applies it.
    pub command: String,
}

/// The stretch of time an import takes lines from; open-ended while the incident goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: DateTime<FixedOffset>,
    pub to: Option<DateTime<FixedOffset>>,
}

impl Window {
    /// `from` and `to` as given; else from [`DEFAULT_LEAD`] before the incident's start to
    /// [`DEFAULT_TRAIL`] after its resolution, with no end while it is not resolved (the same
    /// as "until now", without trusting this machine's clock).
    pub fn for_incident(
        incident: &Incident,
        from: Option<DateTime<FixedOffset>>,
        to: Option<DateTime<FixedOffset>>,
    ) -> Result<Window> {
        let from = from.unwrap_or(incident.started_at - DEFAULT_LEAD);
        let to = to.or(incident.resolved_at.map(|resolved| resolved + DEFAULT_TRAIL));
        if let Some(to) = to.filter(|to| *to < from) {
            return Err(Error::invalid(
                "time window",
                format!(
                    "it ends ({}) before it starts ({}); give --from and --to in that order",
                    crate::time::display(&to),
                    crate::time::display(&from)
                ),
            ));
        }
        Ok(Window { from, to })
    }

    pub fn contains(&self, at: &DateTime<FixedOffset>) -> bool {
        self.from <= *at && !self.is_after(at)
    }

    pub fn is_after(&self, at: &DateTime<FixedOffset>) -> bool {
        self.to.is_some_and(|to| *at > to)
    }

    /// For a report's notes: `from 2026-11-23 12:00:00 +01:00 to ...`.
    pub fn describe(&self) -> String {
        match self.to {
            Some(to) => format!("from {} to {}", crate::time::display(&self.from), crate::time::display(&to)),
            None => format!("from {} on", crate::time::display(&self.from)),
        }
    }
}

/// The file or directory name a source is known by: `weechat.log`, `checkout-api`.
pub(crate) fn short_name(path: &std::path::Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute
        .file_name()
        .or_else(|| path.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_dropped_chat_log_is_previewed_without_writing_then_imported() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let started = chrono::Local.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap().fixed_offset();
        let new = crate::NewIncident { title: "Pool".into(), started_at: Some(started), ..Default::default() };
        let id = store.create_incident(new).unwrap().id;
        let log = dir.path().join("incident.log");
        std::fs::write(&log, "[14:05] <alice> restarted the pool\n[14:07] <bob> errors are down\n").unwrap();
        let source = ImportSource::ChatLog { path: log.display().to_string() };
        let preview = import_source(&mut store, &id, &source, true).unwrap();
        assert_eq!((preview.added, preview.dry_run), (2, true), "{preview:?}");
        assert!(store.timeline(&id).unwrap().is_empty(), "a preview writes nothing");
        let imported = import_source(&mut store, &id, &source, false).unwrap();
        assert_eq!(imported.added, 2);
        assert_eq!(store.timeline(&id).unwrap()[0].who.as_deref(), Some("alice"));
    }

    #[test]
    fn a_conversation_pasted_into_the_window_is_read_as_a_chat_log() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let started = chrono::Local.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap().fixed_offset();
        let new = crate::NewIncident { title: "Pool".into(), started_at: Some(started), ..Default::default() };
        let id = store.create_incident(new).unwrap().id;
        let text = "Alice Smith  2:05 PM\nrestarted the pool\n2:07\nerrors are down\n".to_string();
        let imported = import_source(&mut store, &id, &ImportSource::Pasted { text }, false).unwrap();
        assert_eq!((imported.added, imported.source.as_str()), (2, "irc:pasted"), "{imported:?}");
        let timeline = store.timeline(&id).unwrap();
        assert_eq!(timeline[1].who.as_deref(), Some("Alice Smith"));
        assert_eq!(timeline[1].at, started + Duration::minutes(7));
        // A log's line without a nick is nobody's, even under a person's line.
        let text = "[2:10 PM] <bob> deploying\n[2:11 PM] Deploy started by the pipeline\n".to_string();
        import_source(&mut store, &id, &ImportSource::Pasted { text }, false).unwrap();
        let timeline = store.timeline(&id).unwrap();
        let who: Vec<Option<&str>> = timeline[2..].iter().map(|entry| entry.who.as_deref()).collect();
        assert_eq!(who, [Some("bob"), None]);
    }
}

/// A source a person dropped or picked in the app, with what it needs beyond its path, or a
/// conversation pasted into the window (copied out of a chat app), read as a chat log.
/// Times without an offset are read in this laptop's zone, and the window is the default one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum ImportSource {
    Slack { path: String, channel: String },
    ChatLog { path: String },
    Pasted { text: String },
    Git { path: String, branch: Option<String> },
}

/// Imports `source` into the incident's timeline; with `dry_run`, says what would be added
/// and writes nothing.
pub fn import_source(store: &mut Store, incident: &str, source: &ImportSource, dry_run: bool) -> Result<ImportReport> {
    match source {
        ImportSource::Slack { path, channel } => {
            let options =
                slack::SlackOptions { channel: channel.clone(), zone: Zone::Local, from: None, to: None, dry_run };
            slack::import_slack(store, incident, std::path::Path::new(path), &options)
        }
        ImportSource::ChatLog { path } => {
            let options =
                chat_log::LogOptions { format: chat_log::LogFormat::Auto, date: None, zone: Zone::Local, dry_run };
            chat_log::import_log_file(store, incident, std::path::Path::new(path), &options)
        }
        ImportSource::Pasted { text } => {
            let options =
                chat_log::LogOptions { format: chat_log::LogFormat::Auto, date: None, zone: Zone::Local, dry_run };
            chat_log::import_log(store, incident, text.as_bytes(), "pasted", "the pasted conversation", &options)
        }
        ImportSource::Git { path, branch } => {
            let branch = branch.as_ref().map(|branch| branch.trim().to_string()).filter(|branch| !branch.is_empty());
            let options = git::GitOptions { branch, from: None, to: None, dry_run };
            git::import_git(store, incident, std::path::Path::new(path), &options)
        }
    }
}

//! During the outage: incidents, the timeline, lines typed and key times marked.

use chrono::{DateTime, FixedOffset};

use super::Workspace;
use crate::model::StartEdit;
use crate::store::{EntryChange, NewEntry, NewIncident};
use crate::{Entry, Incident, KeyTime, Result, capture};

/// A line saved, with the incident before and after it: a key time earlier than the start moves
/// the start back, and the person is told so.
pub struct Marked {
    pub entry: Entry,
    pub before: Incident,
    pub after: Incident,
}

impl Marked {
    pub fn start_moved(&self) -> bool {
        self.after.started_at != self.before.started_at
    }
}

impl Workspace {
    /// Every incident, most recently started first.
    pub fn incidents(&self) -> Result<Vec<Incident>> {
        self.with_store(|store| store.incidents())
    }

    pub fn incident(&self, id: &str) -> Result<Incident> {
        self.with_store(|store| store.incident(id))
    }

    pub fn create_incident(&self, new: NewIncident) -> Result<Incident> {
        self.with_store(|store| store.create_incident(new))
    }

    /// The timeline in time order, each entry with its history of corrections.
    pub fn timeline(&self, incident: &str) -> Result<Vec<Entry>> {
        self.with_store(|store| store.timeline(incident))
    }

    /// The starts the incident had before its current one.
    pub fn start_history(&self, incident: &str) -> Result<Vec<StartEdit>> {
        self.with_store(|store| store.start_history(incident))
    }

    /// Saves an entry given field by field (`debrief log`, `debrief mark`).
    pub fn add_entry(&self, incident: &str, new: NewEntry) -> Result<Marked> {
        self.with_store(|store| {
            let before = store.incident(incident)?;
            let entry = store.append(incident, new)?;
            Ok(Marked { entry, before, after: store.incident(incident)? })
        })
    }

    /// Saves a line as typed in a capture input (`@name`, `/kind` read as the CLI reads them),
    /// stamped `at` (now if `None`); answers once it is durable on disk.
    pub fn capture_line(
        &self,
        incident: &str,
        line: &str,
        at: Option<DateTime<FixedOffset>>,
        source: &str,
    ) -> Result<Entry> {
        self.with_store(|store| capture::append_line(store, incident, line, at, source))
    }

    /// Marks detected, mitigated or resolved at `at`.
    pub fn mark(&self, incident: &str, key: KeyTime, at: DateTime<FixedOffset>, source: &str) -> Result<Entry> {
        self.with_store(|store| capture::mark(store, incident, key, at, source))
    }

    /// Marks a key time at a moment typed in any form people write times (`14:05`, `-5m`...).
    pub fn mark_typed(&self, incident: &str, key: KeyTime, at: &str, source: &str) -> Result<Entry> {
        let now = chrono::Local::now();
        self.with_store(|store| capture::mark_typed(store, incident, key, at, &now, source))
    }

    /// Corrects an entry; the old values stay in its history.
    pub fn correct_entry(&self, incident: &str, entry: i64, change: EntryChange) -> Result<Marked> {
        self.with_store(|store| {
            let before = store.incident(incident)?;
            let entry = store.edit_entry(incident, entry, change)?;
            Ok(Marked { entry, before, after: store.incident(incident)? })
        })
    }

    /// Corrects an entry from what a responder typed: a new text, and a time in any form.
    pub fn correct_typed(&self, incident: &str, entry: i64, text: Option<String>, at: Option<&str>) -> Result<Entry> {
        let now = chrono::Local::now();
        self.with_store(|store| capture::correct_entry(store, incident, entry, text, at, &now))
    }
}

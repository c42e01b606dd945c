//! During the outage: incidents, the timeline, lines typed and key times marked.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::{LiveStatus, Workspace};
use crate::model::StartEdit;
use crate::store::{EntryChange, IncidentUse, NewEntry, NewIncident, TimelinePage};
use crate::{Entry, Error, Incident, KeyTime, Result, capture};

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

/// What a window shows first, read in one go so the capture line is on screen sooner: the
/// incident capture continues in (as `debrief capture` chooses it) with the newest lines of its
/// timeline, or every incident when none is open. Earlier lines are read as they come into view.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "view", rename_all = "kebab-case")]
pub enum Opening {
    Capture {
        // Boxed, so an opening on the list is not as large as one on a capture.
        incident: Box<Incident>,
        /// The last lines of the timeline, as many as were asked for at most.
        newest: TimelinePage,
        live: LiveStatus,
    },
    List {
        incidents: Vec<Incident>,
    },
}

impl Workspace {
    /// What the window opens on, with the newest `lines` of the timeline it opens.
    pub fn opening(&self, lines: usize) -> Result<Opening> {
        self.with_store(|store| match store.choose_incident(None, IncidentUse::Capture) {
            Ok(incident) => Ok(Opening::Capture {
                newest: store.timeline_page(&incident.id, 0, lines)?,
                live: self.live_status_in(store, &incident.id)?,
                incident: Box::new(incident),
            }),
            Err(Error::NoOpenIncident) => Ok(Opening::List { incidents: store.incidents()? }),
            Err(other) => Err(other),
        })
    }

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

    /// The `count` lines of the timeline before its newest `skip`, and how many come before them.
    pub fn timeline_page(&self, incident: &str, skip: usize, count: usize) -> Result<TimelinePage> {
        self.with_store(|store| store.timeline_page(incident, skip, count))
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

#[cfg(test)]
mod tests {
    use tempfile::TempDir;

    use super::*;

    fn workspace() -> (TempDir, Workspace) {
        let home = TempDir::new().expect("data directory");
        let workspace = Workspace::open(Some(home.path().to_path_buf())).expect("workspace");
        (home, workspace)
    }

    #[test]
    fn the_window_opens_on_the_open_incident_with_its_newest_lines() {
        let (_home, workspace) = workspace();
        let incident =
            workspace.create_incident(NewIncident { title: "Checkout latency".into(), ..Default::default() });
        let id = incident.expect("started").id;
        for n in 1..=5 {
            workspace.capture_line(&id, &format!("observation {n}"), None, "test").expect("saved");
        }
        let Opening::Capture { incident, newest, live } = workspace.opening(2).expect("opening") else {
            panic!("an open incident opens its capture");
        };
        assert_eq!(incident.id, id);
        assert_eq!(newest.entries, workspace.timeline(&id).expect("timeline")[3..]);
        assert_eq!(newest.before, 3);
        assert!(!live.live);
    }

    #[test]
    fn the_start_is_corrected_as_typed_and_never_after_a_key_time() {
        let (_home, workspace) = workspace();
        let at = |text: &str| DateTime::parse_from_rfc3339(text).expect("time");
        let new = NewIncident {
            title: "Worm".into(),
            started_at: Some(at("2025-11-24T04:11:00+00:00")),
            ..Default::default()
        };
        let id = workspace.create_incident(new).expect("started").id;
        workspace.mark_typed(&id, KeyTime::Detected, "2025-11-24T09:30:00Z", "test").expect("marked");
        let corrected = workspace.set_start_typed(&id, "2025-11-24T03:50:00Z").expect("corrected");
        assert_eq!(corrected.started_at, at("2025-11-24T03:50:00+00:00"));
        let refused = workspace.set_start_typed(&id, "2025-11-24T10:00:00Z");
        assert!(matches!(refused, Err(Error::StartAfterKeyTime { .. })), "{refused:?}");
        assert!(matches!(workspace.set_start_typed(&id, "soonish"), Err(Error::Time { .. })));
        assert_eq!(workspace.incident(&id).expect("incident").started_at, at("2025-11-24T03:50:00+00:00"));
    }

    #[test]
    fn the_window_opens_on_the_list_when_every_incident_is_over() {
        let (_home, workspace) = workspace();
        let Opening::List { incidents } = workspace.opening(10).expect("opening") else {
            panic!("nothing to capture into opens the list");
        };
        assert!(incidents.is_empty());

        let id =
            workspace.create_incident(NewIncident { title: "Over".into(), ..Default::default() }).expect("started").id;
        workspace.mark(&id, KeyTime::Resolved, chrono::Local::now().fixed_offset(), "test").expect("resolved");
        let Opening::List { incidents } = workspace.opening(10).expect("opening") else {
            panic!("a resolved incident is not captured into");
        };
        assert_eq!(incidents.iter().map(|incident| incident.id.as_str()).collect::<Vec<_>>(), [id.as_str()]);
    }
}

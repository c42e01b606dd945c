//! Adding imported lines to a timeline, each once however often its source is imported:
//! every imported line carries a key naming the line of the source it was, unique per incident.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::entries::insert_entry_with_key;
use super::incidents::start_no_later_than_key_times;
use super::{NewEntry, Store, ensure_incident};
use crate::Result;
use crate::model::ImportedLine;

/// What one batch of imported lines did to the timeline.
#[derive(Debug, Default)]
pub struct AddedLines {
    /// The lines that were new (with a dry run, that would have been added), in the order given.
    pub new: Vec<ImportedLine>,
    /// How many lines the timeline already held.
    pub already_present: usize,
}

impl Store {
    /// Adds the lines whose key the incident's timeline does not hold yet, in one transaction; a
    /// key-time mark among them that is before the incident's start moves the start back to it.
    /// With `dry_run` nothing is written, and the answer says what would have been added.
    pub fn add_imported_lines(
        &mut self,
        incident: &str,
        source: &str,
        lines: Vec<ImportedLine>,
        dry_run: bool,
    ) -> Result<AddedLines> {
        let context = &self.context;
        let failed = |source| context.error("saving imported lines", source);
        let behavior = if dry_run { TransactionBehavior::Deferred } else { TransactionBehavior::Immediate };
        let tx = self.conn.transaction_with_behavior(behavior).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let mut outcome = AddedLines::default();
        for line in lines {
            let present = tx
                .prepare_cached("SELECT 1 FROM entries WHERE incident_id = ?1 AND source_key = ?2")
                .and_then(|mut statement| statement.query_row(params![incident, line.key], |_| Ok(())).optional())
                .map_err(failed)?
                .is_some();
            if present {
                outcome.already_present += 1;
                continue;
            }
            if !dry_run {
                let new = NewEntry {
                    at: Some(line.at),
                    who: line.who.clone(),
                    kind: line.kind,
                    text: line.text.clone(),
                    source: source.to_string(),
                };
                insert_entry_with_key(&tx, context, incident, new, Some(&line.key))?;
            }
            outcome.new.push(line);
        }
        if dry_run {
            tx.rollback().map_err(failed)?;
        } else {
            if outcome.new.iter().any(|line| line.kind.key_time().is_some()) {
                start_no_later_than_key_times(&tx, context, incident)?;
            }
            tx.commit().map_err(failed)?;
        }
        tracing::debug!(incident, added = outcome.new.len(), dry_run, "imported lines saved");
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::EntryKind;
    use crate::store::NewIncident;

    fn line(text: &str, key: &str) -> ImportedLine {
        ImportedLine {
            at: DateTime::parse_from_rfc3339("2026-11-23T14:02:00+01:00").unwrap(),
            who: Some("alice".into()),
            kind: EntryKind::Note,
            text: text.into(),
            key: key.into(),
        }
    }

    #[test]
    fn a_line_is_added_once_per_key_and_a_dry_run_writes_nothing() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let id = store.create_incident(NewIncident { title: "Pool".into(), ..Default::default() }).unwrap().id;
        let batch = || vec![line("ok", "log:1"), line("ok", "log:2"), line("failing over", "log:3")];

        let dry = store.add_imported_lines(&id, "irc:x", batch(), true).unwrap();
        assert_eq!((dry.new.len(), dry.already_present), (3, 0));
        assert!(store.timeline(&id).unwrap().is_empty());

        let first = store.add_imported_lines(&id, "irc:x", batch(), false).unwrap();
        assert_eq!((first.new.len(), first.already_present), (3, 0));
        let again = store.add_imported_lines(&id, "irc:x", batch(), false).unwrap();
        assert_eq!((again.new.len(), again.already_present), (0, 3));
        let timeline = store.timeline(&id).unwrap();
        assert_eq!(timeline.len(), 3);
        assert!(timeline.iter().all(|entry| entry.source == "irc:x" && entry.who.as_deref() == Some("alice")));
        assert_eq!(store.incident(&id).unwrap().participants.iter().filter(|person| person.name == "alice").count(), 1);

        // Keys are per incident: the same source imported into another incident is added there.
        let other = store.create_incident(NewIncident { title: "Other".into(), ..Default::default() }).unwrap().id;
        assert_eq!(store.add_imported_lines(&other, "irc:x", batch(), false).unwrap().new.len(), 3);
    }
}

//! Adding imported lines to a timeline, each once however often its source is imported:
//! every imported line carries a key naming the line of the source it was, unique per incident.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::entries::insert_entry_with_key;
use super::{NewEntry, Store, ensure_incident};
use crate::Result;
use crate::import::ImportedLine;

/// What one batch of imported lines did to the timeline.
#[derive(Debug, Default)]
pub struct AddedLines {
    /// The lines that were new (with a dry run, that would have been added), in the order given.
    pub new: Vec<ImportedLine>,
    /// How many lines the timeline already held.
    pub already_present: usize,
}

impl Store {
    /// Adds the lines whose key the incident's timeline does not hold yet, in one transaction.
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
            tx.commit().map_err(failed)?;
        }
        tracing::debug!(incident, added = outcome.new.len(), dry_run, "imported lines saved");
        Ok(outcome)
    }
}

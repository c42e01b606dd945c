//! Appending to a timeline, reading it in time order, and correcting entries
//! with an audit trail of every old value.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use serde::Serialize;

use super::incidents::{MAX_NAME_CHARS, start_no_later_than_key_times};
use super::{Store, StoreContext, clean_label, clean_text, ensure_incident, now, now_to_the_second, parse_stored_time};
use crate::model::{Edit, EditedField, Entry, EntryKind};
use crate::time::rfc3339_string;
use crate::{Error, Result};

/// The largest line a timeline takes: room for a long pasted chat excerpt, not for a whole log file.
pub const MAX_ENTRY_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    /// When it happened; now if not given.
    pub at: Option<DateTime<FixedOffset>>,
    pub who: Option<String>,
    pub kind: EntryKind,
    /// May be empty for a key-time mark, which then reads "Detected", "Mitigated" or "Resolved".
    pub text: String,
    /// Where the line came from, e.g. `cli` or `app`.
    pub source: String,
}

/// A correction to an entry; fields left `None` stay as they are.
#[derive(Debug, Clone, Default)]
pub struct EntryChange {
    pub text: Option<String>,
    pub at: Option<DateTime<FixedOffset>>,
}

/// A stretch of a timeline counted back from its newest line: a window reads a long timeline
/// a page at a time, as its rows come into view, rather than all of it at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimelinePage {
    /// In time order, each with its history.
    pub entries: Vec<Entry>,
    /// How many lines of the timeline come before these.
    pub before: usize,
}

const SELECT_ENTRIES: &str =
    "SELECT entry_key, incident_id, seq, at, recorded_at, who, kind, text, source, origin, proposed FROM entries";

impl Store {
    /// Appends a line and returns it once it is durable on disk. A key-time mark before the
    /// incident's start moves the start back to it (the old start stays in its history).
    pub fn append(&mut self, incident: &str, new: NewEntry) -> Result<Entry> {
        let context = &self.context;
        let failed = |source| context.error("saving the timeline line", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let entry = insert_entry(&tx, context, incident, new)?;
        if entry.kind.key_time().is_some() {
            start_no_later_than_key_times(&tx, context, incident)?;
        }
        tx.commit().map_err(failed)?;
        tracing::debug!(incident, entry = entry.id, kind = entry.kind.as_str(), "timeline line saved");
        Ok(entry)
    }

    /// The incident's timeline in time order (ties in recording order), each entry with its history.
    pub fn timeline(&self, incident: &str) -> Result<Vec<Entry>> {
        ensure_incident(&self.conn, &self.context, incident)?;
        load_timeline(&self.conn, &self.context, incident)
    }

    /// The `count` entries of the timeline that come before its newest `skip`, in time order
    /// with their histories, and how many come before them.
    pub fn timeline_page(&self, incident: &str, skip: usize, count: usize) -> Result<TimelinePage> {
        let failed = |source| self.context.error("reading the timeline", source);
        // One snapshot, so `before` counts the very timeline the entries were read from.
        let snapshot = self.conn.unchecked_transaction().map_err(failed)?;
        ensure_incident(&snapshot, &self.context, incident)?;
        let entries = load_entries(&snapshot, &self.context, incident, Stretch::BeforeNewest { skip, count })?;
        let total: i64 = snapshot
            .query_row("SELECT count(*) FROM entries WHERE incident_id = ?1", [incident], |row| row.get(0))
            .map_err(|source| self.context.error("counting the timeline's lines", source))?;
        snapshot.commit().map_err(failed)?;
        let after = skip.saturating_add(entries.len());
        Ok(TimelinePage { before: usize::try_from(total).unwrap_or(0).saturating_sub(after), entries })
    }

    /// Corrects an entry's text or time, keeping each old value in its history. A key-time mark
    /// moved before the incident's start moves the start back to it, as [`Store::append`] does.
    pub fn edit_entry(&mut self, incident: &str, entry: i64, change: EntryChange) -> Result<Entry> {
        if change.text.is_none() && change.at.is_none() {
            return Err(Error::invalid("edit", "say what to change: a new text, a new time, or both"));
        }
        let text = change.text.as_deref().map(|text| clean_text("timeline text", text, MAX_ENTRY_BYTES)).transpose()?;
        let context = &self.context;
        let failed = |source| context.error("correcting the entry", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let current = tx
            .query_row(
                &format!("{SELECT_ENTRIES} WHERE incident_id = ?1 AND seq = ?2"),
                params![incident, entry],
                RawEntry::from_row,
            )
            .optional()
            .map_err(failed)?
            .ok_or_else(|| Error::EntryNotFound { incident: incident.to_string(), entry })?;
        // In a live incident a correction made here must win on every laptop, as it wins here:
        // it is made later than any correction of the entry already applied, whatever the clocks.
        let (edited_at, me) = super::live::correction_moment(&tx, context, incident, current.key)?;
        let record = |field: EditedField, old: &str, new: &str| {
            tx.execute(
                "INSERT INTO entry_edits (entry_key, edited_at, field, old_value, new_value, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![current.key, edited_at, field_name(field), old, new, me],
            )
        };
        let mut shared_text = None;
        let mut shared_at = None;
        if let Some(text) = text.filter(|text| *text != current.text) {
            record(EditedField::Text, &current.text, &text).map_err(failed)?;
            tx.execute("UPDATE entries SET text = ?1 WHERE entry_key = ?2", params![text, current.key])
                .map_err(failed)?;
            shared_text = Some(text);
        }
        if let Some(at) = change.at.map(|at| rfc3339_string(&at)).filter(|at| *at != current.at) {
            record(EditedField::At, &current.at, &at).map_err(failed)?;
            shared_at = Some(at.clone());
            let at_utc = change.at.map(|at| at.timestamp_micros());
            tx.execute(
                "UPDATE entries SET at = ?1, at_utc = ?2 WHERE entry_key = ?3",
                params![at, at_utc, current.key],
            )
            .map_err(failed)?;
            if current.kind.parse::<EntryKind>().ok().and_then(EntryKind::key_time).is_some() {
                start_no_later_than_key_times(&tx, context, incident)?;
            }
        }
        if shared_text.is_some() || shared_at.is_some() {
            super::live::share_correction(
                &tx,
                context,
                incident,
                current.key,
                shared_text.as_deref(),
                shared_at.as_deref(),
                &edited_at,
            )?;
        }
        tx.commit().map_err(failed)?;
        tracing::info!(incident, entry, "timeline entry corrected");
        load_timeline(&self.conn, &self.context, incident)?
            .into_iter()
            .find(|corrected| corrected.id == entry)
            .ok_or_else(|| Error::EntryNotFound { incident: incident.to_string(), entry })
    }
}

/// Inserts a line inside a caller's transaction: the next number, `at` defaulting to now,
/// and `who` added to the participants. In a live incident it also goes to this laptop's log
/// for the other responders, in the same transaction.
pub(super) fn insert_entry(conn: &Connection, context: &StoreContext, incident: &str, new: NewEntry) -> Result<Entry> {
    insert_entry_with_key(conn, context, incident, new, None)
}

/// [`insert_entry`] for an imported line, which remembers `source_key`: the line of its source it was.
pub(super) fn insert_entry_with_key(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    new: NewEntry,
    source_key: Option<&str>,
) -> Result<Entry> {
    let (entry, key) = insert_line(conn, context, incident, new, source_key)?;
    super::live::share_new_entry(conn, context, incident, key)?;
    Ok(entry)
}

/// Inserts a line and nothing else: another responder's line arrives this way, already in
/// their log. Returns the entry and its row.
pub(super) fn insert_line(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    new: NewEntry,
    source_key: Option<&str>,
) -> Result<(Entry, i64)> {
    let text = match (new.kind.key_time(), new.text.trim().is_empty()) {
        (Some(key), true) => capitalized(key.as_str()),
        _ => clean_text("timeline text", &new.text, MAX_ENTRY_BYTES)?,
    };
    let who = new.who.as_deref().map(|name| clean_label("name", name, MAX_NAME_CHARS)).transpose()?;
    let recorded_at = now();
    let at = new.at.unwrap_or_else(now_to_the_second);
    let failed = |source| context.error("saving the timeline line", source);
    // Cached statements: an import inserts tens of thousands of lines in one transaction.
    let seq: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM entries WHERE incident_id = ?1")
        .and_then(|mut statement| statement.query_row([incident], |row| row.get(0)))
        .map_err(failed)?;
    conn.prepare_cached(
        "INSERT INTO entries (incident_id, seq, at, at_utc, recorded_at, who, kind, text, source, source_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )
    .and_then(|mut statement| {
        statement.execute(params![
            incident,
            seq,
            rfc3339_string(&at),
            at.timestamp_micros(),
            rfc3339_string(&recorded_at),
            who,
            new.kind.as_str(),
            text,
            new.source,
            source_key,
        ])
    })
    .map_err(failed)?;
    let key = conn.last_insert_rowid();
    if let Some(name) = &who {
        conn.prepare_cached(
            "INSERT INTO participants (incident_id, name, role) VALUES (?1, ?2, 'responder')
             ON CONFLICT (incident_id, name) DO NOTHING",
        )
        .and_then(|mut statement| statement.execute(params![incident, name]))
        .map_err(failed)?;
    }
    let entry = Entry {
        id: seq,
        incident: incident.to_string(),
        at,
        recorded_at,
        who,
        kind: new.kind,
        text,
        source: new.source,
        history: Vec::new(),
        author: None,
        proposed: false,
    };
    Ok((entry, key))
}

/// The incident's timeline in time order (ties in recording order), each entry with its history.
pub(super) fn load_timeline(conn: &Connection, context: &StoreContext, incident: &str) -> Result<Vec<Entry>> {
    load_entries(conn, context, incident, Stretch::Whole)
}

/// The key-time marks of the timeline, proposed or not, in time order.
pub(super) fn load_key_time_marks(conn: &Connection, context: &StoreContext, incident: &str) -> Result<Vec<Entry>> {
    load_entries(conn, context, incident, Stretch::KeyTimeMarks)
}

/// Which entries of a timeline to read.
#[derive(Clone, Copy)]
enum Stretch {
    Whole,
    /// `count` entries, before the newest `skip`.
    BeforeNewest {
        skip: usize,
        count: usize,
    },
    KeyTimeMarks,
}

/// Entries of the timeline, in time order.
fn load_entries(conn: &Connection, context: &StoreContext, incident: &str, stretch: Stretch) -> Result<Vec<Entry>> {
    let failed = |source| context.error("reading the timeline", source);
    let mut history = load_histories(conn, context, incident)?;
    let authors = super::live::responder_names(conn, context, incident)?;
    // Lines of a live incident are ordered by their identity after their time, so every laptop
    // that has the same lines shows them in the same order. A stretch counted from the newest is
    // read from the end backwards, every tie broken the same way reversed, and turned round below.
    let in_order = "ORDER BY at_utc, origin, origin_seq, seq";
    let query = match stretch {
        Stretch::Whole => format!("{SELECT_ENTRIES} WHERE incident_id = ?1 {in_order}"),
        Stretch::BeforeNewest { .. } => format!(
            "{SELECT_ENTRIES} WHERE incident_id = ?1
             ORDER BY at_utc DESC, origin DESC, origin_seq DESC, seq DESC LIMIT ?2 OFFSET ?3"
        ),
        Stretch::KeyTimeMarks => format!(
            "{SELECT_ENTRIES} WHERE incident_id = ?1 AND kind IN ('detected', 'mitigated', 'resolved') {in_order}"
        ),
    };
    let mut statement = conn.prepare(&query).map_err(failed)?;
    let rows = match stretch {
        Stretch::BeforeNewest { skip, count } => {
            let as_sql = |number: usize| i64::try_from(number).unwrap_or(i64::MAX);
            statement.query_map(params![incident, as_sql(count), as_sql(skip)], RawEntry::from_row)
        }
        Stretch::Whole | Stretch::KeyTimeMarks => statement.query_map(params![incident], RawEntry::from_row),
    }
    .map_err(failed)?;
    let mut entries = Vec::new();
    for row in rows {
        let raw = row.map_err(failed)?;
        let edits = history.remove(&raw.key).unwrap_or_default();
        let author = raw.origin.as_ref().and_then(|origin| authors.get(origin).cloned());
        let mut entry = raw.into_entry(context, edits)?;
        entry.author = author;
        entries.push(entry);
    }
    if matches!(stretch, Stretch::BeforeNewest { .. }) {
        entries.reverse();
    }
    Ok(entries)
}

fn load_histories(conn: &Connection, context: &StoreContext, incident: &str) -> Result<HashMap<i64, Vec<Edit>>> {
    let failed = |source| context.error("reading entry histories", source);
    let mut statement = conn
        .prepare(
            "SELECT d.entry_key, d.edited_at, d.field, d.old_value, d.new_value
             FROM entry_edits d JOIN entries e USING (entry_key)
             WHERE e.incident_id = ?1 ORDER BY d.rowid",
        )
        .map_err(failed)?;
    let rows = statement
        .query_map([incident], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get(3)?, row.get(4)?))
        })
        .map_err(failed)?;
    let mut grouped: HashMap<i64, Vec<Edit>> = HashMap::new();
    for row in rows {
        let (key, edited_at, field, old, new) = row.map_err(failed)?;
        let field = match field.as_str() {
            "text" => EditedField::Text,
            "at" => EditedField::At,
            other => return Err(context.unreadable(format!("an edit of unknown field `{other}`"))),
        };
        let edited_at = parse_stored_time(context, &edited_at)?;
        grouped.entry(key).or_default().push(Edit { edited_at, field, old, new });
    }
    Ok(grouped)
}

fn field_name(field: EditedField) -> &'static str {
    match field {
        EditedField::Text => "text",
        EditedField::At => "at",
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

struct RawEntry {
    key: i64,
    incident: String,
    seq: i64,
    at: String,
    recorded_at: String,
    who: Option<String>,
    kind: String,
    text: String,
    source: String,
    origin: Option<String>,
    proposed: bool,
}

impl RawEntry {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<RawEntry> {
        Ok(RawEntry {
            key: row.get(0)?,
            incident: row.get(1)?,
            seq: row.get(2)?,
            at: row.get(3)?,
            recorded_at: row.get(4)?,
            who: row.get(5)?,
            kind: row.get(6)?,
            text: row.get(7)?,
            source: row.get(8)?,
            origin: row.get(9)?,
            proposed: row.get(10)?,
        })
    }

    fn into_entry(self, context: &StoreContext, history: Vec<Edit>) -> Result<Entry> {
        let kind = self.kind.parse::<EntryKind>().map_err(|_| {
            context.unreadable(format!("entry #{} of {} has kind `{}`", self.seq, self.incident, self.kind))
        })?;
        Ok(Entry {
            id: self.seq,
            at: parse_stored_time(context, &self.at)?,
            recorded_at: parse_stored_time(context, &self.recorded_at)?,
            incident: self.incident,
            who: self.who,
            kind,
            text: self.text,
            source: self.source,
            history,
            author: None,
            proposed: self.proposed,
        })
    }
}

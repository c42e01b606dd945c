//! Live incidents in the store: who this laptop is to the other responders, the log of
//! events it has written and not pushed yet (written in the same transaction as the line
//! or correction they carry, so an acknowledged line is never missing from it), and the
//! other responders' events applied here. Applying is idempotent and order-free: a line is
//! stored once by its identity (responder and number), and of several corrections of one
//! field the one made last wins while all stay in the entry's history.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::entries::{MAX_ENTRY_BYTES, NewEntry};
use super::incidents::{MAX_NAME_CHARS, NewId, NewIncident, insert_incident, start_no_later_than_key_times};
use super::{Store, StoreContext, clean_label, clean_text, now, parse_stored_time};
use crate::model::{EntryKind, IncidentKind, Severity};
use crate::time::rfc3339_string;
use crate::{Error, Result};

/// One event of a responder's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum LiveEvent {
    /// The incident as its starter opened it: what a laptop joining it creates.
    Incident {
        seq: i64,
        title: String,
        kind: IncidentKind,
        severity: Option<Severity>,
        commander: Option<String>,
        started_at: String,
    },
    /// A timeline line (key-time marks too).
    Line { seq: i64, at: String, recorded_at: String, who: Option<String>, kind: EntryKind, text: String },
    /// A correction of a line, by the line's identity.
    Correction { seq: i64, responder: String, line: i64, text: Option<String>, at: Option<String>, edited_at: String },
}

impl LiveEvent {
    pub fn seq(&self) -> i64 {
        match self {
            LiveEvent::Incident { seq, .. } | LiveEvent::Line { seq, .. } | LiveEvent::Correction { seq, .. } => *seq,
        }
    }
}

/// This laptop, as the other responders see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responder {
    pub id: String,
    pub name: String,
}

/// Another responder of a live incident, as this laptop last heard from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LiveResponder {
    pub id: String,
    pub name: String,
    /// When their newest batch was written, by their clock.
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub last_heard_at: Option<String>,
}

/// What applying another responder's events did here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    pub lines: usize,
    pub corrections: usize,
}

impl Store {
    /// Who this laptop is to other responders, made on first use with `name`.
    pub fn responder(&mut self, name: &str) -> Result<Responder> {
        let context = &self.context;
        let failed = |source| context.error("reading who this laptop is", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let responder = self_responder(&tx, context, Some(name))?.ok_or_else(|| Error::Corrupt {
            path: context.path.clone(),
            detail: "this laptop's responder could not be recorded".into(),
        })?;
        tx.commit().map_err(failed)?;
        Ok(responder)
    }

    /// Makes an incident live: its lines from now on travel to the other responders, and the
    /// lines it already has are written to this laptop's log first (with the incident itself,
    /// when this laptop started it).
    pub fn make_live(&mut self, incident: &str, name: &str) -> Result<()> {
        let context = &self.context;
        let failed = |source| context.error("sharing the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        super::ensure_incident(&tx, context, incident)?;
        let me =
            self_responder(&tx, context, Some(name))?.unwrap_or(Responder { id: String::new(), name: String::new() });
        let already: bool =
            tx.query_row("SELECT live FROM incidents WHERE id = ?1", [incident], |row| row.get(0)).map_err(failed)?;
        if !already {
            tx.execute("UPDATE incidents SET live = 1 WHERE id = ?1", [incident]).map_err(failed)?;
            let started_here: bool = tx
                .query_row(
                    "SELECT NOT EXISTS (SELECT 1 FROM live_responders WHERE incident_id = ?1)",
                    [incident],
                    |row| row.get(0),
                )
                .map_err(failed)?;
            if started_here {
                let found = super::incidents::load_incident(&tx, context, incident)?;
                let event = |seq| LiveEvent::Incident {
                    seq,
                    title: found.title.clone(),
                    kind: found.kind,
                    severity: found.severity,
                    commander: found.commander.clone(),
                    started_at: rfc3339_string(&found.started_at),
                };
                write_event(&tx, context, incident, event)?;
            }
            // Lines typed before it went live travel too, under this laptop's name.
            let earlier: Vec<i64> = tx
                .prepare("SELECT entry_key FROM entries WHERE incident_id = ?1 AND origin IS NULL ORDER BY seq")
                .and_then(|mut statement| statement.query_map([incident], |row| row.get(0))?.collect())
                .map_err(failed)?;
            for key in earlier {
                share_entry(&tx, context, incident, key, &me.id)?;
            }
        }
        tx.commit().map_err(failed)?;
        Ok(())
    }

    /// The incident is no longer shared live (its post-mortem was published): lines typed from
    /// now on stay on this laptop.
    pub fn end_live(&mut self, incident: &str) -> Result<()> {
        let context = &self.context;
        let failed = |source| context.error("ending the live incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        tx.execute("UPDATE incidents SET live = 0 WHERE id = ?1", [incident]).map_err(failed)?;
        tx.commit().map_err(failed)
    }

    /// Accepts a key time another responder proposed: marks it here, at its time, as the
    /// commander's own mark (which then travels to everyone).
    pub fn accept_proposal(&mut self, incident: &str, entry: i64) -> Result<crate::Entry> {
        let timeline = self.timeline(incident)?;
        let proposal = timeline
            .iter()
            .find(|found| found.id == entry)
            .cloned()
            .ok_or_else(|| Error::EntryNotFound { incident: incident.to_string(), entry })?;
        if !proposal.proposed {
            return Err(Error::invalid("proposal", format!("#{entry} is not a key time waiting to be accepted")));
        }
        if let Some(accepted) = proposal.accepted_as(&timeline) {
            return Err(Error::invalid(
                "proposal",
                format!("#{entry} was already accepted: #{} is its key time", accepted.id),
            ));
        }
        let by = proposal.author.unwrap_or_else(|| "another responder".into());
        self.append(
            incident,
            NewEntry {
                at: Some(proposal.at),
                who: proposal.who,
                kind: proposal.kind,
                text: format!("{} (proposed by {by}, accepted)", proposal.text),
                source: "live".into(),
            },
        )
    }

    /// Key times other responders proposed that nobody accepted here yet, in time order.
    pub fn waiting_proposals(&self, incident: &str) -> Result<Vec<crate::Entry>> {
        let marks = super::entries::load_key_time_marks(&self.conn, &self.context, incident)?;
        Ok(marks.iter().filter(|mark| mark.proposed && mark.accepted_as(&marks).is_none()).cloned().collect())
    }

    pub fn is_live(&self, incident: &str) -> Result<bool> {
        is_live(&self.conn, &self.context, incident)
    }

    /// Live incidents, most recently started first.
    pub fn live_incidents(&self) -> Result<Vec<String>> {
        let failed = |source| self.context.error("listing live incidents", source);
        self.conn
            .prepare("SELECT id FROM incidents WHERE live = 1 ORDER BY started_at_utc DESC")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .map_err(failed)
    }

    /// Events of this laptop's log not pushed yet, in order, as written.
    pub fn unpushed_events(&self, incident: &str) -> Result<Vec<(i64, String)>> {
        let failed = |source| self.context.error("reading what is not shared yet", source);
        self.conn
            .prepare("SELECT seq, event FROM live_outbox WHERE incident_id = ?1 AND pushed = 0 ORDER BY seq")
            .and_then(|mut statement| statement.query_map([incident], |row| Ok((row.get(0)?, row.get(1)?)))?.collect())
            .map_err(failed)
    }

    /// Every event of this laptop's log, pushed or not, in order (to write the log again when
    /// the shared repository lost it).
    pub fn all_events(&self, incident: &str) -> Result<Vec<(i64, String)>> {
        let failed = |source| self.context.error("reading this laptop's log", source);
        self.conn
            .prepare("SELECT seq, event FROM live_outbox WHERE incident_id = ?1 ORDER BY seq")
            .and_then(|mut statement| statement.query_map([incident], |row| Ok((row.get(0)?, row.get(1)?)))?.collect())
            .map_err(failed)
    }

    /// How many of this laptop's lines and corrections the others have not had yet.
    pub fn unshared(&self, incident: &str) -> Result<usize> {
        let failed = |source| self.context.error("reading what is not shared yet", source);
        self.conn
            .query_row("SELECT count(*) FROM live_outbox WHERE incident_id = ?1 AND pushed = 0", [incident], |row| {
                row.get::<_, i64>(0)
            })
            .map(|count| usize::try_from(count).unwrap_or(0))
            .map_err(failed)
    }

    /// Records that events up to `through` are on the shared repository.
    pub fn mark_pushed(&mut self, incident: &str, through: i64) -> Result<()> {
        let context = &self.context;
        let failed = |source| context.error("recording what was shared", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        tx.execute(
            "UPDATE live_outbox SET pushed = 1 WHERE incident_id = ?1 AND seq <= ?2",
            params![incident, through],
        )
        .map_err(failed)?;
        tx.commit().map_err(failed)
    }

    /// The commit of `responder`'s log last applied here.
    pub fn applied_tip(&self, incident: &str, responder: &str) -> Result<Option<String>> {
        let failed = |source| self.context.error("reading the other responders", source);
        self.conn
            .query_row(
                "SELECT applied_tip FROM live_responders WHERE incident_id = ?1 AND responder = ?2",
                params![incident, responder],
                |row| row.get(0),
            )
            .optional()
            .map(Option::flatten)
            .map_err(failed)
    }

    /// The other responders of a live incident.
    pub fn live_responders(&self, incident: &str) -> Result<Vec<LiveResponder>> {
        let failed = |source| self.context.error("reading the other responders", source);
        self.conn
            .prepare(
                "SELECT responder, name, last_heard_at FROM live_responders WHERE incident_id = ?1 ORDER BY name, responder",
            )
            .and_then(|mut statement| {
                statement
                    .query_map([incident], |row| {
                        Ok(LiveResponder { id: row.get(0)?, name: row.get(1)?, last_heard_at: row.get(2)? })
                    })?
                    .collect()
            })
            .map_err(failed)
    }

    /// Creates a live incident started on another laptop, from the first event of its log.
    pub fn join(&mut self, incident: &str, started: &LiveEvent, name: &str) -> Result<()> {
        let LiveEvent::Incident { title, kind, severity, commander, started_at, .. } = started else {
            return Err(Error::invalid("live incident", "its log does not start with the incident"));
        };
        let context = &self.context;
        let failed = |source| context.error("joining the incident", source);
        let started_at = DateTime::parse_from_rfc3339(started_at)
            .map_err(|_| Error::invalid("live incident", format!("its start `{started_at}` is not a time")))?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        self_responder(&tx, context, Some(name))?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ?1)", [incident], |row| row.get(0))
            .map_err(failed)?;
        if !exists {
            let new = NewIncident {
                title: title.clone(),
                kind: *kind,
                severity: *severity,
                commander: commander.clone(),
                started_at: Some(started_at),
            };
            insert_incident(&tx, context, new, NewId::Given(incident))?;
        }
        tx.execute("UPDATE incidents SET live = 1 WHERE id = ?1", [incident]).map_err(failed)?;
        tx.commit().map_err(failed)
    }

    /// Applies another responder's events (in their order) up to their log's commit `tip`.
    pub fn apply_events(
        &mut self,
        incident: &str,
        from: &Responder,
        tip: &str,
        heard_at: Option<&str>,
        events: &[LiveEvent],
    ) -> Result<Applied> {
        let context = &self.context;
        let failed = |source| context.error("taking in another responder's lines", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        super::ensure_incident(&tx, context, incident)?;
        let name = clean_label("responder", &from.name, MAX_NAME_CHARS).unwrap_or_else(|_| "someone".into());
        tx.execute(
            "INSERT INTO live_responders (incident_id, responder, name, last_heard_at, applied_tip)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (incident_id, responder) DO UPDATE SET name = excluded.name,
                 last_heard_at = coalesce(excluded.last_heard_at, live_responders.last_heard_at),
                 applied_tip = excluded.applied_tip",
            params![incident, from.id, name, heard_at, tip],
        )
        .map_err(failed)?;
        let mut applied = Applied::default();
        let mut marks = false;
        // Key times from anyone but the commander are proposals the commander accepts.
        let commander: Option<String> = tx
            .query_row("SELECT commander FROM incidents WHERE id = ?1", [incident], |row| row.get(0))
            .map_err(failed)?;
        let proposes = commander.is_some_and(|commander| !commander.trim().eq_ignore_ascii_case(name.trim()));
        for event in events {
            match event {
                LiveEvent::Incident { .. } => {}
                LiveEvent::Line { seq, at, recorded_at, who, kind, text } => {
                    let proposed = proposes && kind.key_time().is_some();
                    let line = RemoteLine { origin_seq: *seq, at, recorded_at, who, kind: *kind, text, proposed };
                    if insert_remote_line(&tx, context, incident, &from.id, &name, line)? {
                        applied.lines += 1;
                        marks |= kind.key_time().is_some();
                    }
                }
                LiveEvent::Correction { responder, line, text, at, edited_at, .. } => {
                    if apply_correction(&tx, context, incident, &from.id, responder, *line, text, at, edited_at)? {
                        applied.corrections += 1;
                    }
                    marks = true;
                }
            }
        }
        if marks {
            start_no_later_than_key_times(&tx, context, incident)?;
        }
        tx.commit().map_err(failed)?;
        Ok(applied)
    }
}

/// This laptop's responder; made with `name` when there is none yet and a name is given.
fn self_responder(conn: &Connection, context: &StoreContext, name: Option<&str>) -> Result<Option<Responder>> {
    let failed = |source| context.error("reading who this laptop is", source);
    let found = conn
        .query_row("SELECT responder, name FROM live_self WHERE one = 1", [], |row| {
            Ok(Responder { id: row.get(0)?, name: row.get(1)? })
        })
        .optional()
        .map_err(failed)?;
    match (found, name) {
        (Some(found), _) => Ok(Some(found)),
        (None, None) => Ok(None),
        (None, Some(name)) => {
            let name = clean_label("responder", name, MAX_NAME_CHARS).unwrap_or_else(|_| "responder".into());
            let responder = Responder { id: crate::id::random_hex(6), name };
            conn.execute(
                "INSERT INTO live_self (one, responder, name) VALUES (1, ?1, ?2)",
                params![responder.id, responder.name],
            )
            .map_err(failed)?;
            Ok(Some(responder))
        }
    }
}

pub(super) fn is_live(conn: &Connection, context: &StoreContext, incident: &str) -> Result<bool> {
    conn.prepare_cached("SELECT live FROM incidents WHERE id = ?1")
        .and_then(|mut statement| statement.query_row([incident], |row| row.get(0)))
        .optional()
        .map(|live| live.unwrap_or(false))
        .map_err(|source| context.error("reading the incident", source))
}

/// Appends `event` (numbered next) to this laptop's log of `incident`; returns its number.
fn write_event(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    event: impl FnOnce(i64) -> LiveEvent,
) -> Result<i64> {
    let failed = |source| context.error("recording the line for the other responders", source);
    let seq: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM live_outbox WHERE incident_id = ?1")
        .and_then(|mut statement| statement.query_row([incident], |row| row.get(0)))
        .map_err(failed)?;
    let text = serde_json::to_string(&event(seq))
        .map_err(|error| Error::invalid("live event", format!("it cannot be written ({error})")))?;
    conn.prepare_cached("INSERT INTO live_outbox (incident_id, seq, event) VALUES (?1, ?2, ?3)")
        .and_then(|mut statement| statement.execute(params![incident, seq, text]))
        .map_err(failed)?;
    Ok(seq)
}

/// Gives a line of this laptop its identity in the log and writes it there.
pub(super) fn share_entry(conn: &Connection, context: &StoreContext, incident: &str, key: i64, me: &str) -> Result<()> {
    let failed = |source| context.error("recording the line for the other responders", source);
    let (at, recorded_at, who, kind, text): (String, String, Option<String>, String, String) = conn
        .prepare_cached("SELECT at, recorded_at, who, kind, text FROM entries WHERE entry_key = ?1")
        .and_then(|mut statement| {
            statement.query_row([key], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))
        })
        .map_err(failed)?;
    let kind = kind.parse::<EntryKind>().map_err(|_| context.unreadable(format!("an entry of kind `{kind}`")))?;
    let seq = write_event(conn, context, incident, |seq| LiveEvent::Line { seq, at, recorded_at, who, kind, text })?;
    conn.prepare_cached("UPDATE entries SET origin = ?1, origin_seq = ?2 WHERE entry_key = ?3")
        .and_then(|mut statement| statement.execute(params![me, seq, key]))
        .map_err(failed)?;
    Ok(())
}

/// Writes a correction of entry `key` to this laptop's log, when its incident is live.
pub(super) fn share_correction(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    key: i64,
    text: Option<&str>,
    at: Option<&str>,
    edited_at: &str,
) -> Result<()> {
    if !is_live(conn, context, incident)? {
        return Ok(());
    }
    let failed = |source| context.error("recording the correction for the other responders", source);
    let identity: (Option<String>, Option<i64>) = conn
        .query_row("SELECT origin, origin_seq FROM entries WHERE entry_key = ?1", [key], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .map_err(failed)?;
    let (Some(responder), Some(line)) = identity else { return Ok(()) };
    write_event(conn, context, incident, |seq| LiveEvent::Correction {
        seq,
        responder,
        line,
        text: text.map(str::to_string),
        at: at.map(str::to_string),
        edited_at: edited_at.to_string(),
    })?;
    Ok(())
}

/// When an entry is added to a live incident on this laptop: its identity and its log event.
pub(super) fn share_new_entry(conn: &Connection, context: &StoreContext, incident: &str, key: i64) -> Result<()> {
    if !is_live(conn, context, incident)? {
        return Ok(());
    }
    let Some(me) = self_responder(conn, context, None)? else { return Ok(()) };
    share_entry(conn, context, incident, key, &me.id)
}

/// A line from another responder's log.
struct RemoteLine<'a> {
    origin_seq: i64,
    at: &'a str,
    recorded_at: &'a str,
    who: &'a Option<String>,
    kind: EntryKind,
    text: &'a str,
    proposed: bool,
}

/// Stores another responder's line once; false when it is already here.
fn insert_remote_line(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    responder: &str,
    name: &str,
    line: RemoteLine<'_>,
) -> Result<bool> {
    let RemoteLine { origin_seq, at, recorded_at, who, kind, text, proposed } = line;
    let failed = |source| context.error("taking in another responder's line", source);
    let present: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE incident_id = ?1 AND origin = ?2 AND origin_seq = ?3)",
        )
        .and_then(|mut statement| statement.query_row(params![incident, responder, origin_seq], |row| row.get(0)))
        .map_err(failed)?;
    if present {
        return Ok(false);
    }
    let at = parse_stored_time(context, at)?;
    let recorded = parse_stored_time(context, recorded_at)?;
    let text = if text.trim().is_empty() { String::new() } else { clean_text("timeline text", text, MAX_ENTRY_BYTES)? };
    let new = NewEntry { at: Some(at), who: who.clone(), kind, text, source: format!("live:{name}") };
    let (_, key) = super::entries::insert_line(conn, context, incident, new, None)?;
    conn.prepare_cached(
        "UPDATE entries SET origin = ?1, origin_seq = ?2, recorded_at = ?3, proposed = ?4 WHERE entry_key = ?5",
    )
    .and_then(|mut statement| {
        statement.execute(params![responder, origin_seq, rfc3339_string(&recorded), proposed, key])
    })
    .map_err(failed)?;
    // Corrections of this line that arrived before it.
    let pending: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT corrector, event FROM live_pending_corrections WHERE incident_id = ?1 AND responder = ?2 AND line = ?3",
        )
        .and_then(|mut statement| {
            statement.query_map(params![incident, responder, origin_seq], |row| Ok((row.get(0)?, row.get(1)?)))?.collect()
        })
        .map_err(failed)?;
    for (corrector, event) in pending {
        if let Ok(LiveEvent::Correction { text, at, edited_at, .. }) = serde_json::from_str::<LiveEvent>(&event) {
            apply_correction(conn, context, incident, &corrector, responder, origin_seq, &text, &at, &edited_at)?;
        }
    }
    conn.execute(
        "DELETE FROM live_pending_corrections WHERE incident_id = ?1 AND responder = ?2 AND line = ?3",
        params![incident, responder, origin_seq],
    )
    .map_err(failed)?;
    Ok(true)
}

/// Applies a correction by the line's identity: recorded in the history once, and made the
/// current value only when no later correction of that field was applied before it.
#[allow(clippy::too_many_arguments)]
fn apply_correction(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    corrector: &str,
    responder: &str,
    line: i64,
    text: &Option<String>,
    at: &Option<String>,
    edited_at: &str,
) -> Result<bool> {
    let failed = |source| context.error("taking in another responder's correction", source);
    let found: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT entry_key, text, at FROM entries WHERE incident_id = ?1 AND origin = ?2 AND origin_seq = ?3",
            params![incident, responder, line],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()
        .map_err(failed)?;
    // A correction of a line not here yet (another responder's log came first): kept, and
    // applied when the line arrives.
    let Some((key, current_text, current_at)) = found else {
        let event = LiveEvent::Correction {
            seq: 0,
            responder: responder.to_string(),
            line,
            text: text.clone(),
            at: at.clone(),
            edited_at: edited_at.to_string(),
        };
        let event = serde_json::to_string(&event)
            .map_err(|error| Error::invalid("live event", format!("it cannot be kept ({error})")))?;
        conn.execute(
            "INSERT INTO live_pending_corrections (incident_id, responder, line, corrector, event) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![incident, responder, line, corrector, event],
        )
        .map_err(failed)?;
        return Ok(false);
    };
    let made = parse_stored_time(context, edited_at)?;
    let mut changed = false;
    for (field, value, current) in [("text", text, current_text), ("at", at, current_at)] {
        let Some(value) = value else { continue };
        let already: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM entry_edits WHERE entry_key = ?1 AND field = ?2 AND edited_at = ?3
                 AND coalesce(origin, '') = ?4 AND new_value = ?5)",
                params![key, field, edited_at, corrector, value],
                |row| row.get(0),
            )
            .map_err(failed)?;
        if already {
            continue;
        }
        let latest = latest_edit(conn, context, key, field)?;
        let wins = latest.as_ref().is_none_or(|(when, who)| (made, corrector) > (*when, who.as_str()));
        let value_checked = match field {
            "text" => clean_text("timeline text", value, MAX_ENTRY_BYTES)?,
            _ => rfc3339_string(&parse_stored_time(context, value)?),
        };
        let old = if wins { current.clone() } else { value_checked.clone() };
        conn.execute(
            "INSERT INTO entry_edits (entry_key, edited_at, field, old_value, new_value, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![key, edited_at, field, old, value_checked, corrector],
        )
        .map_err(failed)?;
        if wins {
            match field {
                "text" => {
                    conn.execute("UPDATE entries SET text = ?1 WHERE entry_key = ?2", params![value_checked, key])
                }
                _ => conn.execute(
                    "UPDATE entries SET at = ?1, at_utc = ?2 WHERE entry_key = ?3",
                    params![value_checked, parse_stored_time(context, &value_checked)?.timestamp_micros(), key],
                ),
            }
            .map_err(failed)?;
        }
        changed = true;
    }
    Ok(changed)
}

/// The moment and maker of the winning correction of an entry's field so far.
fn latest_edit(
    conn: &Connection,
    context: &StoreContext,
    key: i64,
    field: &str,
) -> Result<Option<(DateTime<FixedOffset>, String)>> {
    let failed = |source| context.error("reading an entry's history", source);
    let edits: Vec<(String, Option<String>)> = conn
        .prepare_cached("SELECT edited_at, origin FROM entry_edits WHERE entry_key = ?1 AND field = ?2")
        .and_then(|mut statement| {
            statement.query_map(params![key, field], |row| Ok((row.get(0)?, row.get(1)?)))?.collect()
        })
        .map_err(failed)?;
    let mut latest: Option<(DateTime<FixedOffset>, String)> = None;
    for (when, who) in edits {
        let when = parse_stored_time(context, &when)?;
        let who = who.unwrap_or_default();
        if latest.as_ref().is_none_or(|(best, best_who)| (when, who.as_str()) > (*best, best_who.as_str())) {
            latest = Some((when, who));
        }
    }
    Ok(latest)
}

/// When a correction made here is recorded, and by whom: now, or just after the latest
/// correction of the entry already applied (another laptop's clock may be ahead), so that it
/// wins everywhere as it wins here. Outside live incidents: now, by nobody in particular.
pub(super) fn correction_moment(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    key: i64,
) -> Result<(String, Option<String>)> {
    let moment = now();
    if !is_live(conn, context, incident)? {
        return Ok((rfc3339_string(&moment), None));
    }
    let me = self_responder(conn, context, None)?.map(|responder| responder.id);
    let mut latest = moment;
    for field in ["text", "at"] {
        if let Some((when, _)) = latest_edit(conn, context, key, field)? {
            latest = latest.max(when + chrono::Duration::milliseconds(1));
        }
    }
    Ok((rfc3339_string(&latest), me))
}

/// The names of the responders whose lines an incident holds (this laptop's too), by id.
pub(super) fn responder_names(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
) -> Result<std::collections::HashMap<String, String>> {
    let failed = |source| context.error("reading the responders", source);
    let mut names: std::collections::HashMap<String, String> = conn
        .prepare_cached("SELECT responder, name FROM live_responders WHERE incident_id = ?1")
        .and_then(|mut statement| statement.query_map([incident], |row| Ok((row.get(0)?, row.get(1)?)))?.collect())
        .map_err(failed)?;
    if let Some(me) = self_responder(conn, context, None)? {
        names.insert(me.id, me.name);
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tempfile::TempDir;

    use super::*;
    use crate::model::Entry;

    const INCIDENT: &str = "2026-11-23-checkout-latency";

    fn started() -> LiveEvent {
        LiveEvent::Incident {
            seq: 1,
            title: "Checkout latency".into(),
            kind: IncidentKind::Unscheduled,
            severity: None,
            commander: Some("ana".into()),
            started_at: "2026-11-23T14:00:00+01:00".into(),
        }
    }

    /// A laptop that joined the incident and takes in others' events.
    fn laptop(name: &str) -> (TempDir, Store) {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store.join(INCIDENT, &started(), name).unwrap();
        (dir, store)
    }

    fn responder(number: usize) -> Responder {
        Responder { id: format!("r{number}"), name: format!("responder {number}") }
    }

    /// What must agree between laptops: each line's identity, time, kind, text and author.
    fn shown(store: &Store) -> Vec<(String, String, String, String, Option<String>)> {
        store
            .timeline(INCIDENT)
            .unwrap()
            .into_iter()
            .map(|Entry { at, kind, text, author, who, .. }| {
                (rfc3339_string(&at), kind.as_str().to_string(), text, who.unwrap_or_default(), author)
            })
            .collect()
    }

    /// Three responders' logs: lines at arbitrary minutes, and corrections of any line already
    /// written by anyone (text or time), made at increasing moments.
    fn logs() -> impl Strategy<Value = Vec<Vec<LiveEvent>>> {
        let step = (0usize..3, 0u32..120, any::<bool>(), 0usize..50, any::<bool>());
        prop::collection::vec(step, 1..60).prop_map(|steps| {
            let mut logs: Vec<Vec<LiveEvent>> = vec![Vec::new(), Vec::new(), Vec::new()];
            let mut written: Vec<(usize, i64)> = Vec::new();
            for (number, (who, minute, correct, pick, of_time)) in steps.into_iter().enumerate() {
                let seq = logs[who].len() as i64 + 1;
                let moment = format!("2026-11-23T{:02}:{:02}:00+01:00", 14 + minute / 60, minute % 60);
                let made = format!("2026-11-23T16:{:02}:{:02}+01:00", number / 60, number % 60);
                if correct && !written.is_empty() {
                    let (author, line) = written[pick % written.len()];
                    let (text, at) =
                        if of_time { (None, Some(moment)) } else { (Some(format!("corrected {number}")), None) };
                    logs[who].push(LiveEvent::Correction {
                        seq,
                        responder: responder(author).id,
                        line,
                        text,
                        at,
                        edited_at: made,
                    });
                } else {
                    logs[who].push(LiveEvent::Line {
                        seq,
                        at: moment,
                        recorded_at: made,
                        who: None,
                        kind: EntryKind::Note,
                        text: format!("line {number} by {who}"),
                    });
                    written.push((who, seq));
                }
            }
            logs
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

        /// Two laptops that receive the same logs in different batches, orders and repeats, with
        /// a partition that hides part of them for a while, end with the same timeline.
        #[test]
        fn any_order_of_delivery_duplicates_and_partitions_converge(
            logs in logs(),
            cuts in prop::collection::vec(0usize..60, 3),
            order in prop::collection::vec(0usize..3, 1..12),
        ) {
            let (_one_dir, mut one) = laptop("one");
            let (_two_dir, mut two) = laptop("two");
            // One gets each log whole, in responder order.
            for (number, events) in logs.iter().enumerate() {
                one.apply_events(INCIDENT, &responder(number), "tip", None, events).unwrap();
            }
            // Two gets first a prefix of each log (a partition), in another order, with repeats,
            // then everything again.
            for &number in &order {
                let cut = cuts[number].min(logs[number].len());
                two.apply_events(INCIDENT, &responder(number), "tip", None, &logs[number][..cut]).unwrap();
            }
            for number in (0..3).rev() {
                two.apply_events(INCIDENT, &responder(number), "tip", None, &logs[number]).unwrap();
                two.apply_events(INCIDENT, &responder(number), "tip", None, &logs[number]).unwrap();
            }
            prop_assert_eq!(shown(&one), shown(&two));
            let lines = logs.iter().flatten().filter(|event| matches!(event, LiveEvent::Line { .. })).count();
            prop_assert_eq!(one.timeline(INCIDENT).unwrap().len(), lines);
        }
    }

    #[test]
    fn the_later_of_two_corrections_wins_and_both_stay_in_the_history() {
        let (_dir, mut store) = laptop("here");
        let line = LiveEvent::Line {
            seq: 1,
            at: "2026-11-23T14:02:00+01:00".into(),
            recorded_at: "2026-11-23T14:02:05+01:00".into(),
            who: None,
            kind: EntryKind::Note,
            text: "error rate at 40%".into(),
        };
        let correction = |seq, text: &str, made: &str| LiveEvent::Correction {
            seq,
            responder: "r0".into(),
            line: 1,
            text: Some(text.into()),
            at: None,
            edited_at: made.into(),
        };
        store.apply_events(INCIDENT, &responder(0), "a", None, &[line]).unwrap();
        // The later correction arrives first.
        store
            .apply_events(
                INCIDENT,
                &responder(2),
                "b",
                None,
                &[correction(1, "error rate at 45%", "2026-11-23T14:10:00+01:00")],
            )
            .unwrap();
        store
            .apply_events(
                INCIDENT,
                &responder(1),
                "c",
                None,
                &[correction(1, "error rate at 42%", "2026-11-23T14:05:00+01:00")],
            )
            .unwrap();
        let entry = &store.timeline(INCIDENT).unwrap()[0];
        assert_eq!(entry.text, "error rate at 45%");
        assert_eq!(entry.history.len(), 2);
        assert_eq!(entry.author.as_deref(), Some("responder 0"));
    }
}

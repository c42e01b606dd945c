//! Creating incidents and reading them back with their key times and participants.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, TransactionBehavior, named_params, params};

use super::{Store, StoreContext, clean_label, ensure_incident, now, now_to_the_second, parse_stored_time};
use crate::model::{EntryKind, Incident, IncidentKind, KeyTime, Participant, Severity, StartCause, StartEdit, Status};
use crate::postmortem::IMPORT_SOURCE;
use crate::{Error, Result, id};

pub(super) const MAX_TITLE_CHARS: usize = 200;
pub(super) const MAX_NAME_CHARS: usize = 100;

/// Duplicate ids on one day get `-2`, `-3`, ...; beyond this something is wrong.
const MAX_SAME_DAY_DUPLICATES: u32 = 10_000;

#[derive(Debug, Clone, Default)]
pub struct NewIncident {
    pub title: String,
    pub kind: IncidentKind,
    pub severity: Option<Severity>,
    pub commander: Option<String>,
    /// When it started; now if not given.
    pub started_at: Option<DateTime<FixedOffset>>,
}

/// Whether incident `i` was written up elsewhere: it has lines, and every one was read from a
/// post-mortem file (`:import_source`). Capture never falls back to such an incident, and lists
/// call it imported.
const WRITTEN_UP: &str = "(EXISTS (SELECT 1 FROM entries e WHERE e.incident_id = i.id)
     AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.incident_id = i.id AND e.source <> :import_source))";

/// Every incident, or the one `:only` names (null for all), most recently started first.
///
/// Key times come from the marks on the timeline, by time alone, so a post-mortem read back
/// gives the same ones: detected and mitigated are the first mark of their kind (when we first
/// knew, when impact first stopped), resolved the last (when it was finally over, after any
/// flare-up). Correcting a mark's time moves its key time.
fn select_incidents() -> String {
    format!(
        "SELECT i.id, i.title, i.kind, i.severity, i.commander, i.started_at, i.owner, i.postmortem_status,
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'detected' AND e.proposed = 0
            ORDER BY e.at_utc, e.seq LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'mitigated' AND e.proposed = 0
            ORDER BY e.at_utc, e.seq LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'resolved' AND e.proposed = 0
            ORDER BY e.at_utc DESC, e.seq DESC LIMIT 1),
           {WRITTEN_UP}
         FROM incidents i
         WHERE :only IS NULL OR i.id = :only
         ORDER BY i.started_at_utc DESC, i.id"
    )
}

impl Store {
    pub fn create_incident(&mut self, new: NewIncident) -> Result<Incident> {
        self.create_incident_beside(new, &HashSet::new())
    }

    /// Creates an incident whose id is none of `taken_elsewhere` either: the live incidents of
    /// other laptops, which an incident of the same title and day must not join unasked.
    pub fn create_incident_beside(&mut self, new: NewIncident, taken_elsewhere: &HashSet<String>) -> Result<Incident> {
        let context = &self.context;
        let failed = |source| context.error("creating the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let id = insert_incident(&tx, context, new, NewId::Free(taken_elsewhere))?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident = %id, "incident created");
        self.incident(&id)
    }

    /// Every incident, most recently started first.
    pub fn incidents(&self) -> Result<Vec<Incident>> {
        load_incidents(&self.conn, &self.context, None)
    }

    pub fn incident(&self, id: &str) -> Result<Incident> {
        load_incident(&self.conn, &self.context, id)
    }

    /// The incident a command means: the one named, or else the one `work` falls back to.
    /// Every shell decides it here, so the CLI and the app never disagree.
    pub fn choose_incident(&self, named: Option<&str>, work: IncidentUse) -> Result<Incident> {
        if let Some(id) = named {
            return self.incident(id);
        }
        // Capture goes to an incident being lived: not resolved, and not one only read in from a
        // post-mortem file (a write-up of an incident long past that may not say when it ended).
        let latest = |filter: &str, parameters: &[(&str, &dyn ToSql)]| {
            let query = format!("SELECT id FROM incidents i {filter} ORDER BY started_at_utc DESC, id DESC LIMIT 1");
            self.conn.query_row(&query, parameters, |row| row.get::<_, String>(0)).optional()
        };
        let found = match work {
            IncidentUse::Capture => latest(
                &format!(
                    "WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.incident_id = i.id AND e.kind = 'resolved'
                     AND e.proposed = 0)
                     AND NOT {WRITTEN_UP}"
                ),
                named_params! { ":import_source": IMPORT_SOURCE },
            ),
            IncidentUse::WriteUp => latest("", &[]),
        }
        .map_err(|source| self.context.error("finding the incident", source))?;
        match (found, work) {
            (Some(id), _) => self.incident(&id),
            (None, IncidentUse::Capture) => Err(Error::NoOpenIncident),
            (None, IncidentUse::WriteUp) => Err(Error::NoIncident),
        }
    }

    /// Every change of the incident's start, oldest first.
    pub fn start_history(&self, incident: &str) -> Result<Vec<StartEdit>> {
        let failed = |source| self.context.error("reading the start's history", source);
        ensure_incident(&self.conn, &self.context, incident)?;
        let mut statement = self
            .conn
            .prepare(
                "SELECT edited_at, old_value, new_value, cause FROM start_edits WHERE incident_id = ?1 ORDER BY rowid",
            )
            .map_err(failed)?;
        let rows = statement
            .query_map([incident], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })
            .map_err(failed)?;
        let mut edits = Vec::new();
        for row in rows {
            let (edited_at, old, new, cause) = row.map_err(failed)?;
            edits.push(StartEdit {
                edited_at: parse_stored_time(&self.context, &edited_at)?,
                old: parse_stored_time(&self.context, &old)?,
                new: parse_stored_time(&self.context, &new)?,
                cause: cause
                    .parse()
                    .map_err(|_| self.context.unreadable(format!("a start change of unknown cause `{cause}`")))?,
            });
        }
        Ok(edits)
    }
}

/// What a command does with an incident, which decides the one it means when none is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentUse {
    /// Writing the timeline while the incident happens (lines, marks, corrections): the most
    /// recently started incident that is not resolved, so a line typed in a hurry never lands in
    /// one that is over, nor in one only read in from a post-mortem file. None open is an error
    /// ([`Error::NoOpenIncident`]).
    Capture,
    /// Everything that comes after resolution (the draft, its checks, facts, links, action items,
    /// publishing, imports, reading the timeline back): the most recently started incident,
    /// whatever its status.
    WriteUp,
}

/// Sets the incident's start inside a caller's transaction, keeping the old value and `cause` in
/// its history; answers the change, or `None` when the start was already `new`.
pub(super) fn move_start(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    new: DateTime<FixedOffset>,
    cause: StartCause,
) -> Result<Option<StartEdit>> {
    let failed = |source| context.error("changing the incident's start", source);
    let old: String = conn
        .query_row("SELECT started_at FROM incidents WHERE id = ?1", [incident], |row| row.get(0))
        .optional()
        .map_err(failed)?
        .ok_or_else(|| Error::IncidentNotFound(incident.to_string()))?;
    let new_text = crate::time::rfc3339_string(&new);
    if new_text == old {
        return Ok(None);
    }
    let edited_at = now();
    conn.execute(
        "INSERT INTO start_edits (incident_id, edited_at, old_value, new_value, cause) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![incident, crate::time::rfc3339_string(&edited_at), old, new_text, cause.as_str()],
    )
    .map_err(failed)?;
    conn.execute(
        "UPDATE incidents SET started_at = ?1, started_at_utc = ?2 WHERE id = ?3",
        params![new_text, new.timestamp_micros(), incident],
    )
    .map_err(failed)?;
    tracing::info!(incident, cause = cause.as_str(), "incident start changed");
    Ok(Some(StartEdit { edited_at, old: parse_stored_time(context, &old)?, new, cause }))
}

/// The earliest key-time mark on the incident's timeline before `instant` (microseconds since the
/// epoch, UTC): its kind, time and number.
fn key_time_before(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    instant: i64,
) -> Result<Option<(KeyTime, DateTime<FixedOffset>, i64)>> {
    let failed = |source| context.error("reading the key times", source);
    let found: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT kind, at, seq FROM entries
             WHERE incident_id = ?1 AND kind IN ('detected', 'mitigated', 'resolved') AND proposed = 0
             AND at_utc < ?2
             ORDER BY at_utc, seq LIMIT 1",
            params![incident, instant],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()
        .map_err(failed)?;
    let Some((kind, at, seq)) = found else { return Ok(None) };
    let key = kind
        .parse::<EntryKind>()
        .ok()
        .and_then(EntryKind::key_time)
        .ok_or_else(|| context.unreadable(format!("entry #{seq} of {incident} has kind `{kind}`")))?;
    Ok(Some((key, parse_stored_time(context, &at)?, seq)))
}

/// Moves the start back to the earliest key-time mark before it, if there is one, inside a
/// caller's transaction; answers that mark's key time and the change. An incident cannot be
/// detected, mitigated or resolved before it began: the responder who marks it so knows when it
/// happened better than a start typed in a hurry.
pub(super) fn start_no_later_than_key_times(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
) -> Result<Option<(KeyTime, StartEdit)>> {
    let started_at_utc: i64 = conn
        .query_row("SELECT started_at_utc FROM incidents WHERE id = ?1", [incident], |row| row.get(0))
        .optional()
        .map_err(|source| context.error("reading the incident's start", source))?
        .ok_or_else(|| Error::IncidentNotFound(incident.to_string()))?;
    match key_time_before(conn, context, incident, started_at_utc)? {
        Some((key, at, _)) => {
            Ok(move_start(conn, context, incident, at, StartCause::KeyTimeBefore(key))?.map(|moved| (key, moved)))
        }
        None => Ok(None),
    }
}

/// Refuses a start that a person sets after a key time already marked: that mark, not the start,
/// is what they need to correct, and moving the mark for them would rewrite the timeline.
pub(super) fn refuse_start_after_key_times(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    start: &DateTime<FixedOffset>,
) -> Result<()> {
    match key_time_before(conn, context, incident, start.timestamp_micros())? {
        Some((key, at, entry)) => {
            Err(Error::StartAfterKeyTime { incident: incident.to_string(), key, at: crate::time::display(&at), entry })
        }
        None => Ok(()),
    }
}

/// The id an incident is inserted with.
pub(super) enum NewId<'a> {
    /// This one (an incident read in or joined keeps the id it has).
    Given(&'a str),
    /// One made from the start date and title, numbered if already taken that day here or in
    /// the set given.
    Free(&'a HashSet<String>),
}

/// Inserts an incident inside a caller's transaction and returns its id.
pub(super) fn insert_incident(
    conn: &Connection,
    context: &StoreContext,
    new: NewIncident,
    id: NewId,
) -> Result<String> {
    let title = clean_label("incident title", &new.title, MAX_TITLE_CHARS)?;
    let commander = new.commander.as_deref().map(|name| clean_label("commander", name, MAX_NAME_CHARS)).transpose()?;
    let started_at = new.started_at.unwrap_or_else(now_to_the_second);
    let failed = |source| context.error("creating the incident", source);
    let id = match id {
        NewId::Given(id) => id.to_string(),
        NewId::Free(taken_elsewhere) => free_id(conn, context, &id::base_id(&started_at, &title), taken_elsewhere)?,
    };
    conn.execute(
        "INSERT INTO incidents (id, title, kind, severity, commander, started_at, started_at_utc, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            title,
            new.kind.as_str(),
            new.severity.map(Severity::as_str),
            commander,
            crate::time::rfc3339_string(&started_at),
            started_at.timestamp_micros(),
            crate::time::rfc3339_string(&now()),
        ],
    )
    .map_err(failed)?;
    if let Some(commander) = &commander {
        conn.execute(
            "INSERT INTO participants (incident_id, name, role) VALUES (?1, ?2, 'commander')",
            params![id, commander],
        )
        .map_err(failed)?;
    }
    Ok(id)
}

fn free_id(conn: &Connection, context: &StoreContext, base: &str, taken_elsewhere: &HashSet<String>) -> Result<String> {
    for number in 1..=MAX_SAME_DAY_DUPLICATES {
        let candidate = if number == 1 { base.to_string() } else { format!("{base}-{number}") };
        if taken_elsewhere.contains(&candidate) {
            continue;
        }
        let taken = conn
            .query_row("SELECT 1 FROM incidents WHERE id = ?1", [&candidate], |_| Ok(()))
            .optional()
            .map_err(|source| context.error("creating the incident", source))?
            .is_some();
        if !taken {
            return Ok(candidate);
        }
    }
    Err(Error::invalid("incident title", "too many incidents with this title on this day"))
}

pub(super) fn load_incident(conn: &Connection, context: &StoreContext, id: &str) -> Result<Incident> {
    load_incidents(conn, context, Some(id))?.pop().ok_or_else(|| Error::IncidentNotFound(id.to_string()))
}

/// One incident or all of them, most recently started first.
fn load_incidents(conn: &Connection, context: &StoreContext, only: Option<&str>) -> Result<Vec<Incident>> {
    let failed = |source| context.error("reading incidents", source);
    let mut details = load_details(conn, context, only)?;
    let mut statement = conn.prepare(&select_incidents()).map_err(failed)?;
    let named = named_params! { ":only": only, ":import_source": IMPORT_SOURCE };
    let rows = statement.query_map(named, RawIncident::from_row).map_err(failed)?;
    let mut incidents = Vec::new();
    for row in rows {
        let raw = row.map_err(failed)?;
        let extra = details.remove(&raw.id).unwrap_or_default();
        incidents.push(raw.into_incident(context, extra)?);
    }
    Ok(incidents)
}

/// Participants, labels and links of one incident, or of all of them, in the order they were added.
fn load_details(conn: &Connection, context: &StoreContext, only: Option<&str>) -> Result<HashMap<String, Details>> {
    let failed = |source| context.error("reading incident details", source);
    let mut grouped: HashMap<String, Details> = HashMap::new();
    let filter = "WHERE ?1 IS NULL OR incident_id = ?1";
    let mut statement = conn
        .prepare(&format!(
            "SELECT incident_id, 'participant', name, role, 1, rowid FROM participants {filter}
             UNION ALL SELECT incident_id, kind, value, NULL, 2, rowid FROM incident_labels {filter}
             UNION ALL SELECT incident_id, kind, target, NULL, 3, rowid FROM incident_links {filter}
             ORDER BY 5, 6"
        ))
        .map_err(failed)?;
    let mut rows = statement.query([only]).map_err(failed)?;
    while let Some(row) = rows.next().map_err(failed)? {
        let (incident, kind, value): (String, String, String) =
            (row.get(0).map_err(failed)?, row.get(1).map_err(failed)?, row.get(2).map_err(failed)?);
        let details = grouped.entry(incident).or_default();
        match kind.as_str() {
            "participant" => details.participants.push(Participant { name: value, role: row.get(3).map_err(failed)? }),
            "service" => details.services.push(value),
            "tag" => details.tags.push(value),
            "ticket" => details.tickets.push(value),
            "chat" => details.chat_logs.push(value),
            "forum" => details.forum_links.push(value),
            other => return Err(context.unreadable(format!("an incident detail of unknown kind `{other}`"))),
        }
    }
    Ok(grouped)
}

#[derive(Default)]
struct Details {
    participants: Vec<Participant>,
    services: Vec<String>,
    tags: Vec<String>,
    tickets: Vec<String>,
    chat_logs: Vec<String>,
    forum_links: Vec<String>,
}

/// An incident row as stored, before its text columns are checked.
struct RawIncident {
    id: String,
    title: String,
    kind: String,
    severity: Option<String>,
    commander: Option<String>,
    started_at: String,
    owner: Option<String>,
    postmortem_status: String,
    key_times: [Option<String>; 3],
    written_up: bool,
}

impl RawIncident {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<RawIncident> {
        Ok(RawIncident {
            id: row.get(0)?,
            title: row.get(1)?,
            kind: row.get(2)?,
            severity: row.get(3)?,
            commander: row.get(4)?,
            started_at: row.get(5)?,
            owner: row.get(6)?,
            postmortem_status: row.get(7)?,
            key_times: [row.get(8)?, row.get(9)?, row.get(10)?],
            written_up: row.get(11)?,
        })
    }

    fn into_incident(self, context: &StoreContext, details: Details) -> Result<Incident> {
        let time = |text: &Option<String>| text.as_deref().map(|text| parse_stored_time(context, text)).transpose();
        let [detected_at, mitigated_at, resolved_at] =
            [time(&self.key_times[0])?, time(&self.key_times[1])?, time(&self.key_times[2])?];
        let status = match (mitigated_at, resolved_at) {
            (_, Some(_)) => Status::Resolved,
            (Some(_), None) => Status::Mitigated,
            (None, None) => Status::Open,
        };
        let unreadable =
            |what: &str, value: &str| context.unreadable(format!("incident {} has {what} `{value}`", self.id));
        Ok(Incident {
            kind: self.kind.parse().map_err(|_| unreadable("kind", &self.kind))?,
            severity: match &self.severity {
                Some(text) => Some(text.parse().map_err(|_| unreadable("severity", text))?),
                None => None,
            },
            started_at: parse_stored_time(context, &self.started_at)?,
            status,
            written_up: self.written_up,
            detected_at,
            mitigated_at,
            resolved_at,
            postmortem_status: self
                .postmortem_status
                .parse()
                .map_err(|_| unreadable("post-mortem status", &self.postmortem_status))?,
            commander: self.commander,
            owner: self.owner,
            participants: details.participants,
            services: details.services,
            tags: details.tags,
            tickets: details.tickets,
            chat_logs: details.chat_logs,
            forum_links: details.forum_links,
            title: self.title,
            id: self.id,
        })
    }
}

//! Creating incidents and reading them back with their key times and participants.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::{Store, StoreContext, clean_label, now, now_to_the_second, parse_stored_time};
use crate::model::{Incident, IncidentKind, Participant, Severity, Status};
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

/// Key times come from the marks on the timeline, by time alone, so a post-mortem read back
/// gives the same ones: detected and mitigated are the first mark of their kind (when we first
/// knew, when impact first stopped), resolved the last (when it was finally over, after any
/// flare-up). Correcting a mark's time moves its key time.
const SELECT_INCIDENTS: &str = "
    SELECT i.id, i.title, i.kind, i.severity, i.commander, i.started_at, i.owner, i.postmortem_status,
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'detected'
            ORDER BY e.at_utc, e.seq LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'mitigated'
            ORDER BY e.at_utc, e.seq LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'resolved'
            ORDER BY e.at_utc DESC, e.seq DESC LIMIT 1)
    FROM incidents i";

impl Store {
    pub fn create_incident(&mut self, new: NewIncident) -> Result<Incident> {
        let context = &self.context;
        let failed = |source| context.error("creating the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let id = insert_incident(&tx, context, new, None)?;
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

    /// The incident a command means: the one named, or else the most recently started one
    /// that is not resolved.
    pub fn target_incident(&self, named: Option<&str>) -> Result<String> {
        let failed = |source| self.context.error("finding the incident", source);
        let query = match named {
            Some(_) => "SELECT id FROM incidents WHERE id = ?1",
            None => {
                "SELECT id FROM incidents i
                 WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.incident_id = i.id AND e.kind = 'resolved')
                 ORDER BY started_at_utc DESC, id DESC LIMIT 1"
            }
        };
        let mut statement = self.conn.prepare(query).map_err(failed)?;
        let found: Option<String> = match named {
            Some(id) => statement.query_row([id], |row| row.get(0)),
            None => statement.query_row([], |row| row.get(0)),
        }
        .optional()
        .map_err(failed)?;
        found.ok_or_else(|| match named {
            Some(id) => Error::IncidentNotFound(id.to_string()),
            None => Error::NoOpenIncident,
        })
    }
}

/// Inserts an incident inside a caller's transaction and returns its id: `id` if given,
/// else one made from the start date and title, numbered if already taken that day.
pub(super) fn insert_incident(
    conn: &Connection,
    context: &StoreContext,
    new: NewIncident,
    id: Option<&str>,
) -> Result<String> {
    let title = clean_label("incident title", &new.title, MAX_TITLE_CHARS)?;
    let commander = new.commander.as_deref().map(|name| clean_label("commander", name, MAX_NAME_CHARS)).transpose()?;
    let started_at = new.started_at.unwrap_or_else(now_to_the_second);
    let failed = |source| context.error("creating the incident", source);
    let id = match id {
        Some(id) => id.to_string(),
        None => free_id(conn, context, &id::base_id(&started_at, &title))?,
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

fn free_id(conn: &Connection, context: &StoreContext, base: &str) -> Result<String> {
    for number in 1..=MAX_SAME_DAY_DUPLICATES {
        let candidate = if number == 1 { base.to_string() } else { format!("{base}-{number}") };
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
    let mut statement = conn
        .prepare(&format!("{SELECT_INCIDENTS} WHERE ?1 IS NULL OR i.id = ?1 ORDER BY i.started_at_utc DESC, i.id"))
        .map_err(failed)?;
    let rows = statement.query_map([only], RawIncident::from_row).map_err(failed)?;
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

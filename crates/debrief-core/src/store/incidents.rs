//! Creating incidents and reading them back with their key times and participants.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

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

/// Each key time is the `at` of the most recently recorded mark of its kind,
/// so marking again (or correcting a mark) moves it.
const SELECT_INCIDENTS: &str = "
    SELECT i.id, i.title, i.kind, i.severity, i.commander, i.started_at,
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'detected' ORDER BY e.seq DESC LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'mitigated' ORDER BY e.seq DESC LIMIT 1),
           (SELECT at FROM entries e WHERE e.incident_id = i.id AND e.kind = 'resolved' ORDER BY e.seq DESC LIMIT 1)
    FROM incidents i";

impl Store {
    pub fn create_incident(&mut self, new: NewIncident) -> Result<Incident> {
        let title = clean_label("incident title", &new.title, MAX_TITLE_CHARS)?;
        let commander =
            new.commander.as_deref().map(|name| clean_label("commander", name, MAX_NAME_CHARS)).transpose()?;
        let started_at = new.started_at.unwrap_or_else(now_to_the_second);
        let base = id::base_id(&started_at, &title);
        let context = &self.context;
        let failed = |source| context.error("creating the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let mut chosen = None;
        for number in 1..=MAX_SAME_DAY_DUPLICATES {
            let candidate = if number == 1 { base.clone() } else { format!("{base}-{number}") };
            let taken = tx
                .query_row("SELECT 1 FROM incidents WHERE id = ?1", [&candidate], |_| Ok(()))
                .optional()
                .map_err(failed)?
                .is_some();
            if !taken {
                chosen = Some(candidate);
                break;
            }
        }
        let id =
            chosen.ok_or_else(|| Error::invalid("incident title", "too many incidents with this title on this day"))?;
        tx.execute(
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
            tx.execute(
                "INSERT INTO participants (incident_id, name, role) VALUES (?1, ?2, 'commander')",
                params![id, commander],
            )
            .map_err(failed)?;
        }
        tx.commit().map_err(failed)?;
        tracing::info!(incident = %id, "incident created");
        self.incident(&id)
    }

    /// Every incident, most recently started first.
    pub fn incidents(&self) -> Result<Vec<Incident>> {
        let failed = |source| self.context.error("listing incidents", source);
        let mut participants = self.participants_by_incident()?;
        let mut statement =
            self.conn.prepare(&format!("{SELECT_INCIDENTS} ORDER BY i.started_at_utc DESC, i.id")).map_err(failed)?;
        let rows = statement.query_map([], RawIncident::from_row).map_err(failed)?;
        let mut incidents = Vec::new();
        for row in rows {
            let raw = row.map_err(failed)?;
            let people = participants.remove(&raw.id).unwrap_or_default();
            incidents.push(raw.into_incident(&self.context, people)?);
        }
        Ok(incidents)
    }

    pub fn incident(&self, id: &str) -> Result<Incident> {
        let failed = |source| self.context.error("reading the incident", source);
        let raw = self
            .conn
            .query_row(&format!("{SELECT_INCIDENTS} WHERE i.id = ?1"), [id], RawIncident::from_row)
            .optional()
            .map_err(failed)?
            .ok_or_else(|| Error::IncidentNotFound(id.to_string()))?;
        let mut statement = self
            .conn
            .prepare("SELECT name, role FROM participants WHERE incident_id = ?1 ORDER BY rowid")
            .map_err(failed)?;
        let people = statement
            .query_map([id], |row| Ok(Participant { name: row.get(0)?, role: row.get(1)? }))
            .map_err(failed)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(failed)?;
        raw.into_incident(&self.context, people)
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

    fn participants_by_incident(&self) -> Result<HashMap<String, Vec<Participant>>> {
        let failed = |source| self.context.error("listing participants", source);
        let mut statement =
            self.conn.prepare("SELECT incident_id, name, role FROM participants ORDER BY rowid").map_err(failed)?;
        let rows = statement
            .query_map([], |row| Ok((row.get::<_, String>(0)?, Participant { name: row.get(1)?, role: row.get(2)? })))
            .map_err(failed)?;
        let mut grouped: HashMap<String, Vec<Participant>> = HashMap::new();
        for row in rows {
            let (incident, participant) = row.map_err(failed)?;
            grouped.entry(incident).or_default().push(participant);
        }
        Ok(grouped)
    }
}

/// An incident row as stored, before its text columns are checked.
struct RawIncident {
    id: String,
    title: String,
    kind: String,
    severity: Option<String>,
    commander: Option<String>,
    started_at: String,
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
            key_times: [row.get(6)?, row.get(7)?, row.get(8)?],
        })
    }

    fn into_incident(self, context: &StoreContext, participants: Vec<Participant>) -> Result<Incident> {
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
            commander: self.commander,
            participants,
            title: self.title,
            id: self.id,
        })
    }
}

//! Changing what is known about an incident after it started: the facts a
//! post-mortem records (owner, services, tags, links, people and their roles).

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, TransactionBehavior, params};
use serde::Deserialize;

use super::incidents::{MAX_NAME_CHARS, MAX_TITLE_CHARS, move_start, refuse_start_after_key_times};
use super::{Store, StoreContext, clean_label, ensure_incident};
use crate::model::{Incident, IncidentKind, LinkKind, Participant, PostmortemStatus, Severity, StartCause};
use crate::{Error, Result};

/// Longest service name, tag or link kept.
const MAX_LABEL_CHARS: usize = 2_000;

/// Changes to an incident; `None` and empty lists leave things as they are.
#[derive(Debug, Clone, Default)]
pub struct IncidentUpdate {
    pub title: Option<String>,
    pub kind: Option<IncidentKind>,
    pub severity: Option<Severity>,
    pub owner: Option<String>,
    pub commander: Option<String>,
    /// Refused when a key time is already marked before it ([`Error::StartAfterKeyTime`]).
    pub started_at: Option<DateTime<FixedOffset>>,
    pub postmortem_status: Option<PostmortemStatus>,
    /// Added with their role, or given a new role if already there.
    pub participants: Vec<Participant>,
    pub add_services: Vec<String>,
    pub remove_services: Vec<String>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub add_links: Vec<(LinkKind, String)>,
    pub remove_links: Vec<String>,
}

impl Store {
    pub fn update_incident(&mut self, incident: &str, update: IncidentUpdate) -> Result<Incident> {
        let context = &self.context;
        let failed = |source| context.error("updating the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        apply_update(&tx, context, incident, update)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, "incident updated");
        self.incident(incident)
    }
}

fn apply_update(tx: &Connection, context: &StoreContext, incident: &str, update: IncidentUpdate) -> Result<()> {
    let failed = |source| context.error("updating the incident", source);
    let set_column = |column: &str, value: Option<String>| -> Result<()> {
        if let Some(value) = value {
            tx.execute(&format!("UPDATE incidents SET {column} = ?1 WHERE id = ?2"), params![value, incident])
                .map_err(failed)?;
        }
        Ok(())
    };
    set_column(
        "title",
        update.title.as_deref().map(|title| clean_label("incident title", title, MAX_TITLE_CHARS)).transpose()?,
    )?;
    set_column("kind", update.kind.map(|kind| kind.as_str().to_string()))?;
    set_column("severity", update.severity.map(|severity| severity.as_str().to_string()))?;
    set_column("owner", update.owner.as_deref().map(|name| clean_label("owner", name, MAX_NAME_CHARS)).transpose()?)?;
    set_column("postmortem_status", update.postmortem_status.map(|status| status.as_str().to_string()))?;
    if let Some(started_at) = update.started_at {
        refuse_start_after_key_times(tx, context, incident, &started_at)?;
        move_start(tx, context, incident, started_at, StartCause::Set)?;
    }
    let mut participants = update.participants;
    if let Some(commander) = update.commander {
        let commander = clean_label("commander", &commander, MAX_NAME_CHARS)?;
        tx.execute("UPDATE incidents SET commander = ?1 WHERE id = ?2", params![commander, incident])
            .map_err(failed)?;
        participants.insert(0, Participant { name: commander, role: "commander".into() });
    }
    for participant in participants {
        let name = clean_label("participant name", &participant.name, MAX_NAME_CHARS)?;
        let role = clean_label("participant role", &participant.role, MAX_NAME_CHARS)?;
        tx.execute(
            "INSERT INTO participants (incident_id, name, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (incident_id, name) DO UPDATE SET role = excluded.role",
            params![incident, name, role],
        )
        .map_err(failed)?;
    }
    let labels =
        [("service", update.add_services, update.remove_services), ("tag", update.add_tags, update.remove_tags)];
    for (kind, added, removed) in labels {
        for value in added {
            let value = clean_label(kind, &value, MAX_LABEL_CHARS)?;
            tx.execute(
                "INSERT INTO incident_labels (incident_id, kind, value) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![incident, kind, value],
            )
            .map_err(failed)?;
        }
        for value in removed {
            let changed = tx
                .execute(
                    "DELETE FROM incident_labels WHERE incident_id = ?1 AND kind = ?2 AND value = ?3",
                    params![incident, kind, value.trim()],
                )
                .map_err(failed)?;
            if changed == 0 {
                return Err(Error::invalid(kind, format!("`{value}` is not on this incident")));
            }
        }
    }
    for (kind, target) in update.add_links {
        let target = clean_label("link", &target, MAX_LABEL_CHARS)?;
        tx.execute(
            "INSERT INTO incident_links (incident_id, kind, target) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            params![incident, kind.as_str(), target],
        )
        .map_err(failed)?;
    }
    for target in update.remove_links {
        let changed = tx
            .execute(
                "DELETE FROM incident_links WHERE incident_id = ?1 AND target = ?2",
                params![incident, target.trim()],
            )
            .map_err(failed)?;
        if changed == 0 {
            return Err(Error::invalid("link", format!("`{target}` is not linked to this incident")));
        }
    }
    Ok(())
}

/// An incident's facts as a person sets them in a form: every list as it should be now.
/// Absent severity, owner or commander clear what was there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentFacts {
    pub title: String,
    pub kind: IncidentKind,
    pub severity: Option<Severity>,
    pub owner: Option<String>,
    pub commander: Option<String>,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    pub tickets: Vec<String>,
    pub chat_logs: Vec<String>,
    pub forum_links: Vec<String>,
}

impl Store {
    /// Makes the incident's facts what `facts` says, in one transaction.
    pub fn set_facts(&mut self, incident: &str, facts: IncidentFacts) -> Result<Incident> {
        let context = &self.context;
        let failed = |source| context.error("updating the incident", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let current = super::incidents::load_incident(&tx, context, incident)?;
        let present = |value: Option<String>| value.map(|text| text.trim().to_string()).filter(|text| !text.is_empty());
        let (owner, commander) = (present(facts.owner), present(facts.commander));
        for (column, cleared) in
            [("severity", facts.severity.is_none()), ("owner", owner.is_none()), ("commander", commander.is_none())]
        {
            if cleared {
                tx.execute(&format!("UPDATE incidents SET {column} = NULL WHERE id = ?1"), [incident])
                    .map_err(failed)?;
            }
        }
        let (add_services, remove_services) = list_change(&current.services, &facts.services);
        let (add_tags, remove_tags) = list_change(&current.tags, &facts.tags);
        let mut add_links = Vec::new();
        let mut remove_links = Vec::new();
        for (kind, now, wanted) in [
            (LinkKind::Ticket, &current.tickets, &facts.tickets),
            (LinkKind::Chat, &current.chat_logs, &facts.chat_logs),
            (LinkKind::Forum, &current.forum_links, &facts.forum_links),
        ] {
            let (added, removed) = list_change(now, wanted);
            add_links.extend(added.into_iter().map(|target| (kind, target)));
            remove_links.extend(removed);
        }
        let commander_changed = commander.is_some() && commander != current.commander;
        let update = IncidentUpdate {
            title: Some(facts.title).filter(|title| *title != current.title),
            kind: Some(facts.kind),
            severity: facts.severity,
            owner,
            commander: commander.filter(|_| commander_changed),
            add_services,
            remove_services,
            add_tags,
            remove_tags,
            add_links,
            remove_links,
            ..Default::default()
        };
        apply_update(&tx, context, incident, update)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, "incident facts set");
        self.incident(incident)
    }
}

/// What to add to `now` and remove from it to make it `wanted` (blank entries ignored).
fn list_change(now: &[String], wanted: &[String]) -> (Vec<String>, Vec<String>) {
    let wanted: Vec<&str> = wanted.iter().map(|value| value.trim()).filter(|value| !value.is_empty()).collect();
    let added = wanted.iter().filter(|value| !now.iter().any(|kept| kept == *value)).map(|value| value.to_string());
    let removed = now.iter().filter(|kept| !wanted.contains(&kept.as_str())).cloned();
    (added.collect(), removed.collect())
}

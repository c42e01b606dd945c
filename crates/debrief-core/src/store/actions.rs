//! Action items (countermeasures): what will be done, by whom, by when.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::entries::MAX_ENTRY_BYTES;
use super::incidents::MAX_NAME_CHARS;
use super::{Store, StoreContext, clean_label, clean_text, ensure_incident};
use crate::model::{ActionItem, ActionStatus, ActionType};
use crate::{Error, Result};

/// Longest ticket reference or URL kept.
const MAX_TICKET_CHARS: usize = 2_000;

/// Longest reason for not doing an item: a sentence or two, one line in the published table.
const MAX_REASON_CHARS: usize = 1_000;

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewActionItem {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub kind: Option<ActionType>,
    pub ticket: Option<String>,
}

/// Changes to an action item; fields left `None` stay as they are.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActionChange {
    pub text: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub kind: Option<ActionType>,
    pub ticket: Option<String>,
    pub status: Option<ActionStatus>,
    /// Why the item will not be done: needed to make it won't-do, dropped when it opens again or is done.
    pub reason: Option<String>,
}

const SELECT_ACTIONS: &str =
    "SELECT incident_id, seq, text, owner, due, type, ticket, status, reason FROM action_items";

impl Store {
    pub fn add_action_item(&mut self, incident: &str, new: NewActionItem) -> Result<ActionItem> {
        let context = &self.context;
        let failed = |source| context.error("saving the action item", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let seq: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) + 1 FROM action_items WHERE incident_id = ?1", [incident], |row| {
                row.get(0)
            })
            .map_err(failed)?;
        let item = ActionItem {
            id: seq,
            incident: incident.to_string(),
            text: clean_text("action item", &new.text, MAX_ENTRY_BYTES)?,
            owner: new.owner.as_deref().map(|owner| clean_label("owner", owner, MAX_NAME_CHARS)).transpose()?,
            due: new.due,
            kind: new.kind,
            ticket: new.ticket.as_deref().map(|ticket| clean_label("ticket", ticket, MAX_TICKET_CHARS)).transpose()?,
            status: ActionStatus::Open,
            reason: None,
        };
        write_action_item(&tx, context, &item)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, action = seq, "action item added");
        Ok(item)
    }

    pub fn update_action_item(&mut self, incident: &str, number: i64, change: ActionChange) -> Result<ActionItem> {
        let context = &self.context;
        let failed = |source| context.error("updating the action item", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let mut item = tx
            .query_row(
                &format!("{SELECT_ACTIONS} WHERE incident_id = ?1 AND seq = ?2"),
                params![incident, number],
                RawAction::from_row,
            )
            .optional()
            .map_err(failed)?
            .ok_or_else(|| Error::invalid("action item", format!("incident {incident} has no action item #{number}")))?
            .into_action_item(context)?;
        if let Some(text) = change.text {
            item.text = clean_text("action item", &text, MAX_ENTRY_BYTES)?;
        }
        if let Some(owner) = change.owner {
            item.owner = Some(clean_label("owner", &owner, MAX_NAME_CHARS)?);
        }
        if let Some(ticket) = change.ticket {
            item.ticket = Some(clean_label("ticket", &ticket, MAX_TICKET_CHARS)?);
        }
        item.due = change.due.or(item.due);
        item.kind = change.kind.or(item.kind);
        settle_outcome(&mut item, change.status, change.reason)?;
        write_action_item(&tx, context, &item)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, action = number, "action item updated");
        Ok(item)
    }

    /// The action items of one incident, or of every incident, in number order.
    pub fn action_items(&self, incident: Option<&str>) -> Result<Vec<ActionItem>> {
        if let Some(incident) = incident {
            ensure_incident(&self.conn, &self.context, incident)?;
        }
        load_action_items(&self.conn, &self.context, incident)
    }
}

/// Applies a change of status and reason: a won't-do item needs a reason, and only a won't-do
/// item keeps one. Refusals say what to give.
fn settle_outcome(item: &mut ActionItem, status: Option<ActionStatus>, reason: Option<String>) -> Result<()> {
    let number = item.id;
    let status = status.unwrap_or(item.status);
    if let Some(reason) = reason {
        if status != ActionStatus::WontDo {
            return Err(Error::invalid(
                "action item",
                format!(
                    "#{number} is {}: a reason says why an item will not be done; give it together with the \
                     status won't-do",
                    status.as_str()
                ),
            ));
        }
        if reason.trim().is_empty() {
            return Err(missing_reason(item));
        }
        item.reason = Some(clean_label("reason", &reason, MAX_REASON_CHARS)?);
    }
    if status != ActionStatus::WontDo {
        item.reason = None;
    } else if item.reason.is_none() {
        return Err(missing_reason(item));
    }
    item.status = status;
    Ok(())
}

fn missing_reason(item: &ActionItem) -> Error {
    Error::WontDoWithoutReason { incident: item.incident.clone(), number: item.id }
}

pub(super) fn load_action_items(
    conn: &Connection,
    context: &StoreContext,
    incident: Option<&str>,
) -> Result<Vec<ActionItem>> {
    let failed = |source| context.error("reading action items", source);
    let mut statement = conn
        .prepare(&format!("{SELECT_ACTIONS} WHERE ?1 IS NULL OR incident_id = ?1 ORDER BY incident_id, seq"))
        .map_err(failed)?;
    let rows = statement.query_map([incident], RawAction::from_row).map_err(failed)?;
    let mut items = Vec::new();
    for row in rows {
        items.push(row.map_err(failed)?.into_action_item(context)?);
    }
    Ok(items)
}

/// Inserts or replaces an action item inside a caller's transaction.
pub(super) fn write_action_item(tx: &Connection, context: &StoreContext, item: &ActionItem) -> Result<()> {
    tx.execute(
        "INSERT INTO action_items (incident_id, seq, text, owner, due, type, ticket, status, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (incident_id, seq) DO UPDATE SET text = excluded.text, owner = excluded.owner,
             due = excluded.due, type = excluded.type, ticket = excluded.ticket, status = excluded.status,
             reason = excluded.reason",
        params![
            item.incident,
            item.id,
            item.text,
            item.owner,
            item.due.map(|due| due.to_string()),
            item.kind.map(ActionType::as_str),
            item.ticket,
            item.status.as_str(),
            item.reason,
        ],
    )
    .map_err(|source| context.error("saving the action item", source))?;
    Ok(())
}

struct RawAction {
    incident: String,
    seq: i64,
    text: String,
    owner: Option<String>,
    due: Option<String>,
    kind: Option<String>,
    ticket: Option<String>,
    status: String,
    reason: Option<String>,
}

impl RawAction {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<RawAction> {
        Ok(RawAction {
            incident: row.get(0)?,
            seq: row.get(1)?,
            text: row.get(2)?,
            owner: row.get(3)?,
            due: row.get(4)?,
            kind: row.get(5)?,
            ticket: row.get(6)?,
            status: row.get(7)?,
            reason: row.get(8)?,
        })
    }

    fn into_action_item(self, context: &StoreContext) -> Result<ActionItem> {
        let unreadable = |what: &str, value: &str| {
            context.unreadable(format!("action item #{} of {} has {what} `{value}`", self.seq, self.incident))
        };
        Ok(ActionItem {
            due: match &self.due {
                Some(due) => Some(due.parse().map_err(|_| unreadable("due date", due))?),
                None => None,
            },
            kind: match &self.kind {
                Some(kind) => Some(kind.parse().map_err(|_| unreadable("type", kind))?),
                None => None,
            },
            status: self.status.parse().map_err(|_| unreadable("status", &self.status))?,
            id: self.seq,
            incident: self.incident,
            text: self.text,
            owner: self.owner,
            ticket: self.ticket,
            reason: self.reason,
        })
    }
}

//! Contributing factors: the conditions that together allowed an incident, each a sentence
//! with a theme, in the order the author lists them. A factor's number is its place in the
//! list, as it is in the published front matter, so removing one moves the ones after it up.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::entries::MAX_ENTRY_BYTES;
use super::{Store, StoreContext, clean_label, clean_text, ensure_incident};
use crate::factors::{MAX_THEME_CHARS, theme_id};
use crate::model::ContributingFactor;
use crate::postmortem::FactorFacts;
use crate::{Error, Result};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewFactor {
    /// The condition, in a sentence.
    pub text: String,
    /// A theme id such as `capacity`; one the team does not list is kept as given.
    pub theme: Option<String>,
}

/// Changes to a factor; fields left `None` stay as they are, and an empty theme takes the
/// theme away.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FactorChange {
    pub text: Option<String>,
    pub theme: Option<String>,
}

impl Store {
    /// Adds a factor at the end of the incident's list.
    pub fn add_factor(&mut self, incident: &str, new: NewFactor) -> Result<ContributingFactor> {
        let context = &self.context;
        let failed = |source| context.error("saving the contributing factor", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let position: i64 = tx
            .query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM contributing_factors WHERE incident_id = ?1",
                [incident],
                |row| row.get(0),
            )
            .map_err(failed)?;
        let factor = ContributingFactor {
            id: position,
            incident: incident.to_string(),
            text: clean_factor(&new.text)?,
            theme: new.theme.as_deref().map(clean_theme).transpose()?.flatten(),
        };
        write_factor(&tx, context, &factor)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, factor = position, "contributing factor added");
        Ok(factor)
    }

    pub fn update_factor(&mut self, incident: &str, number: i64, change: FactorChange) -> Result<ContributingFactor> {
        let context = &self.context;
        let failed = |source| context.error("updating the contributing factor", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let mut factor = find_factor(&tx, context, incident, number)?;
        if let Some(text) = change.text {
            factor.text = clean_factor(&text)?;
        }
        if let Some(theme) = change.theme {
            factor.theme = clean_theme(&theme)?;
        }
        write_factor(&tx, context, &factor)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident, factor = number, "contributing factor updated");
        Ok(factor)
    }

    /// Removes a factor; the ones after it move up a place. Answers with the one removed.
    pub fn remove_factor(&mut self, incident: &str, number: i64) -> Result<ContributingFactor> {
        let context = &self.context;
        let failed = |source| context.error("removing the contributing factor", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let removed = find_factor(&tx, context, incident, number)?;
        tx.execute(
            "DELETE FROM contributing_factors WHERE incident_id = ?1 AND position = ?2",
            params![incident, number],
        )
        .map_err(failed)?;
        // One by one from the front, so no two rows ever share a place.
        let after: Vec<i64> = tx
            .prepare(
                "SELECT position FROM contributing_factors WHERE incident_id = ?1 AND position > ?2 ORDER BY position",
            )
            .and_then(|mut statement| statement.query_map(params![incident, number], |row| row.get(0))?.collect())
            .map_err(failed)?;
        for position in after {
            tx.execute(
                "UPDATE contributing_factors SET position = ?3 WHERE incident_id = ?1 AND position = ?2",
                params![incident, position, position - 1],
            )
            .map_err(failed)?;
        }
        tx.commit().map_err(failed)?;
        tracing::info!(incident, factor = number, "contributing factor removed");
        Ok(removed)
    }

    /// The incident's contributing factors, in order.
    pub fn contributing_factors(&self, incident: &str) -> Result<Vec<ContributingFactor>> {
        ensure_incident(&self.conn, &self.context, incident)?;
        load_factors(&self.conn, &self.context, incident)
    }
}

pub(super) fn load_factors(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
) -> Result<Vec<ContributingFactor>> {
    let failed = |source| context.error("reading contributing factors", source);
    let mut statement = conn
        .prepare("SELECT position, text, theme FROM contributing_factors WHERE incident_id = ?1 ORDER BY position")
        .map_err(failed)?;
    let rows = statement
        .query_map([incident], |row| {
            Ok(ContributingFactor {
                id: row.get(0)?,
                incident: incident.to_string(),
                text: row.get(1)?,
                theme: row.get(2)?,
            })
        })
        .map_err(failed)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(failed)
}

/// The factors a post-mortem file lists become the incident's, in its order: the file is the
/// whole list, as it is for services and tags.
pub(super) fn replace_factors(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    stated: &[FactorFacts],
) -> Result<usize> {
    conn.execute("DELETE FROM contributing_factors WHERE incident_id = ?1", [incident])
        .map_err(|source| context.error("importing the post-mortem", source))?;
    for (place, facts) in stated.iter().enumerate() {
        let factor = ContributingFactor {
            id: i64::try_from(place).unwrap_or(i64::MAX - 1) + 1,
            incident: incident.to_string(),
            text: clean_factor(&facts.text)?,
            theme: facts.theme.as_deref().map(clean_theme).transpose()?.flatten(),
        };
        write_factor(conn, context, &factor)?;
    }
    Ok(stated.len())
}

fn find_factor(conn: &Connection, context: &StoreContext, incident: &str, number: i64) -> Result<ContributingFactor> {
    conn.query_row(
        "SELECT text, theme FROM contributing_factors WHERE incident_id = ?1 AND position = ?2",
        params![incident, number],
        |row| {
            Ok(ContributingFactor { id: number, incident: incident.to_string(), text: row.get(0)?, theme: row.get(1)? })
        },
    )
    .optional()
    .map_err(|source| context.error("reading contributing factors", source))?
    .ok_or_else(|| {
        Error::invalid("contributing factor", format!("incident {incident} has no contributing factor #{number}"))
    })
}

fn write_factor(conn: &Connection, context: &StoreContext, factor: &ContributingFactor) -> Result<()> {
    conn.execute(
        "INSERT INTO contributing_factors (incident_id, position, text, theme) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (incident_id, position) DO UPDATE SET text = excluded.text, theme = excluded.theme",
        params![factor.incident, factor.id, factor.text, factor.theme],
    )
    .map_err(|source| context.error("saving the contributing factor", source))?;
    Ok(())
}

/// A factor is a sentence: one line of text.
fn clean_factor(text: &str) -> Result<String> {
    let cleaned = clean_text("contributing factor", text, MAX_ENTRY_BYTES)?;
    if cleaned.chars().any(char::is_control) {
        return Err(Error::invalid("contributing factor", "it contains a line break; write one sentence per factor"));
    }
    Ok(cleaned)
}

/// A theme in its one form; `None` for one left empty.
fn clean_theme(theme: &str) -> Result<Option<String>> {
    theme_id(theme).map(|theme| clean_label("theme", &theme, MAX_THEME_CHARS)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewIncident;

    fn store_with_incident() -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let id = store.create_incident(NewIncident { title: "Pool".into(), ..Default::default() }).unwrap().id;
        (dir, store, id)
    }

    fn listed(store: &Store, id: &str) -> Vec<(i64, String, Option<String>)> {
        store
            .contributing_factors(id)
            .unwrap()
            .into_iter()
            .map(|factor| (factor.id, factor.text, factor.theme))
            .collect()
    }

    #[test]
    fn factors_are_added_in_order_edited_and_removed_with_the_rest_moving_up() {
        let (_dir, mut store, id) = store_with_incident();
        for (text, theme) in [
            ("Pool sized for last year", Some("Capacity")),
            ("No alert on saturation", None),
            ("Runbook out of date", Some("knowledge")),
        ] {
            store.add_factor(&id, NewFactor { text: text.into(), theme: theme.map(String::from) }).unwrap();
        }
        let first = &listed(&store, &id)[0];
        assert_eq!((first.0, first.2.as_deref()), (1, Some("capacity")), "themes are kept in their one form");
        let changed =
            store.update_factor(&id, 2, FactorChange { text: None, theme: Some("detection".into()) }).unwrap();
        assert_eq!((changed.text.as_str(), changed.theme.as_deref()), ("No alert on saturation", Some("detection")));
        let removed = store.remove_factor(&id, 1).unwrap();
        assert_eq!(removed.text, "Pool sized for last year");
        assert_eq!(
            listed(&store, &id),
            [
                (1, "No alert on saturation".to_string(), Some("detection".to_string())),
                (2, "Runbook out of date".to_string(), Some("knowledge".to_string()))
            ]
        );
        let cleared = store.update_factor(&id, 2, FactorChange { text: None, theme: Some(" ".into()) }).unwrap();
        assert_eq!(cleared.theme, None, "an empty theme takes it away");
        store.add_factor(&id, NewFactor { text: "Retries doubled the load".into(), theme: None }).unwrap();
        assert_eq!(listed(&store, &id).last().unwrap().0, 3, "a new one goes at the end");
    }

    #[test]
    fn mistakes_are_refused_and_nothing_changes() {
        let (_dir, mut store, id) = store_with_incident();
        store.add_factor(&id, NewFactor { text: "Pool sized for last year".into(), theme: None }).unwrap();
        for new in [
            NewFactor { text: "  ".into(), theme: None },
            NewFactor { text: "two\nlines".into(), theme: None },
            NewFactor { text: "long theme".into(), theme: Some("x".repeat(MAX_THEME_CHARS + 1)) },
        ] {
            let refused = store.add_factor(&id, new).unwrap_err();
            assert_eq!(refused.code(), "invalid-input", "{refused}");
        }
        let missing = store.remove_factor(&id, 7).unwrap_err();
        assert!(missing.to_string().contains("no contributing factor #7"), "{missing}");
        assert!(store.add_factor("no-such-incident", NewFactor::default()).is_err());
        assert_eq!(listed(&store, &id).len(), 1);
    }
}

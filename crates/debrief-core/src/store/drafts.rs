//! The post-mortem working copy: assembling what a draft is rendered from, and
//! reading a post-mortem file (an edited draft, or one published elsewhere)
//! back into the store without losing anything either side holds.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::actions::{load_action_items, write_action_item};
use super::entries::{MAX_ENTRY_BYTES, insert_entry, load_timeline};
use super::factors::{load_factors, replace_factors};
use super::incidents::{
    MAX_NAME_CHARS, NewId, insert_incident, load_incident, move_start, start_no_later_than_key_times,
};
use super::{NewEntry, NewIncident, Store, StoreContext, clean_label, clean_text, ensure_incident, now};
use crate::model::{ActionItem, EntryKind, KeyTime, StartCause};
use crate::postmortem::{
    Began, Draft, IMPORT_SOURCE, ParsedPostmortem, Postmortem, Region, Template, Warning, freeze_region,
    region_content, with_keys_added,
};
use crate::time::{display, rfc3339_string};
use crate::{Error, Result};

/// What reading a post-mortem into the store did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub incident: String,
    pub created: bool,
    pub entries_added: usize,
    pub marks_added: usize,
    pub contributing_factors: usize,
    pub action_items: usize,
    pub warnings: Vec<Warning>,
}

/// What choosing a template did to an incident's draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateChoice {
    /// The incident had no draft: it starts from the template.
    Started,
    /// The draft already holds the template's words and nothing else.
    Unchanged,
    /// The draft started again from the template: it was `unwritten` (holding only the words of
    /// the template it started from), or starting over was asked for.
    Replaced { unwritten: bool },
    /// Left as it is: the draft holds writing, and a template only starts a draft.
    Written,
}

impl Store {
    /// The incident's post-mortem; a draft that does not exist yet starts from `template` and is saved.
    pub fn postmortem(&mut self, incident: &str, template: &Template) -> Result<Postmortem> {
        let context = &self.context;
        let failed = |source| context.error("preparing the post-mortem draft", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let draft = match load_draft(&tx, context, incident)? {
            Some(draft) => draft,
            None => {
                let draft = Draft { body: template.body.clone(), extra_front_matter: template.front_matter.clone() };
                save_draft(&tx, context, incident, &draft, Some(&template.body))?;
                tracing::info!(incident, "post-mortem draft started from the template");
                draft
            }
        };
        let postmortem = assemble(&tx, context, incident, draft)?;
        tx.commit().map_err(failed)?;
        Ok(postmortem)
    }

    /// Starts the incident's draft from `template`, or starts it again when nothing has been
    /// written in the draft it has (or `start_over` says to). A draft from before Debrief kept
    /// the template it started from counts as unwritten when it is `default`'s body.
    pub fn choose_template(
        &mut self,
        incident: &str,
        template: &Template,
        default: &Template,
        start_over: bool,
    ) -> Result<TemplateChoice> {
        let context = &self.context;
        let failed = |source| context.error("starting the draft from the template", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        ensure_incident(&tx, context, incident)?;
        let existing = tx
            .query_row(
                "SELECT body, extra_front_matter, started_from FROM drafts WHERE incident_id = ?1",
                [incident],
                |row| {
                    Ok((Draft { body: row.get(0)?, extra_front_matter: row.get(1)? }, row.get::<_, Option<String>>(2)?))
                },
            )
            .optional()
            .map_err(|source| context.error("reading the draft", source))?;
        // Front matter Debrief does not know (kept from a file read in) stays with the incident,
        // and the template's own keys it lacks are added.
        let (choice, extra_front_matter) = match existing {
            None => (TemplateChoice::Started, template.front_matter.clone()),
            Some((draft, _)) if draft.body == template.body => (TemplateChoice::Unchanged, draft.extra_front_matter),
            Some((draft, started_from)) => {
                let unwritten = draft.body == started_from.unwrap_or_else(|| default.body.clone());
                if !unwritten && !start_over {
                    return Ok(TemplateChoice::Written);
                }
                let kept = with_keys_added(&draft.extra_front_matter, &template.front_matter);
                (TemplateChoice::Replaced { unwritten }, kept)
            }
        };
        if choice != TemplateChoice::Unchanged {
            let draft = Draft { body: template.body.clone(), extra_front_matter };
            save_draft(&tx, context, incident, &draft, Some(&template.body))?;
            tracing::info!(incident, ?choice, "post-mortem draft started from a chosen template");
        }
        tx.commit().map_err(failed)?;
        Ok(choice)
    }

    /// The body of the template the incident's draft was started from, when Debrief kept it
    /// (drafts started before it did, and drafts read from a file, have none).
    pub fn draft_started_from(&self, incident: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT started_from FROM drafts WHERE incident_id = ?1", [incident], |row| row.get(0))
            .optional()
            .map(Option::flatten)
            .map_err(|source| self.context.error("reading the draft", source))
    }

    /// Reads a parsed post-mortem into the store, creating the incident if it is new.
    ///
    /// The file's facts replace the stored ones, its contributing factors too; timeline rows
    /// and key times it has that the store lacks are added (nothing is ever removed from a
    /// timeline); action items are updated by number and the ones it lacks are kept; its prose
    /// becomes the draft. With `expected`, the file must be that incident's (an edited draft).
    pub fn import_postmortem(&mut self, parsed: ParsedPostmortem, expected: Option<&str>) -> Result<ImportReport> {
        let context = &self.context;
        let failed = |source| context.error("importing the post-mortem", source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let report = import(&tx, context, parsed, expected)?;
        tx.commit().map_err(failed)?;
        tracing::info!(incident = %report.incident, created = report.created, "post-mortem imported");
        Ok(report)
    }
}

fn import(
    conn: &Connection,
    context: &StoreContext,
    parsed: ParsedPostmortem,
    expected: Option<&str>,
) -> Result<ImportReport> {
    // A new incident whose file states no start (a post-mortem written by hand) began at its
    // first timeline line, else when it was detected; an existing one keeps its start.
    let start = parsed.start();
    let named = parsed.incident_id();
    let ParsedPostmortem { mut facts, heading_title, timeline, generated, draft, mut warnings, .. } = parsed;
    let title = match (&facts.title, &heading_title) {
        (Some(title), Some(heading)) if title != heading => {
            warnings.push(Warning {
                line: 1,
                message: format!("the heading `{heading}` differs from the title `{title}`; the title was kept"),
            });
            Some(title.clone())
        }
        (Some(title), _) | (None, Some(title)) => Some(title.clone()),
        // Read into a named incident, a file without a title keeps the incident's.
        (None, None) if expected.is_some() => None,
        (None, None) => {
            return Err(Error::Postmortem {
                line: 1,
                reason: "no title: add `title:` to the front matter or a `# Title` heading".into(),
            });
        }
    };
    let incident = match (&facts.id, expected) {
        (Some(id), Some(expected)) if id != expected => {
            return Err(Error::Postmortem {
                line: 2,
                reason: format!(
                    "the id changed from `{expected}` to `{id}`; ids stay as they are, change the title instead"
                ),
            });
        }
        (Some(id), _) => valid_id(id)?,
        (None, Some(expected)) => expected.to_string(),
        // Named by its start and title (a title is there: its absence was refused above).
        (None, None) => named.ok_or_else(|| Error::Postmortem {
            line: 1,
            reason: "nothing says when the incident began (no `id` or `started` in the front matter, no key \
                     time such as `Started: 2024-12-03 14:00 UTC` or `Detected: ...`, no timeline line or \
                     sentence giving a time with its day), so the incident cannot be named; read it into an incident with --incident ID \
                     (`debrief new TITLE --at TIME` starts one)"
                .into(),
        })?,
    };
    let exists = conn
        .query_row("SELECT 1 FROM incidents WHERE id = ?1", [&incident], |_| Ok(()))
        .optional()
        .map_err(|source| context.error("importing the post-mortem", source))?
        .is_some();
    if expected.is_some() && !exists {
        return Err(Error::IncidentNotFound(incident));
    }
    let title = match title {
        Some(title) => title,
        None => conn
            .query_row("SELECT title FROM incidents WHERE id = ?1", [&incident], |row| row.get(0))
            .map_err(|source| context.error("importing the post-mortem", source))?,
    };
    if !exists {
        let began = start.as_ref().ok_or_else(|| Error::Postmortem {
            line: 1,
            reason: "no `started` time in the front matter: add one such as `started: 2026-11-23T14:00:00+01:00`"
                .into(),
        })?;
        let new = NewIncident { title: title.clone(), started_at: Some(began.at()), ..Default::default() };
        insert_incident(conn, context, new, NewId::Given(&incident))?;
        // A start read from the prose is the reader's best guess, and says where it came from.
        if let Began::Narrated(narrated) = began {
            warnings.push(Warning {
                line: narrated.line,
                message: format!(
                    "nothing states when the incident began, so it begins at the first time the prose tells, {} \
                     (“{}”), and that sentence is its first timeline line; `debrief set --started TIME --incident \
                     {incident}` (in the app, Correct beside Started in its post-mortem's key times) corrects the \
                     start",
                    display(&narrated.at),
                    narrated.written
                ),
            });
        }
    }
    // Begun at its detection, its detection is not a key time too: a time to detect of zero would
    // be a figure nobody measured.
    if let Some(Began::Detected(detected)) = start
        && load_incident(conn, context, &incident)?.started_at == detected
    {
        facts.detected = None;
        warnings.push(Warning {
            line: 1,
            message: format!(
                "nothing says when the incident began, so it begins when it was detected, {}, and its time to \
                 detect is left unrecorded; `debrief set --started TIME --incident {incident}` says when it began",
                display(&detected)
            ),
        });
    }
    replace_facts(conn, context, &incident, &title, &facts)?;
    let entries_added = add_missing_rows(conn, context, &incident, &timeline)?;
    let marks_added = add_missing_marks(conn, context, &incident, &facts)?;
    if let Some((key, moved)) = start_no_later_than_key_times(conn, context, &incident)? {
        warnings.push(Warning {
            line: 1,
            message: format!(
                "the start, {}, is after the incident was {} at {}: an incident cannot be {} before it began, so \
                 the start was moved back to {}",
                display(&moved.old),
                key.as_str(),
                display(&moved.new),
                key.as_str(),
                display(&moved.new)
            ),
        });
    }
    let contributing_factors = replace_factors(conn, context, &incident, &facts.contributing_factors)?;
    let action_items = merge_action_items(conn, context, &incident, &facts.action_items, &mut warnings)?;
    let mut draft = draft;
    let current = assemble(conn, context, &incident, draft.clone())?;
    for found in generated.iter().filter(|found| found.edited && found.region != Region::Timeline) {
        if region_content(&current, found.region) != found.content {
            warnings.push(Warning {
                line: found.line,
                message: format!(
                    "the {} were edited by hand: kept as written, and no longer kept up to date; put the line \
                     {} back in their place to have them generated again",
                    region_label(found.region),
                    found.region.start_marker()
                ),
            });
            draft.body = freeze_region(&draft.body, found.region, &found.written);
        }
    }
    save_draft(conn, context, &incident, &draft, None)?;
    Ok(ImportReport {
        incident,
        created: !exists,
        entries_added,
        marks_added,
        contributing_factors,
        action_items,
        warnings,
    })
}

fn region_label(region: Region) -> &'static str {
    match region {
        Region::KeyTimes => "key times",
        Region::Timeline => "timeline table",
        Region::ActionItems => "action items table",
        Region::Participants => "participants table",
        Region::Links => "links",
    }
}

/// An id from a file becomes a file name when published: only lowercase letters, digits and dashes.
fn valid_id(id: &str) -> Result<String> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if ok {
        Ok(id.to_string())
    } else {
        Err(Error::Postmortem {
            line: 2,
            reason: format!("the id `{id}` may only hold lowercase letters, digits and dashes"),
        })
    }
}

fn replace_facts(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    title: &str,
    facts: &crate::postmortem::Facts,
) -> Result<()> {
    let failed = |source| context.error("importing the post-mortem", source);
    let name = |what: &'static str, value: &Option<String>| {
        value.as_deref().map(|name| clean_label(what, name, MAX_NAME_CHARS)).transpose()
    };
    conn.execute(
        "UPDATE incidents SET title = ?1, kind = coalesce(?2, kind), severity = ?3, owner = ?4, commander = ?5,
             postmortem_status = coalesce(?6, postmortem_status) WHERE id = ?7",
        params![
            clean_label("incident title", title, super::incidents::MAX_TITLE_CHARS)?,
            facts.kind.map(|kind| kind.as_str()),
            facts.severity.map(|severity| severity.as_str()),
            name("owner", &facts.owner)?,
            name("commander", &facts.commander)?,
            facts.status.map(|status| status.as_str()),
            incident
        ],
    )
    .map_err(failed)?;
    if let Some(started) = facts.started {
        move_start(conn, context, incident, started, StartCause::Postmortem)?;
    }
    for table in ["participants", "incident_labels", "incident_links"] {
        conn.execute(&format!("DELETE FROM {table} WHERE incident_id = ?1"), [incident]).map_err(failed)?;
    }
    for person in &facts.participants {
        conn.execute(
            "INSERT INTO participants (incident_id, name, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (incident_id, name) DO UPDATE SET role = excluded.role",
            params![
                incident,
                clean_label("participant name", &person.name, MAX_NAME_CHARS)?,
                clean_label("participant role", &person.role, MAX_NAME_CHARS)?
            ],
        )
        .map_err(failed)?;
    }
    let labels = [("service", &facts.services), ("tag", &facts.tags)];
    for (kind, values) in labels {
        for value in values {
            conn.execute(
                "INSERT INTO incident_labels (incident_id, kind, value) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![incident, kind, clean_label(kind, value, MAX_ENTRY_BYTES)?],
            )
            .map_err(failed)?;
        }
    }
    let links = [("ticket", &facts.tickets), ("chat", &facts.chat_logs), ("forum", &facts.forum_links)];
    for (kind, targets) in links {
        for target in targets {
            conn.execute(
                "INSERT INTO incident_links (incident_id, kind, target) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![incident, kind, clean_label("link", target, MAX_ENTRY_BYTES)?],
            )
            .map_err(failed)?;
        }
    }
    Ok(())
}

/// Adds the rows the timeline does not have yet. A row matches an entry with the same instant,
/// person, kind and text (a mark row with no text matches any mark of its kind at that instant);
/// each entry matches one row at most, so repeated lines stay repeated.
fn add_missing_rows(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    rows: &[crate::markdown::TimelineRow],
) -> Result<usize> {
    let mut unmatched: Vec<(i64, Option<String>, EntryKind, String)> = load_timeline(conn, context, incident)?
        .into_iter()
        .map(|entry| (entry.at.timestamp_micros(), entry.who, entry.kind, entry.text))
        .collect();
    let mut added = 0;
    for row in rows {
        let text = if row.text.trim().is_empty() {
            String::new()
        } else {
            clean_text("timeline text", &row.text, MAX_ENTRY_BYTES)?
        };
        let instant = row.at.timestamp_micros();
        let bare_mark = row.kind.key_time().is_some() && text.is_empty();
        let matching = unmatched.iter().position(|(at, who, kind, existing)| {
            *at == instant && *kind == row.kind && (bare_mark || (*who == row.who && *existing == text))
        });
        if let Some(index) = matching {
            unmatched.swap_remove(index);
            continue;
        }
        let new =
            NewEntry { at: Some(row.at), who: row.who.clone(), kind: row.kind, text, source: IMPORT_SOURCE.into() };
        insert_entry(conn, context, incident, new)?;
        added += 1;
    }
    Ok(added)
}

/// Key times stated in the front matter that the timeline's marks do not give are added as marks.
fn add_missing_marks(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    facts: &crate::postmortem::Facts,
) -> Result<usize> {
    let current = load_incident(conn, context, incident)?;
    let mut added = 0;
    for (key, stated) in [
        (KeyTime::Detected, facts.detected),
        (KeyTime::Mitigated, facts.mitigated),
        (KeyTime::Resolved, facts.resolved),
    ] {
        let Some(stated) = stated else { continue };
        if current.key_time(key).map(|time| time.timestamp_micros()) == Some(stated.timestamp_micros()) {
            continue;
        }
        let mark =
            NewEntry { at: Some(stated), kind: key.entry_kind(), source: IMPORT_SOURCE.into(), ..Default::default() };
        insert_entry(conn, context, incident, mark)?;
        added += 1;
    }
    Ok(added)
}

fn merge_action_items(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    stated: &[crate::postmortem::ActionItemFacts],
    warnings: &mut Vec<Warning>,
) -> Result<usize> {
    let existing = load_action_items(conn, context, Some(incident))?;
    let mut last_id =
        existing.iter().map(|item| item.id).chain(stated.iter().filter_map(|item| item.id)).max().unwrap_or(0);
    let mut stated_ids = Vec::new();
    for facts in stated {
        let id = facts.id.unwrap_or_else(|| {
            last_id += 1;
            last_id
        });
        stated_ids.push(id);
        let item = ActionItem {
            id,
            incident: incident.to_string(),
            text: clean_text("action item", &facts.text, MAX_ENTRY_BYTES)?,
            owner: facts.owner.as_deref().map(|owner| clean_label("owner", owner, MAX_NAME_CHARS)).transpose()?,
            due: facts.due,
            kind: facts.kind,
            ticket: facts.ticket.as_deref().map(|ticket| clean_label("ticket", ticket, MAX_ENTRY_BYTES)).transpose()?,
            status: facts.status,
            // Kept as the file says, even a won't-do without one: `debrief lint` and `check` point it out.
            reason: facts.reason.as_deref().map(|reason| clean_label("reason", reason, MAX_ENTRY_BYTES)).transpose()?,
        };
        write_action_item(conn, context, &item)?;
    }
    for kept in existing.iter().filter(|item| !stated_ids.contains(&item.id)) {
        warnings.push(Warning {
            line: 1,
            message: format!("action item #{} ({}) is not in the file; it was kept", kept.id, kept.text),
        });
    }
    Ok(stated.len())
}

fn assemble(conn: &Connection, context: &StoreContext, incident: &str, draft: Draft) -> Result<Postmortem> {
    Ok(Postmortem {
        incident: load_incident(conn, context, incident)?,
        timeline: load_timeline(conn, context, incident)?,
        contributing_factors: load_factors(conn, context, incident)?,
        action_items: load_action_items(conn, context, Some(incident))?,
        draft,
    })
}

fn load_draft(conn: &Connection, context: &StoreContext, incident: &str) -> Result<Option<Draft>> {
    conn.query_row("SELECT body, extra_front_matter FROM drafts WHERE incident_id = ?1", [incident], |row| {
        Ok(Draft { body: row.get(0)?, extra_front_matter: row.get(1)? })
    })
    .optional()
    .map_err(|source| context.error("reading the draft", source))
}

/// Saves the draft; `started_from` is the template body it starts from when it is (re)started
/// from one, and otherwise the one it started from is kept.
fn save_draft(
    conn: &Connection,
    context: &StoreContext,
    incident: &str,
    draft: &Draft,
    started_from: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO drafts (incident_id, body, extra_front_matter, updated_at, started_from)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (incident_id) DO UPDATE SET body = excluded.body,
             extra_front_matter = excluded.extra_front_matter, updated_at = excluded.updated_at,
             started_from = coalesce(excluded.started_from, drafts.started_from)",
        params![incident, draft.body, draft.extra_front_matter, rfc3339_string(&now()), started_from],
    )
    .map_err(|source| context.error("saving the draft", source))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postmortem::{parse, render};
    use chrono::DateTime;

    #[test]
    fn ids_from_files_are_safe_file_names() {
        assert!(valid_id("2026-11-23-db-outage").is_ok());
        for bad in ["../etc", "A-B", "a/b", "", "-x", "a\0b", &"x".repeat(101)] {
            assert!(valid_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_file_whose_start_is_after_a_key_time_is_read_with_the_start_moved_back_and_a_warning() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let file = "---\nid: 2026-11-23-pool\ntitle: Pool\nstarted: 2026-11-23T14:00:00+01:00\n\
                    detected: 2026-11-23T13:50:00+01:00\nresolved: 2026-11-23T15:00:00+01:00\n---\n\n# Pool\n";
        let report = store.import_postmortem(parse(file).unwrap(), None).unwrap();
        assert_eq!(report.warnings.len(), 1, "{report:?}");
        let warning = &report.warnings[0].message;
        assert!(
            warning.contains("detected at 2026-11-23 13:50:00 +01:00") && warning.contains("moved back"),
            "{warning}"
        );
        let incident = store.incident("2026-11-23-pool").unwrap();
        assert_eq!(incident.started_at, DateTime::parse_from_rfc3339("2026-11-23T13:50:00+01:00").unwrap());
        assert_eq!(incident.durations().to_detect, Some(chrono::Duration::zero()));
        let rendered = render(&store.postmortem("2026-11-23-pool", &Template::default()).unwrap());
        assert!(rendered.contains("started: 2026-11-23T13:50:00+01:00") && !rendered.contains(": -"), "{rendered}");
    }

    #[test]
    fn a_rendered_draft_imports_into_an_empty_store_and_renders_the_same() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let started = DateTime::parse_from_rfc3339("2026-11-23T14:00:00+01:00").unwrap();
        let id = store
            .create_incident(NewIncident { title: "Pool".into(), started_at: Some(started), ..Default::default() })
            .unwrap()
            .id;
        store
            .append(&id, NewEntry { text: "it broke | badly".into(), who: Some("ann".into()), ..Default::default() })
            .unwrap();
        store.append(&id, NewEntry { kind: EntryKind::Detected, ..Default::default() }).unwrap();
        for (text, theme) in
            [("The pool was sized for last year's traffic", Some("capacity")), ("No: a plain answer", None)]
        {
            let factor = crate::store::NewFactor { text: text.into(), theme: theme.map(String::from) };
            store.add_factor(&id, factor).unwrap();
        }
        let rendered = render(&store.postmortem(&id, &Template::default()).unwrap());
        assert!(
            rendered.contains(
                "contributing_factors:\n  - factor: The pool was sized for last year's traffic\n    theme: capacity\n  \
                 - factor: \"No: a plain answer\"\n"
            ),
            "{rendered}"
        );
        let other = tempfile::TempDir::new().unwrap();
        let mut fresh = Store::open(other.path()).unwrap();
        let report = fresh.import_postmortem(parse(&rendered).unwrap(), None).unwrap();
        assert!(report.created && report.warnings.is_empty(), "{report:?}");
        assert_eq!((report.entries_added, report.marks_added, report.contributing_factors), (2, 0, 2));
        assert_eq!(render(&fresh.postmortem(&id, &Template::default()).unwrap()), rendered);
    }
}

use std::str::FromStr;

use chrono::DateTime;
use tempfile::TempDir;

use super::*;
use chrono::Duration;

use crate::model::{ActionStatus, EditedField, EntryKind, IncidentKind, KeyTime, Severity, StartCause, Status};
use crate::store::{IncidentFacts, IncidentUpdate, IncidentUse};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn store() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

fn incident(store: &mut Store, title: &str, started: &str) -> String {
    store
        .create_incident(NewIncident { title: title.into(), started_at: Some(at(started)), ..Default::default() })
        .unwrap()
        .id
}

fn line(store: &mut Store, incident: &str, when: &str, kind: EntryKind, text: &str) -> crate::model::Entry {
    store
        .append(
            incident,
            NewEntry { at: Some(at(when)), kind, text: text.into(), source: "test".into(), ..Default::default() },
        )
        .unwrap()
}

#[test]
fn new_incidents_get_dated_ids_and_duplicates_are_numbered() {
    let (_dir, mut store) = store();
    assert_eq!(incident(&mut store, "Checkout latency", "2026-11-23T14:00:00+01:00"), "2026-11-23-checkout-latency");
    assert_eq!(incident(&mut store, "Checkout latency", "2026-11-23T18:00:00+01:00"), "2026-11-23-checkout-latency-2");
}

#[test]
fn incident_keeps_every_field_it_was_created_with() {
    let (_dir, mut store) = store();
    let created = store
        .create_incident(NewIncident {
            title: "Game day: lose a zone".into(),
            kind: IncidentKind::GameDay,
            severity: Some(Severity::from_str("sev3").unwrap()),
            commander: Some("alice".into()),
            started_at: Some(at("2026-11-23T09:00:00-05:00")),
        })
        .unwrap();
    let read = store.incident(&created.id).unwrap();
    assert_eq!(read, created);
    assert_eq!(read.kind, IncidentKind::GameDay);
    assert_eq!(read.severity, Some(Severity::Sev3));
    assert_eq!(read.started_at.to_rfc3339(), "2026-11-23T09:00:00-05:00");
    assert_eq!(read.participants[0].role, "commander");
    assert_eq!(read.status, Status::Open);
}

#[test]
fn timeline_is_in_time_order_whatever_order_lines_were_typed() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Order", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T14:10:00+01:00", EntryKind::Note, "second");
    line(&mut store, &id, "2026-11-23T12:05:00-01:00", EntryKind::Note, "first, typed later in another zone");
    line(&mut store, &id, "2026-11-23T14:10:00+01:00", EntryKind::Note, "third, same second as the second");
    let texts: Vec<_> = store.timeline(&id).unwrap().into_iter().map(|entry| (entry.id, entry.text)).collect();
    assert_eq!(texts[0], (2, "first, typed later in another zone".to_string()));
    assert_eq!(texts[1].0, 1);
    assert_eq!(texts[2].0, 3);
}

#[test]
fn timeline_pages_are_stretches_of_the_timeline_counted_from_its_end() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Long", "2026-11-23T14:00:00+01:00");
    for minute in [10, 5, 10, 20, 10, 1] {
        line(&mut store, &id, &format!("2026-11-23T14:{minute:02}:00+01:00"), EntryKind::Note, &format!("at {minute}"));
    }
    store.edit_entry(&id, 4, EntryChange { text: Some("at 20, corrected".into()), at: None }).unwrap();
    let whole = store.timeline(&id).unwrap();
    for skip in 0..=whole.len() + 1 {
        for count in 0..=whole.len() + 1 {
            let end = whole.len().saturating_sub(skip);
            let start = end.saturating_sub(count);
            let page = store.timeline_page(&id, skip, count).unwrap();
            assert_eq!(page.entries, whole[start..end], "{count} before the newest {skip}");
            assert_eq!(page.before, start, "{count} before the newest {skip}");
        }
    }
    assert_eq!(store.timeline_page(&id, 0, 1).unwrap().entries[0].history.len(), 1, "with its history");
    assert!(matches!(store.timeline_page("2026-11-23-nothing", 0, 5), Err(Error::IncidentNotFound(_))));
}

#[test]
fn marks_set_key_times_and_status() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Marks", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T14:05:00+01:00", EntryKind::Detected, "");
    line(&mut store, &id, "2026-11-23T14:30:00+01:00", EntryKind::Mitigated, "");
    assert_eq!(store.incident(&id).unwrap().status, Status::Mitigated);
    // The alert had fired earlier than first noted: the first detection counts.
    line(&mut store, &id, "2026-11-23T13:58:00+01:00", EntryKind::Detected, "alert found in the pager history");
    // A flare-up: mitigated and resolved again later. Mitigation counts from the first time,
    // resolution from the last.
    line(&mut store, &id, "2026-11-23T15:10:00+01:00", EntryKind::Mitigated, "");
    line(&mut store, &id, "2026-11-23T15:00:00+01:00", EntryKind::Resolved, "");
    line(&mut store, &id, "2026-11-23T16:00:00+01:00", EntryKind::Resolved, "");
    let incident = store.incident(&id).unwrap();
    assert_eq!(incident.detected_at, Some(at("2026-11-23T13:58:00+01:00")));
    assert_eq!(incident.mitigated_at, Some(at("2026-11-23T14:30:00+01:00")));
    assert_eq!(incident.resolved_at, Some(at("2026-11-23T16:00:00+01:00")));
    let texts: Vec<_> = store.timeline(&id).unwrap().into_iter().map(|entry| entry.text).collect();
    assert!(texts.contains(&"Detected".to_string()) && texts.contains(&"Mitigated".to_string()));
}

#[test]
fn capture_falls_back_on_open_incidents_and_the_write_up_on_the_latest_whatever_its_status() {
    let (_dir, mut store) = store();
    let chosen = |store: &Store, work| store.choose_incident(None, work).map(|incident| incident.id);
    assert!(matches!(chosen(&store, IncidentUse::Capture), Err(Error::NoOpenIncident)));
    assert!(matches!(chosen(&store, IncidentUse::WriteUp), Err(Error::NoIncident)));
    let older = incident(&mut store, "Older", "2026-11-22T10:00:00+00:00");
    let newer = incident(&mut store, "Newer", "2026-11-23T10:00:00+00:00");
    assert_eq!(chosen(&store, IncidentUse::Capture).unwrap(), newer);
    assert_eq!(chosen(&store, IncidentUse::WriteUp).unwrap(), newer);
    line(&mut store, &newer, "2026-11-23T11:00:00+00:00", EntryKind::Resolved, "");
    assert_eq!(chosen(&store, IncidentUse::Capture).unwrap(), older);
    assert_eq!(chosen(&store, IncidentUse::WriteUp).unwrap(), newer, "the write-up comes after resolution");
    line(&mut store, &older, "2026-11-23T11:00:00+00:00", EntryKind::Resolved, "");
    assert!(matches!(chosen(&store, IncidentUse::Capture), Err(Error::NoOpenIncident)));
    assert_eq!(chosen(&store, IncidentUse::WriteUp).unwrap(), newer);
    // Named, an incident is used whatever its status, by either.
    for work in [IncidentUse::Capture, IncidentUse::WriteUp] {
        assert_eq!(store.choose_incident(Some(&older), work).unwrap().status, Status::Resolved);
        assert!(matches!(store.choose_incident(Some("nope"), work), Err(Error::IncidentNotFound(_))));
    }
}

#[test]
fn a_key_time_marked_before_the_start_moves_the_start_back_and_keeps_the_old_one() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Early alert", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T13:30:00+01:00", EntryKind::Note, "a deploy, before anything broke");
    assert_eq!(store.incident(&id).unwrap().started_at, at("2026-11-23T14:00:00+01:00"), "only key times move it");
    line(&mut store, &id, "2026-11-23T13:50:00+01:00", EntryKind::Detected, "alert in the pager history");
    let incident = store.incident(&id).unwrap();
    assert_eq!(incident.started_at, at("2026-11-23T13:50:00+01:00"));
    assert_eq!(incident.durations().to_detect, Some(Duration::zero()));
    let history = store.start_history(&id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].old, at("2026-11-23T14:00:00+01:00"));
    assert_eq!(history[0].new, at("2026-11-23T13:50:00+01:00"));
    assert_eq!(history[0].cause, StartCause::KeyTimeBefore(KeyTime::Detected));

    // A mark after the start leaves it; correcting a mark to before the start moves it again.
    line(&mut store, &id, "2026-11-23T14:20:00+01:00", EntryKind::Mitigated, "");
    assert_eq!(store.start_history(&id).unwrap().len(), 1);
    store.edit_entry(&id, 3, EntryChange { at: Some(at("2026-11-23T13:40:00+01:00")), text: None }).unwrap();
    let incident = store.incident(&id).unwrap();
    assert_eq!(incident.started_at, at("2026-11-23T13:40:00+01:00"));
    assert_eq!(store.start_history(&id).unwrap()[1].cause, StartCause::KeyTimeBefore(KeyTime::Mitigated));
    // Mitigated before anyone detected it: nothing was left to wait for, never a negative time.
    let durations = incident.durations();
    assert_eq!((durations.to_detect, durations.to_mitigate), (Some(Duration::minutes(10)), Some(Duration::zero())));
}

#[test]
fn a_start_set_after_a_key_time_is_refused_and_one_before_is_kept_in_the_history() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Set start", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T14:10:00+01:00", EntryKind::Detected, "");
    let later = IncidentUpdate { started_at: Some(at("2026-11-23T14:15:00+01:00")), ..Default::default() };
    let refused = store.update_incident(&id, later);
    assert!(matches!(&refused, Err(Error::StartAfterKeyTime { key: KeyTime::Detected, entry: 1, .. })), "{refused:?}");
    assert_eq!(store.incident(&id).unwrap().started_at, at("2026-11-23T14:00:00+01:00"));
    assert!(store.start_history(&id).unwrap().is_empty());
    let earlier = IncidentUpdate { started_at: Some(at("2026-11-23T13:55:00+01:00")), ..Default::default() };
    assert_eq!(store.update_incident(&id, earlier).unwrap().started_at, at("2026-11-23T13:55:00+01:00"));
    let history = store.start_history(&id).unwrap();
    assert_eq!((history.len(), history[0].cause), (1, StartCause::Set));
}

#[test]
fn an_older_database_with_key_times_before_the_start_is_mended_when_upgraded() {
    let dir = TempDir::new().unwrap();
    let id = {
        let mut store = Store::open(dir.path()).unwrap();
        let id = incident(&mut store, "Written by an older Debrief", "2026-11-23T13:00:00+01:00");
        line(&mut store, &id, "2026-11-23T13:50:00+01:00", EntryKind::Detected, "");
        line(&mut store, &id, "2026-11-23T13:45:00+01:00", EntryKind::Mitigated, "");
        let untouched = incident(&mut store, "Already in order", "2026-11-24T13:00:00+01:00");
        line(&mut store, &untouched, "2026-11-24T13:10:00+01:00", EntryKind::Detected, "");
        // What an older Debrief allowed: a start after the key times, and no history of starts.
        let start = at("2026-11-23T14:00:00+01:00");
        store
            .conn
            .execute(
                "UPDATE incidents SET started_at = ?1, started_at_utc = ?2 WHERE id = ?3",
                rusqlite::params![crate::time::rfc3339_string(&start), start.timestamp_micros(), id],
            )
            .unwrap();
        // As a version-4 database was: without the tables and columns of later migrations.
        store
            .conn
            .execute_batch(
                "DROP TABLE live_self; DROP TABLE live_outbox; DROP TABLE live_responders;
                 DROP TABLE live_pending_corrections;
                 DROP INDEX entries_by_origin; ALTER TABLE entries DROP COLUMN origin;
                 ALTER TABLE entries DROP COLUMN origin_seq; ALTER TABLE entries DROP COLUMN proposed;
                 ALTER TABLE entry_edits DROP COLUMN origin;
                 ALTER TABLE incidents DROP COLUMN live;
                 DROP TABLE start_edits; DROP TABLE contributing_factors;
                 ALTER TABLE drafts DROP COLUMN started_from; PRAGMA user_version = 4;",
            )
            .unwrap();
        id
    };
    let store = Store::open(dir.path()).unwrap();
    let mended = store.incident(&id).unwrap();
    assert_eq!(mended.started_at, at("2026-11-23T13:45:00+01:00"), "back to the earliest key time");
    let history = store.start_history(&id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].old, history[0].cause),
        (at("2026-11-23T14:00:00+01:00"), StartCause::KeyTimeBefore(KeyTime::Mitigated))
    );
    assert!(store.start_history("2026-11-24-already-in-order").unwrap().is_empty());
    assert_eq!(store.incident("2026-11-24-already-in-order").unwrap().started_at, at("2026-11-24T13:00:00+01:00"));
}

#[test]
fn edits_keep_the_old_values_in_history() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Edits", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T14:05:00+01:00", EntryKind::Note, "restartd the pool");
    let edited = store
        .edit_entry(
            &id,
            1,
            EntryChange { text: Some("restarted the pool".into()), at: Some(at("2026-11-23T14:04:00+01:00")) },
        )
        .unwrap();
    assert_eq!(edited.text, "restarted the pool");
    assert_eq!(edited.at, at("2026-11-23T14:04:00+01:00"));
    assert_eq!(edited.history.len(), 2);
    assert_eq!(edited.history[0].field, EditedField::Text);
    assert_eq!(edited.history[0].old, "restartd the pool");
    assert_eq!(edited.history[1].old, "2026-11-23T14:05:00+01:00");
    assert_eq!(store.timeline(&id).unwrap()[0], edited);
}

#[test]
fn editing_a_mark_moves_the_key_time() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Edit mark", "2026-11-23T14:00:00+01:00");
    line(&mut store, &id, "2026-11-23T15:00:00+01:00", EntryKind::Resolved, "");
    store.edit_entry(&id, 1, EntryChange { at: Some(at("2026-11-23T15:20:00+01:00")), text: None }).unwrap();
    assert_eq!(store.incident(&id).unwrap().resolved_at, Some(at("2026-11-23T15:20:00+01:00")));
}

#[test]
fn bad_input_is_refused_and_nothing_is_stored() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Bad input", "2026-11-23T14:00:00+01:00");
    let append = |store: &mut Store, text: String| store.append(&id, NewEntry { text, ..Default::default() });
    assert!(matches!(append(&mut store, "   ".into()), Err(Error::Invalid { .. })));
    assert!(matches!(append(&mut store, "x".repeat(MAX_ENTRY_BYTES + 1)), Err(Error::Invalid { .. })));
    assert!(matches!(append(&mut store, "a\0b".into()), Err(Error::Invalid { .. })));
    assert!(matches!(
        store.append("missing", NewEntry { text: "x".into(), ..Default::default() }),
        Err(Error::IncidentNotFound(_))
    ));
    assert!(matches!(
        store.edit_entry(&id, 9, EntryChange { text: Some("x".into()), at: None }),
        Err(Error::EntryNotFound { .. })
    ));
    assert!(matches!(store.edit_entry(&id, 1, EntryChange::default()), Err(Error::Invalid { .. })));
    for title in ["", "line\nbreak", &"t".repeat(201)] {
        let refused = store.create_incident(NewIncident { title: title.into(), ..Default::default() });
        assert!(matches!(refused, Err(Error::Invalid { .. })), "{title:?}");
    }
    assert!(store.timeline(&id).unwrap().is_empty());
    assert_eq!(store.incidents().unwrap().len(), 1);
}

#[test]
fn a_pasted_excerpt_keeps_its_lines() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Paste", "2026-11-23T14:00:00+01:00");
    let excerpt = "[14:02] <alice> db is down\n[14:03] <bob> looking\n";
    let entry = line(&mut store, &id, "2026-11-23T14:05:00+01:00", EntryKind::Communication, excerpt);
    assert_eq!(entry.text, excerpt.trim());
}

#[test]
fn who_becomes_a_participant_once() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "People", "2026-11-23T14:00:00+01:00");
    for _ in 0..2 {
        store.append(&id, NewEntry { who: Some("bob".into()), text: "hi".into(), ..Default::default() }).unwrap();
    }
    let people = store.incident(&id).unwrap().participants;
    assert_eq!(people.len(), 1);
    assert_eq!((people[0].name.as_str(), people[0].role.as_str()), ("bob", "responder"));
}

#[test]
fn reopening_keeps_everything() {
    let dir = TempDir::new().unwrap();
    let id = {
        let mut store = Store::open(dir.path()).unwrap();
        let id = incident(&mut store, "Reopen", "2026-11-23T14:00:00+01:00");
        line(&mut store, &id, "2026-11-23T14:05:00+01:00", EntryKind::Note, "kept");
        id
    };
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.timeline(&id).unwrap()[0].text, "kept");
}

#[test]
fn database_is_in_wal_mode_with_full_sync() {
    let (_dir, store) = store();
    let mode: String = store.conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    let sync: i64 = store.conn.pragma_query_value(None, "synchronous", |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous must be FULL");
}

#[test]
fn newer_database_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", schema::LATEST_VERSION + 1).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let refused = Store::open(dir.path());
    assert!(matches!(refused, Err(Error::NewerDatabase { found, .. }) if found == schema::LATEST_VERSION + 1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn garbage_file_is_reported_as_damaged_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let garbage = b"this is not an SQLite database, it is a note someone saved here".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let refused = Store::open(dir.path());
    assert!(matches!(refused, Err(Error::Corrupt { .. })), "{:?}", refused.err());
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn another_programs_database_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
    assert!(matches!(Store::open(dir.path()), Err(Error::Corrupt { .. })));
}

#[test]
fn data_dir_that_cannot_be_created_is_reported() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    assert!(matches!(Store::open(&file.join("data")), Err(Error::DataDir { .. })));
}

#[test]
fn facts_set_from_a_form_replace_lists_and_clear_what_was_left_empty() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Checkout latency", "2026-11-23T14:00:00+01:00");
    let mut facts = IncidentFacts {
        title: "Checkout latency".into(),
        kind: IncidentKind::Unscheduled,
        severity: Some(Severity::Sev2),
        owner: Some("ann".into()),
        commander: Some("bob".into()),
        services: vec!["checkout".into(), "db".into()],
        tags: vec!["pool".into()],
        tickets: vec!["INC-42".into()],
        chat_logs: vec!["https://chat.example.com/incident-42".into()],
        forum_links: vec![],
    };
    let set = store.set_facts(&id, facts.clone()).unwrap();
    assert_eq!(
        (set.severity, set.owner.as_deref(), set.commander.as_deref()),
        (Some(Severity::Sev2), Some("ann"), Some("bob"))
    );
    assert_eq!(set.services, ["checkout", "db"]);
    assert_eq!((set.tickets.len(), set.chat_logs.len()), (1, 1));

    facts.severity = None;
    facts.owner = Some("  ".into());
    facts.services = vec!["db".into(), " api ".into()];
    facts.tickets.clear();
    facts.title = "Checkout latency in eu-west".into();
    let set = store.set_facts(&id, facts).unwrap();
    assert_eq!((set.severity, set.owner), (None, None));
    let mut services = set.services.clone();
    services.sort();
    assert_eq!(services, ["api", "db"]);
    assert!(set.tickets.is_empty() && set.chat_logs.len() == 1);
    assert_eq!(set.title, "Checkout latency in eu-west");
}

#[test]
fn an_item_is_wont_do_only_with_a_reason_and_keeps_it_only_while_wont_do() {
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Pool", "2026-11-23T14:00:00+01:00");
    store.add_action_item(&id, NewActionItem { text: "Shard the queue".into(), ..Default::default() }).unwrap();
    let wont = |reason: Option<&str>| ActionChange {
        status: Some(ActionStatus::WontDo),
        reason: reason.map(str::to_string),
        ..Default::default()
    };
    for refused in [None, Some("  ")] {
        let error = store.update_action_item(&id, 1, wont(refused)).unwrap_err().to_string();
        assert!(error.contains("#1 of 2026-11-23-pool cannot be won't-do without a reason."), "{error}");
        assert!(error.contains("Nothing was changed; add one line saying why it will not be done"), "{error}");
    }
    assert_eq!(store.action_items(Some(&id)).unwrap()[0].status, ActionStatus::Open, "nothing changed");
    let reason_alone = ActionChange { reason: Some("too costly".into()), ..Default::default() };
    let error = store.update_action_item(&id, 1, reason_alone).unwrap_err().to_string();
    assert!(error.contains("#1 is open: a reason says why an item will not be done"), "{error}");

    let closed = store.update_action_item(&id, 1, wont(Some("superseded by the queue rewrite"))).unwrap();
    assert_eq!(
        (closed.status, closed.reason.as_deref()),
        (ActionStatus::WontDo, Some("superseded by the queue rewrite"))
    );
    let retitled = ActionChange { text: Some("Shard the old queue".into()), ..Default::default() };
    assert_eq!(store.update_action_item(&id, 1, retitled).unwrap().reason, closed.reason, "kept while won't-do");
    let reopened = ActionChange { status: Some(ActionStatus::Open), ..Default::default() };
    let reopened = store.update_action_item(&id, 1, reopened).unwrap();
    assert_eq!((reopened.status, reopened.reason.as_deref()), (ActionStatus::Open, None));
    assert_eq!(store.action_items(Some(&id)).unwrap()[0], reopened);
}

#[test]
fn action_items_of_a_database_from_before_wont_do_are_kept() {
    let dir = TempDir::new().unwrap();
    let id = {
        let mut store = Store::open(dir.path()).unwrap();
        let id = incident(&mut store, "Pool", "2026-11-23T14:00:00+01:00");
        let item =
            NewActionItem { text: "Alert on pool use".into(), owner: Some("carol".into()), ..Default::default() };
        store.add_action_item(&id, item).unwrap();
        store
            .update_action_item(&id, 1, ActionChange { status: Some(ActionStatus::Done), ..Default::default() })
            .unwrap();
        // As a version-6 database was: no reason, a status of open or done only, no contributing factors.
        store
            .conn
            .execute_batch(
                "CREATE TABLE old_items (
                     incident_id TEXT NOT NULL REFERENCES incidents (id), seq INTEGER NOT NULL, text TEXT NOT NULL,
                     owner TEXT, due TEXT, type TEXT, ticket TEXT,
                     status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
                     PRIMARY KEY (incident_id, seq)) STRICT;
                 INSERT INTO old_items SELECT incident_id, seq, text, owner, due, type, ticket, status FROM action_items;
                 DROP TABLE action_items; ALTER TABLE old_items RENAME TO action_items;
                 DROP TABLE contributing_factors; ALTER TABLE drafts DROP COLUMN started_from;
                 PRAGMA user_version = 6;",
            )
            .unwrap();
        id
    };
    let mut store = Store::open(dir.path()).unwrap();
    let items = store.action_items(Some(&id)).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].owner.as_deref(), items[0].status), (Some("carol"), ActionStatus::Done));
    let wont = ActionChange { status: Some(ActionStatus::WontDo), reason: Some("moot".into()), ..Default::default() };
    assert_eq!(store.update_action_item(&id, 1, wont).unwrap().status, ActionStatus::WontDo);
}

#[test]
fn a_chosen_template_replaces_only_a_draft_nobody_has_written_in() {
    use crate::postmortem::Template;
    let (_dir, mut store) = store();
    let id = incident(&mut store, "Ingress 503s", "2026-11-23T14:00:00+01:00");
    let default = Template::default();
    let team = Template::parse("## Overview\n\n## Corrective actions\n");
    let other = Template::parse("## What happened\n");
    store.postmortem(&id, &default).unwrap();
    let body = |store: &mut Store| store.postmortem(&id, &default).unwrap().draft.body;

    assert_eq!(
        store.choose_template(&id, &team, &default, false).unwrap(),
        TemplateChoice::Replaced { unwritten: true }
    );
    assert_eq!(store.choose_template(&id, &team, &default, false).unwrap(), TemplateChoice::Unchanged);
    // Started from the team's template, so still unwritten against a third one.
    assert_eq!(
        store.choose_template(&id, &other, &default, false).unwrap(),
        TemplateChoice::Replaced { unwritten: true }
    );
    assert_eq!(body(&mut store), other.body);

    store.conn.execute("UPDATE drafts SET body = body || 'Written.\n'", []).unwrap();
    assert_eq!(store.choose_template(&id, &team, &default, false).unwrap(), TemplateChoice::Written);
    assert!(body(&mut store).ends_with("Written.\n"), "left as it was");
    assert_eq!(
        store.choose_template(&id, &team, &default, true).unwrap(),
        TemplateChoice::Replaced { unwritten: false }
    );
    assert_eq!(body(&mut store), team.body);

    // A draft from before the template it started from was kept: unwritten when it is the default's.
    store.conn.execute("UPDATE drafts SET body = ?1, started_from = NULL", [&default.body]).unwrap();
    assert_eq!(
        store.choose_template(&id, &team, &default, false).unwrap(),
        TemplateChoice::Replaced { unwritten: true }
    );
}

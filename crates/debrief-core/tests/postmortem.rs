//! Post-mortem drafts end to end through the store: what they look like
//! (snapshots), that reading one back and writing it again changes nothing
//! (property tests), and that tables survive real-size timelines.

// A test's helpers may unwrap: a panic there is the test failing, with its message.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use debrief_core::factors::Themes;
use debrief_core::postmortem::{ConcernLevel, Template, factor_concerns, parse, render};
use debrief_core::{
    ActionChange, ActionStatus, ActionType, EntryKind, IncidentKind, IncidentUpdate, LinkKind, NewActionItem, NewEntry,
    NewFactor, NewIncident, Participant, Severity, Store,
};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use tempfile::TempDir;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn open_store() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

fn line(store: &mut Store, incident: &str, when: &str, who: Option<&str>, kind: EntryKind, text: &str) {
    let entry =
        NewEntry { at: Some(at(when)), who: who.map(str::to_string), kind, text: text.into(), source: "test".into() };
    store.append(incident, entry).unwrap();
}

fn draft(store: &mut Store, incident: &str) -> String {
    render(&store.postmortem(incident, &Template::default()).unwrap())
}

/// Imports `markdown` into a fresh store and renders it again.
fn round_trip(markdown: &str) -> String {
    let (_dir, mut fresh) = open_store();
    let report = fresh.import_postmortem(parse(markdown).unwrap(), None).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    draft(&mut fresh, &report.incident)
}

#[test]
fn short_incident() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Checkout latency".into(),
        severity: Some(Severity::Sev2),
        commander: Some("alice".into()),
        started_at: Some(at("2026-11-23T14:00:00+01:00")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-11-23T14:06:00+01:00", None, EntryKind::Detected, "p99 alert fired");
    line(&mut store, &id, "2026-11-23T14:12:00+01:00", Some("bob"), EntryKind::Action, "Restarted the pool on db-2");
    line(&mut store, &id, "2026-11-23T14:20:00+01:00", Some("alice"), EntryKind::Decision, "Shift traffic to eu-west");
    line(&mut store, &id, "2026-11-23T14:31:00+01:00", None, EntryKind::Mitigated, "");
    line(&mut store, &id, "2026-11-23T15:45:00+01:00", None, EntryKind::Resolved, "");
    let update = IncidentUpdate {
        owner: Some("carol".into()),
        add_services: vec!["checkout".into()],
        add_tags: vec!["database".into()],
        add_links: vec![(LinkKind::Ticket, "https://tracker.example.com/INC-7".into())],
        ..Default::default()
    };
    store.update_incident(&id, update).unwrap();
    let item = NewActionItem {
        text: "Alert on connection pool saturation".into(),
        owner: Some("carol".into()),
        due: NaiveDate::from_ymd_opt(2026, 12, 15),
        kind: Some(ActionType::Detective),
        ticket: Some("INC-8".into()),
    };
    store.add_action_item(&id, item).unwrap();
    let markdown = draft(&mut store, &id);
    insta::assert_snapshot!("short_incident", markdown);
    assert_eq!(round_trip(&markdown), markdown);

    // Files published before `date` and the blank lines around generated regions read back
    // without a warning, and are written again in today's form.
    let mut older =
        markdown.replace("date: 2026-11-23T14:00:00+01:00\n", "").replace("\n\n<!-- /debrief:", "\n<!-- /debrief:");
    for region in ["key-times", "timeline", "action-items", "participants", "links"] {
        older = older.replace(&format!("<!-- debrief:{region} -->\n\n"), &format!("<!-- debrief:{region} -->\n"));
    }
    assert!(older.contains("<!-- debrief:timeline -->\n| Time |") && !older.contains("\ndate:"), "{older}");
    assert_eq!(round_trip(&older), markdown);
}

#[test]
fn done_and_wont_do_items_carry_their_state_and_reason_into_the_file_and_back() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Queue backlog".into(),
        started_at: Some(at("2026-11-23T14:00:00+01:00")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    for text in ["Alert on queue depth", "Shard the queue", "Write the runbook"] {
        store.add_action_item(&id, NewActionItem { text: text.into(), ..Default::default() }).unwrap();
    }
    store.update_action_item(&id, 1, ActionChange { status: Some(ActionStatus::Done), ..Default::default() }).unwrap();
    let wont = ActionChange {
        status: Some(ActionStatus::WontDo),
        reason: Some("superseded by #3: the queue | is being replaced".into()),
        ..Default::default()
    };
    store.update_action_item(&id, 2, wont).unwrap();
    let markdown = draft(&mut store, &id);
    assert!(markdown.contains("    status: done\n"), "{markdown}");
    assert!(
        markdown.contains("    status: wont-do\n    reason: \"superseded by #3: the queue | is being replaced\"\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| won't do: superseded by #3: the queue \\| is being replaced |"),
        "the table says why, and the pipe stays inside its cell: {markdown}"
    );
    assert_eq!(round_trip(&markdown), markdown);
    let read = parse(&markdown).unwrap();
    let statuses: Vec<_> = read.facts.action_items.iter().map(|item| (item.status, item.reason.as_deref())).collect();
    assert_eq!(
        statuses,
        [
            (ActionStatus::Done, None),
            (ActionStatus::WontDo, Some("superseded by #3: the queue | is being replaced")),
            (ActionStatus::Open, None)
        ]
    );
}

#[test]
fn multi_day_incident_across_midnight_and_a_dst_change() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Replication lag over the clock change".into(),
        started_at: Some(at("2026-10-24T22:30:00+02:00")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-10-24T23:50:00+02:00", Some("erin"), EntryKind::Observation, "Replica lag at 40 s");
    line(&mut store, &id, "2026-10-25T00:20:00+02:00", None, EntryKind::Detected, "");
    line(
        &mut store,
        &id,
        "2026-10-25T02:30:00+02:00",
        Some("erin"),
        EntryKind::Note,
        "Last line before clocks go back",
    );
    line(&mut store, &id, "2026-10-25T02:15:00+01:00", Some("frank"), EntryKind::Note, "First line after, in CET");
    line(
        &mut store,
        &id,
        "2026-10-25T01:40:00Z",
        Some("gia"),
        EntryKind::Communication,
        "Status page updated (written in UTC)",
    );
    line(&mut store, &id, "2026-10-25T09:00:00+01:00", None, EntryKind::Mitigated, "");
    line(&mut store, &id, "2026-10-26T09:00:00+01:00", None, EntryKind::Resolved, "");
    let markdown = draft(&mut store, &id);
    insta::assert_snapshot!("multi_day_dst", markdown);
    assert_eq!(round_trip(&markdown), markdown);
}

#[test]
fn game_day_without_every_mark() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Game day: lose a zone".into(),
        kind: IncidentKind::GameDay,
        started_at: Some(at("2026-11-20T10:00:00-05:00")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-11-20T10:02:00-05:00", Some("hal"), EntryKind::Action, "Blocked traffic to us-east-1a");
    line(&mut store, &id, "2026-11-20T10:09:00-05:00", None, EntryKind::Detected, "Synthetic checks failed");
    let participant = Participant { name: "hal".into(), role: "decided".into() };
    store.update_incident(&id, IncidentUpdate { participants: vec![participant], ..Default::default() }).unwrap();
    let markdown = draft(&mut store, &id);
    assert!(!markdown.contains("to_mitigate") && !markdown.contains("length:"), "durations are never invented");
    insta::assert_snapshot!("game_day", markdown);
    assert_eq!(round_trip(&markdown), markdown);
}

#[test]
fn team_template() {
    let template = Template::parse(
        "<!-- debrief:template Our team's sections. -->\n## What happened\n<!-- How would you describe it to a new hire? -->\n\
         <!-- debrief:required -->\n\n## Timeline\n<!-- debrief:timeline -->\n\n## Follow-ups\n<!-- debrief:action-items -->\n",
    );
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Queue backlog".into(),
        started_at: Some(at("2026-11-23T08:00:00Z")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-11-23T08:05:00Z", Some("ivy"), EntryKind::Note, "Backlog at 2M messages");
    let postmortem = store.postmortem(&id, &template).unwrap();
    let markdown = render(&postmortem);
    insta::assert_snapshot!("team_template", markdown);
    let concerns = debrief_core::postmortem::check(&postmortem, &template, &Default::default());
    assert!(concerns.iter().any(|concern| concern.message.contains("\"What happened\" is required and empty")));
}

#[test]
fn a_200_line_timeline_renders_as_one_intact_table() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Long night".into(),
        started_at: Some(at("2026-11-23T22:00:00+01:00")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    let kinds =
        [EntryKind::Note, EntryKind::Action, EntryKind::Observation, EntryKind::Communication, EntryKind::Decision];
    let texts = [
        "Error rate 12% | p99 2.4 s",
        "<bob> pasted: ERROR pool exhausted\nretrying in 5s",
        "Rolled back deploy `a1b2c3` *again*",
        "Paged DBA on-call \\ escalated",
        "Customers report 502s on /checkout & /cart",
    ];
    for number in 0..200 {
        let minute = 22 * 60 + number * 3;
        let when = if minute < 24 * 60 {
            format!("2026-11-23T{:02}:{:02}:00+01:00", minute / 60, minute % 60)
        } else {
            format!("2026-11-24T{:02}:{:02}:00+01:00", (minute - 24 * 60) / 60, minute % 60)
        };
        let who = ["ann", "bob", "cy"][number % 3];
        line(&mut store, &id, &when, Some(who), kinds[number % kinds.len()], texts[number % texts.len()]);
    }
    let markdown = draft(&mut store, &id);
    let mut tables = Vec::new();
    let mut cells_in_row = 0;
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(columns)) => tables.push((columns.len(), 0, true)),
            Event::Start(Tag::TableRow) => cells_in_row = 0,
            Event::Start(Tag::TableCell) => cells_in_row += 1,
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = tables.last_mut() {
                    table.1 += 1;
                    table.2 &= cells_in_row == table.0;
                }
            }
            _ => {}
        }
    }
    let timeline = tables.iter().find(|(columns, _, _)| *columns == 4).expect("a timeline table");
    assert_eq!(timeline.1, 200, "every line is one body row");
    assert!(timeline.2, "every row has the table's 4 cells");
    assert_eq!(round_trip(&markdown), markdown);
}

#[test]
fn unknown_front_matter_keys_and_comments_are_kept_verbatim() {
    let (_dir, mut store) = open_store();
    let new = NewIncident { title: "Keys".into(), started_at: Some(at("2026-11-23T08:00:00Z")), ..Default::default() };
    let id = store.create_incident(new).unwrap().id;
    let markdown = draft(&mut store, &id);
    let extra = "# kept with the key below\nlayout: postmortem\nreviewers:\n  - name: Zoë\n    team: sre   # trailing comment\n";
    let with_extra = markdown.replacen("\n---\n\n#", &format!("\n{extra}---\n\n#"), 1);
    assert_ne!(with_extra, markdown);
    assert_eq!(round_trip(&with_extra), with_extra);
}

#[test]
fn malformed_front_matter_is_reported_with_its_line() {
    let broken = "---\nid: x-1\ntitle: [unclosed\nkind: unscheduled\n---\n# X\n";
    let error = parse(broken).unwrap_err().to_string();
    assert!(error.starts_with("line 3:") && error.contains("title"), "{error}");
    let unterminated = "---\nid: x-1\ntitle: X\n";
    assert!(parse(unterminated).unwrap_err().to_string().contains("never ends"));
    let bad_time = "---\ntitle: X\nstarted: yesterday\n---\n";
    assert!(parse(bad_time).unwrap_err().to_string().starts_with("line 3:"));
}

#[test]
fn duplicate_keys_are_reported_with_both_lines() {
    let error = parse("---\ntitle: A\nowner: x\ntitle: B\n---\n").unwrap_err().to_string();
    assert!(error.starts_with("line 4:") && error.contains("first on line 2"), "{error}");
}

#[test]
fn a_hand_edited_timeline_with_broken_rows_is_kept_as_prose() {
    let (_dir, mut store) = open_store();
    let new =
        NewIncident { title: "Edited".into(), started_at: Some(at("2026-11-23T08:00:00Z")), ..Default::default() };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-11-23T08:05:00Z", Some("ivy"), EntryKind::Note, "Backlog growing");
    let markdown = draft(&mut store, &id);
    let broken = markdown.replace(
        "| 2026-11-23 08:05:00 +00:00 | ivy | note | Backlog growing |",
        "| around 8 | ivy | note | Backlog growing |",
    );
    let (_other, mut fresh) = open_store();
    let report = fresh.import_postmortem(parse(&broken).unwrap(), None).unwrap();
    assert_eq!(report.entries_added, 0);
    assert!(report.warnings[0].message.contains("timeline table cannot be read"), "{:?}", report.warnings);
    let redrafted = draft(&mut fresh, &id);
    assert!(redrafted.contains("| around 8 | ivy | note | Backlog growing |"), "the edited table is kept: {redrafted}");
}

#[test]
fn a_hand_edited_generated_table_is_kept_not_overwritten() {
    let (_dir, mut store) = open_store();
    let new = NewIncident {
        title: "Edited".into(),
        commander: Some("ann".into()),
        started_at: Some(at("2026-11-23T08:00:00Z")),
        ..Default::default()
    };
    let id = store.create_incident(new).unwrap().id;
    let markdown = draft(&mut store, &id);
    let edited = markdown.replace("| ann | commander |", "| ann | commander (first hour) |");
    let report = store.import_postmortem(parse(&edited).unwrap(), Some(&id)).unwrap();
    assert!(report.warnings.iter().any(|warning| warning.message.contains("participants table were edited by hand")));
    assert!(draft(&mut store, &id).contains("| ann | commander (first hour) |"));
}

#[test]
fn importing_merges_and_never_removes_timeline_lines() {
    let (_dir, mut store) = open_store();
    let new = NewIncident { title: "Merge".into(), started_at: Some(at("2026-11-23T08:00:00Z")), ..Default::default() };
    let id = store.create_incident(new).unwrap().id;
    line(&mut store, &id, "2026-11-23T08:05:00Z", None, EntryKind::Note, "kept locally");
    let published = draft(&mut store, &id);
    line(&mut store, &id, "2026-11-23T08:10:00Z", None, EntryKind::Note, "typed after publishing");
    let teammate = published.replace(
        "| 2026-11-23 08:05:00 +00:00 |  | note | kept locally |\n",
        "| 2026-11-23 08:05:00 +00:00 |  | note | kept locally |\n| 2026-11-23 08:07:00 +00:00 | zed | note | added by a teammate |\n",
    );
    let report = store.import_postmortem(parse(&teammate).unwrap(), None).unwrap();
    assert_eq!((report.created, report.entries_added), (false, 1));
    let texts: Vec<String> = store.timeline(&id).unwrap().into_iter().map(|entry| entry.text).collect();
    assert_eq!(texts, ["kept locally", "added by a teammate", "typed after publishing"]);
}

#[test]
fn a_key_time_changed_in_the_front_matter_becomes_a_mark() {
    let (_dir, mut store) = open_store();
    let new = NewIncident { title: "Marks".into(), started_at: Some(at("2026-11-23T08:00:00Z")), ..Default::default() };
    let id = store.create_incident(new).unwrap().id;
    let markdown = draft(&mut store, &id).replace(
        "started: 2026-11-23T08:00:00+00:00\n",
        "started: 2026-11-23T08:00:00+00:00\ndetected: 2026-11-23T09:15:00+01:00\n",
    );
    let report = store.import_postmortem(parse(&markdown).unwrap(), Some(&id)).unwrap();
    assert_eq!(report.marks_added, 1);
    let incident = store.incident(&id).unwrap();
    assert_eq!(incident.detected_at, Some(at("2026-11-23T09:15:00+01:00")), "the offset it was written with is kept");
}

#[test]
fn a_hand_written_post_mortem_without_front_matter_needs_a_start() {
    let (_dir, mut store) = open_store();
    let error = store.import_postmortem(parse("# Outage\n\nSomething broke.\n").unwrap(), None).unwrap_err();
    assert!(error.to_string().contains("started"), "{error}");
    let with_start = "---\nstarted: 2026-11-23T08:00:00Z\n---\n\n# Outage on 23 November\n\nSomething broke.\n";
    let report = store.import_postmortem(parse(with_start).unwrap(), None).unwrap();
    assert_eq!(report.incident, "2026-11-23-outage-on-23-november");
    assert!(draft(&mut store, &report.incident).ends_with("# Outage on 23 November\n\nSomething broke.\n"));
    // A post written for Jekyll or Hugo gives its start as `date`.
    let jekyll = "---\nlayout: post\ndate: 2026-11-24 09:30:00 +0100\n---\n\n# Queue backlog\n\nMessages piled up.\n";
    let report = store.import_postmortem(parse(jekyll).unwrap(), None).unwrap();
    assert_eq!(store.incident(&report.incident).unwrap().started_at, at("2026-11-24T09:30:00+01:00"));
    assert!(
        draft(&mut store, &report.incident)
            .contains("\ndate: 2026-11-24T09:30:00+01:00\nstarted: 2026-11-24T09:30:00+01:00\n")
    );
}

fn with_factors(store: &mut Store, factors: &[(&str, Option<&str>)]) -> debrief_core::postmortem::Postmortem {
    let id = store.create_incident(NewIncident { title: "Pool".into(), ..Default::default() }).unwrap().id;
    for (text, theme) in factors {
        store.add_factor(&id, NewFactor { text: (*text).into(), theme: theme.map(String::from) }).unwrap();
    }
    store.postmortem(&id, &Template::default()).unwrap()
}

#[test]
fn themes_the_team_does_not_list_are_noted_and_kept() {
    let (_dir, mut store) = open_store();
    let postmortem = with_factors(
        &mut store,
        &[
            ("Pool sized for last year", Some("capacity")),
            ("The vendor changed its limits", Some("Third party")),
            ("Nobody knew the failover", None),
        ],
    );
    let concerns = factor_concerns(&postmortem, &Themes::default());
    assert_eq!(concerns.len(), 2, "{concerns:?}");
    assert!(
        concerns.iter().all(|concern| concern.level == ConcernLevel::Note && concern.kind == "contributing-factor")
    );
    assert!(concerns[0].message.contains("#2 has the theme `third-party`") && concerns[0].message.contains("kept"));
    assert!(concerns[1].message.contains("#3 has no theme"), "{}", concerns[1].message);
    assert_eq!(postmortem.contributing_factors[1].theme.as_deref(), Some("third-party"));
    assert!(render(&postmortem).contains("    theme: third-party\n"), "published as kept");
    let team =
        Themes::from_toml("[[themes]]\nid = \"third-party\"\ndescription = \"Vendors.\"\n", ".debrief/factors.toml")
            .unwrap();
    let concerns = factor_concerns(&postmortem, &team);
    assert!(concerns[0].message.contains("#1 has the theme `capacity`"), "{}", concerns[0].message);
    assert!(concerns[0].message.contains(".debrief/factors.toml"), "{}", concerns[0].message);
}

#[test]
fn a_write_up_without_factors_gets_one_note() {
    let (_dir, mut store) = open_store();
    let concerns = factor_concerns(&with_factors(&mut store, &[]), &Themes::default());
    assert_eq!(concerns.len(), 1);
    assert_eq!((concerns[0].kind, concerns[0].level), ("no-contributing-factors", ConcernLevel::Note));
}

fn clean_text() -> impl Strategy<Value = String> {
    // Words from several scripts and the characters Markdown and YAML treat specially.
    let word = prop::sample::select(vec![
        "error",
        "Störung",
        "東京",
        "🔥",
        "a|b",
        "<b>",
        "&amp;",
        "back\\slash",
        "*bold*",
        "`code`",
        "#tag",
        "key: value",
        "- dash",
        "'quote'",
        "\"dq\"",
        "yes",
        "2026-11-23",
        "100%",
        "@alice",
        "/decision",
        "{{ .Values.tag }}",
        "{% if prod %}",
    ]);
    prop::collection::vec((word, prop::sample::select(vec![" ", " ", "\n", ", "])), 1..8).prop_map(|parts| {
        let joined: String = parts.into_iter().map(|(word, separator)| format!("{word}{separator}")).collect();
        joined.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
    })
}

fn label() -> impl Strategy<Value = String> {
    clean_text().prop_map(|text| text.replace('\n', " "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn draft_import_draft_is_the_identity(
        title in label(),
        lines in prop::collection::vec((0i64..5_000, prop::option::of(label()), 0usize..8, clean_text()), 0..12),
        services in prop::collection::vec(label(), 0..3),
        items in prop::collection::vec((label(), prop::option::of(label()), prop::option::of(0u32..400)), 0..3),
        factors in prop::collection::vec((label(), prop::option::of("[a-z]{1,8}(-[a-z]{1,6})?")), 0..3),
        extra_keys in prop::collection::vec(("[a-z][a-z_]{0,8}x", label()), 0..3),
    ) {
        let (_dir, mut store) = open_store();
        let started = at("2026-11-23T10:00:00+01:00");
        let id = store.create_incident(NewIncident { title, started_at: Some(started), ..Default::default() }).unwrap().id;
        let kinds = EntryKind::ALL;
        for (minutes, who, kind, text) in lines {
            let entry = NewEntry {
                at: Some(started + chrono::Duration::minutes(minutes)),
                who,
                kind: kinds[kind % kinds.len()],
                text,
                source: "test".into(),
            };
            store.append(&id, entry).unwrap();
        }
        store.update_incident(&id, IncidentUpdate { add_services: services, ..Default::default() }).unwrap();
        for (text, owner, due_in) in items {
            let due = due_in.and_then(|days| NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().checked_add_days(chrono::Days::new(days.into())));
            store.add_action_item(&id, NewActionItem { text, owner, due, ..Default::default() }).unwrap();
        }
        for (text, theme) in factors {
            store.add_factor(&id, NewFactor { text, theme }).unwrap();
        }
        let mut markdown = draft(&mut store, &id);
        let mut extra = String::new();
        for (key, value) in extra_keys {
            if !extra.contains(&format!("\n{key}:")) && !extra.starts_with(&format!("{key}:")) {
                extra.push_str(&format!("{key}: {}\n", serde_json::to_string(&value).unwrap()));
            }
        }
        let front_matter_end = markdown[3..].find("\n---\n").unwrap() + 4;
        markdown.insert_str(front_matter_end, &extra);
        prop_assert_eq!(round_trip(&markdown), markdown);
    }
}

/// A team's template that says its timeline is told in one zone ("All times in UTC.", Google's
/// "(all times in Pacific Time)") gets its key times and rows in that zone, and the facts it asks
/// for too; the file reads back to the same instants, and a template that says nothing keeps
/// each time as it was captured.
#[test]
fn a_timeline_whose_template_states_its_zone_is_shown_in_that_zone() {
    let drafted = |template: &str| {
        let (_dir, mut store) = open_store();
        let new = NewIncident {
            title: "Checkout latency".into(),
            started_at: Some(at("2026-11-23T23:30:00+01:00")),
            ..Default::default()
        };
        let id = store.create_incident(new).unwrap().id;
        line(&mut store, &id, "2026-11-23T23:36:00+01:00", None, EntryKind::Detected, "p99 alert fired");
        line(&mut store, &id, "2026-11-24T00:12:00+01:00", Some("bob"), EntryKind::Action, "Restarted the pool");
        render(&store.postmortem(&id, &Template::parse(template)).unwrap())
    };
    let markdown = drafted(
        "**Date:** YYYY-MM-DD\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n|---|---|\n| HH:MM | x |\n",
    );
    for shown in [
        "**Date:** 2026-11-23\n",
        "- **Started:** 2026-11-23 22:30:00 +00:00\n",
        "| 2026-11-23 22:36:00 +00:00 |  | detected | p99 alert fired |",
        "| 2026-11-23 23:12:00 +00:00 | bob | action | Restarted the pool |",
    ] {
        assert!(markdown.contains(shown), "{shown:?} in\n{markdown}");
    }
    // Read back, the same instants: the body is the same, and the front matter's detection (read
    // from the timeline's row) is the same moment, told in UTC as the row tells it.
    let again = round_trip(&markdown);
    let body = |markdown: &str| markdown[markdown.find("\n# ").unwrap()..].to_string();
    assert_eq!(body(&again), body(&markdown));
    assert!(again.contains("detected: 2026-11-23T22:36:00+00:00\n"), "{again}");

    let markdown = drafted(
        "## Timeline\n> (all times in Pacific Time)\n\n<!-- debrief:key-times -->\n\n<!-- debrief:timeline -->\n",
    );
    assert!(markdown.contains("- **Started:** 2026-11-23 14:30:00 -08:00\n"), "{markdown}");
    assert!(markdown.contains("| 2026-11-23 15:12:00 -08:00 | bob |"), "{markdown}");

    // A template saying nothing, or saying it in a comment for the writer, keeps each time as captured.
    let markdown = drafted("## Timeline\n<!-- Give times in UTC. -->\n<!-- debrief:timeline -->\n");
    assert!(markdown.contains("| 2026-11-24 00:12:00 +01:00 | bob |"), "as captured: {markdown}");
}

//! Each command as people and scripts use it.

use crate::util::{Debrief, has_dated_time};

#[test]
fn new_prints_a_dated_id_and_numbers_duplicates() {
    let debrief = Debrief::new();
    assert_eq!(
        debrief.ok(&["new", "Checkout", "latency", "--at", "2026-11-23T14:00:00+01:00"]),
        "2026-11-23-checkout-latency\n"
    );
    assert_eq!(debrief.new_incident("Checkout latency", "2026-11-23T18:00:00+01:00"), "2026-11-23-checkout-latency-2");
}

#[test]
fn new_records_kind_severity_commander_and_start() {
    let debrief = Debrief::new();
    let incident = debrief.json(&[
        "new",
        "Zone failover drill",
        "--kind",
        "game-day",
        "--severity",
        "P3",
        "--commander",
        "alice",
        "--at",
        "2026-11-23T09:00:00-05:00",
        "--format",
        "json",
    ]);
    assert_eq!(incident["id"], "2026-11-23-zone-failover-drill");
    assert_eq!(incident["kind"], "game-day");
    assert_eq!(incident["severity"], "SEV3");
    assert_eq!(incident["commander"], "alice");
    assert_eq!(incident["started_at"], "2026-11-23T09:00:00-05:00");
    assert_eq!(incident["participants"][0]["role"], "commander");
}

#[test]
fn list_json_has_the_fields_scripts_need_most_recent_first() {
    let debrief = Debrief::new();
    debrief.new_incident("Older", "2026-11-20T10:00:00Z");
    debrief.ok(&["new", "Newer", "--at", "2026-11-23T10:00:00Z", "--severity", "1"]);
    let list = debrief.json(&["list", "--format", "json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], "2026-11-23-newer");
    for field in ["id", "title", "status", "severity", "started_at"] {
        assert!(list[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(list[0]["status"], "open");
    assert_eq!(list[0]["severity"], "SEV1");
    assert_eq!(list[1]["severity"], serde_json::Value::Null);
}

#[test]
fn list_text_shows_dates_and_zones_and_open_filters() {
    let debrief = Debrief::new();
    assert!(debrief.ok(&["list"]).contains("No incidents yet"));
    let done = debrief.new_incident("Done", "2026-11-20T10:00:00Z");
    debrief.new_incident("Ongoing", "2026-11-23T10:00:00Z");
    debrief.ok(&["mark", "resolved", "--incident", &done, "--at", "2026-11-20T12:00:00Z"]);
    let text = debrief.ok(&["list"]);
    assert!(text.lines().all(has_dated_time), "{text}");
    assert!(text.contains("resolved") && text.contains("Ongoing"));
    let open = debrief.ok(&["list", "--open"]);
    assert!(open.contains("Ongoing") && !open.contains("Done"), "{open}");
}

#[test]
fn log_goes_to_the_most_recently_started_open_incident() {
    let debrief = Debrief::new();
    let older = debrief.new_incident("Older", "2026-11-20T10:00:00Z");
    let newer = debrief.new_incident("Newer", "2026-11-23T10:00:00Z");
    debrief.ok(&["log", "goes", "to", "newer"]);
    debrief.ok(&["mark", "resolved"]);
    debrief.ok(&["log", "now", "goes", "to", "older"]);
    assert_eq!(debrief.texts(&newer), ["goes to newer", "Resolved"]);
    assert_eq!(debrief.texts(&older), ["now goes to older"]);
    debrief.ok(&["log", "--incident", &newer, "follow-up after resolution"]);
    assert_eq!(debrief.texts(&newer).len(), 3);
}

#[test]
fn log_records_who_kind_time_and_source() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Pool", "2026-11-23T14:00:00+01:00");
    let ack = debrief.ok(&[
        "log",
        "--who",
        "alice",
        "--kind",
        "action",
        "--at",
        "2026-11-23T14:07:00+01:00",
        "Restarted",
        "the",
        "pool",
    ]);
    assert!(ack.starts_with("saved #1 at 2026-11-23 14:07:00 +01:00"), "{ack}");
    let entry = &debrief.timeline(&id)[0];
    assert_eq!(entry["id"], 1);
    assert_eq!(entry["at"], "2026-11-23T14:07:00+01:00");
    assert_eq!(entry["who"], "alice");
    assert_eq!(entry["kind"], "action");
    assert_eq!(entry["text"], "Restarted the pool");
    assert_eq!(entry["source"], "cli");
    let incident = debrief.json(&["list", "--format", "json"]);
    assert_eq!(incident[0]["participants"][0]["name"], "alice");
}

#[test]
fn log_dash_reads_a_multi_line_paste_from_stdin() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Paste", "2026-11-23T14:00:00+01:00");
    let paste = "[14:02] <alice> db-2 is down\n[14:03] <bob> failing over | eta 5m\n";
    debrief.ok_with_stdin(&["log", "--kind", "communication", "-"], Some(paste.as_bytes()));
    assert_eq!(debrief.texts(&id), [paste.trim()]);
    let markdown = debrief.ok(&["timeline", &id, "--format", "md"]);
    assert_eq!(markdown.lines().count(), 3, "a paste stays one table row: {markdown}");
    assert!(markdown.contains("failing over \\| eta 5m"));
}

#[test]
fn time_forms_are_understood_and_shown_with_date_and_zone() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Times", "-2h");
    debrief.ok(&["log", "--at", "-5m", "relative"]);
    debrief.ok(&["log", "--at", "2026-11-23 14:05", "local date and time"]);
    debrief.ok(&["log", "--at", "14:05:30", "time of day"]);
    let entries = debrief.timeline(&id);
    let at = |text: &str| {
        let entry = entries.iter().find(|entry| entry["text"] == text).unwrap();
        chrono::DateTime::parse_from_rfc3339(entry["at"].as_str().unwrap()).unwrap()
    };
    let offset = at("local date and time").offset().local_minus_utc();
    assert_eq!(offset, 3600, "Berlin in November is UTC+01:00");
    assert_eq!(at("local date and time").to_rfc3339(), "2026-11-23T14:05:00+01:00");
    assert_eq!(at("time of day").format("%H:%M:%S").to_string(), "14:05:30");
    let minutes_ago = (chrono::Utc::now() - at("relative").to_utc()).num_minutes();
    assert!((4..=6).contains(&minutes_ago), "-5m was {minutes_ago} minutes ago");
    let text = debrief.ok(&["timeline", &id]);
    for line in text.lines().filter(|line| line.trim_start().starts_with('#')) {
        assert!(has_dated_time(line), "entry line without date and zone: {line}");
    }
}

#[test]
fn multi_day_incident_never_shows_a_bare_time() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Long one", "2026-11-23T23:40:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T23:55:00+01:00", "before midnight"]);
    debrief.ok(&["log", "--at", "2026-11-24T00:20:00+01:00", "after midnight"]);
    debrief.ok(&["mark", "resolved", "--at", "2026-11-25T09:00:00+01:00"]);
    let text = debrief.ok(&["timeline", &id]);
    assert!(text.contains("2026-11-23 23:55:00 +01:00") && text.contains("2026-11-24 00:20:00 +01:00"), "{text}");
    assert!(text.contains("1d 9h after the start"), "{text}");
}

#[test]
fn marks_set_key_times_status_and_durations() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Marks", "2026-11-23T14:00:00+01:00");
    let ack = debrief.ok(&["mark", "detected", "--at", "2026-11-23T14:05:00+01:00"]);
    assert!(ack.contains("5m after the start"), "{ack}");
    debrief.ok(&["mark", "mitigated", "--at", "2026-11-23T14:40:00+01:00", "Traffic", "moved", "to", "eu-west"]);
    let incident = &debrief.json(&["list", "--format", "json"])[0];
    assert_eq!(incident["status"], "mitigated");
    assert_eq!(incident["detected_at"], "2026-11-23T14:05:00+01:00");
    assert_eq!(incident["mitigated_at"], "2026-11-23T14:40:00+01:00");
    assert_eq!(incident["resolved_at"], serde_json::Value::Null);
    let kinds: Vec<_> = debrief.timeline(&id).iter().map(|entry| entry["kind"].clone()).collect();
    assert_eq!(kinds, ["detected", "mitigated"]);
    assert_eq!(debrief.texts(&id), ["Detected", "Traffic moved to eu-west"]);
    debrief.ok(&["mark", "resolved", "--at", "2026-11-23T16:00:00+01:00"]);
    assert_eq!(debrief.json(&["list", "--format", "json"])[0]["status"], "resolved");
}

#[test]
fn timeline_is_in_time_order_in_every_format() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Order", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:30:00+01:00", "third"]);
    debrief.ok(&["log", "--at", "2026-11-23T14:10:00+01:00", "first"]);
    debrief.ok(&["log", "--at", "2026-11-23T13:20:00Z", "second, from a colleague in UTC"]);
    assert_eq!(debrief.texts(&id), ["first", "second, from a colleague in UTC", "third"]);
    let text = debrief.ok(&["timeline", &id]);
    let first = text.find("first").unwrap();
    assert!(first < text.find("second").unwrap() && text.find("second").unwrap() < text.find("third").unwrap());
    let markdown = debrief.ok(&["timeline", &id, "--format", "md"]);
    assert!(markdown.starts_with("| Time | Who | Kind | What happened |\n|---|---|---|---|\n"), "{markdown}");
    assert!(markdown.contains("| 2026-11-23 13:20:00 +00:00 |  | note | second, from a colleague in UTC |"));
}

#[test]
fn edit_corrects_text_and_time_and_keeps_history() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Edits", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:10:00+01:00", "restartd db-1"]);
    debrief.ok(&["edit", "#1", "--text", "restarted db-2"]);
    debrief.ok(&["edit", "1", "--incident", &id, "--at", "2026-11-23T14:08:00+01:00"]);
    let entry = &debrief.timeline(&id)[0];
    assert_eq!(entry["text"], "restarted db-2");
    assert_eq!(entry["at"], "2026-11-23T14:08:00+01:00");
    let history = entry["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[0]["field"].as_str(), history[0]["old"].as_str()), (Some("text"), Some("restartd db-1")));
    assert_eq!(
        (history[1]["field"].as_str(), history[1]["old"].as_str()),
        (Some("at"), Some("2026-11-23T14:10:00+01:00"))
    );
    assert!(debrief.ok(&["timeline", &id]).contains("(edited)"));
}

#[test]
fn completions_are_generated_for_common_shells() {
    let debrief = Debrief::new();
    for shell in ["bash", "zsh", "fish"] {
        assert!(debrief.ok(&["completions", shell]).contains("debrief"), "{shell}");
    }
}

#[test]
fn help_shows_examples() {
    let debrief = Debrief::new();
    assert!(debrief.ok(&["--help"]).contains("Examples:"));
    for command in ["new", "list", "log", "mark", "capture", "timeline", "edit"] {
        assert!(debrief.ok(&[command, "--help"]).contains("Examples:"), "{command}");
    }
}

#[test]
fn no_colour_when_piped_or_asked() {
    let debrief = Debrief::new();
    debrief.new_incident("Colour", "2026-11-23T14:00:00+01:00");
    assert!(!debrief.ok(&["list"]).contains('\u{1b}'), "piped output has no escape codes");
    let output = debrief.command().args(["list"]).env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn logs_go_to_a_file_in_the_data_directory_without_timeline_text() {
    let debrief = Debrief::new();
    debrief.new_incident("Logging", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "password=hunter2 pasted by mistake"]);
    let logs: Vec<_> =
        std::fs::read_dir(debrief.home().join("logs")).unwrap().map(|entry| entry.unwrap().path()).collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    let content = std::fs::read_to_string(&logs[0]).unwrap();
    assert!(content.contains("incident created"), "{content}");
    assert!(!content.contains("hunter2"));
}

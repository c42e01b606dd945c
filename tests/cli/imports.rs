//! Imports as a commander would run them at the end of a night: a Slack export (as a
//! directory and as the zip Slack gives), IRC and plain chat logs that cross midnight, a
//! repository with commits at chosen dates, and a second responder's timeline. Each is
//! imported twice (the second adds nothing) and tried with `--dry-run` (which writes nothing).

use std::io::Write;
use std::path::Path;
use std::process::Output;

use chrono::DateTime;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::remotes::git;
use crate::util::{Debrief, one_line};

/// An incident that starts late in the evening, Berlin time, so its chat crosses midnight.
fn evening_incident(debrief: &Debrief) -> String {
    debrief.new_incident("Checkout latency", "2026-11-23T23:30:00+01:00")
}

/// `text` given to `import log -` in Berlin's zone, into a new incident on the evening of
/// 2026-11-23: the exit status with what was said, and the timeline's lines without the source.
fn import_pasted(text: &str) -> (Option<i32>, String, Vec<String>) {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let output = debrief.run(&["import", "log", "-", "--zone", "Europe/Berlin"], Some(text.as_bytes()));
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), stderr(&output));
    let imported = lines(&debrief, &id).iter().map(|line| line.replace(" | irc:stdin", "")).collect();
    (output.status.code(), said, imported)
}

fn import(debrief: &Debrief, args: &[&str]) -> (Value, Output) {
    let mut full = vec!["import"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--output", "json"]);
    let output = debrief.run(&full, None);
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (report, output)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a line is, leaving out when it was recorded: `at | who | kind | text | source`.
fn lines(debrief: &Debrief, incident: &str) -> Vec<String> {
    debrief
        .timeline(incident)
        .iter()
        .map(|entry| {
            format!(
                "{} | {} | {} | {} | {}",
                entry["at"].as_str().unwrap(),
                entry["who"].as_str().unwrap_or("-"),
                entry["kind"].as_str().unwrap(),
                entry["text"].as_str().unwrap(),
                entry["source"].as_str().unwrap()
            )
        })
        .collect()
}

// ---------------------------------------------------------------- Slack

/// Slack's `ts` for a time: seconds since the epoch with microseconds.
fn ts(rfc3339: &str, micros: u32) -> String {
    format!("{}.{micros:06}", DateTime::parse_from_rfc3339(rfc3339).unwrap().timestamp())
}

/// The files of a small but realistic export of a workspace with an incident channel.
fn slack_export() -> Vec<(String, Vec<u8>)> {
    let users = json!([
        {"id": "U01ALICE", "name": "alice", "real_name": "Alice Ng", "profile": {"display_name": "alice", "real_name": "Alice Ng"}},
        {"id": "U02BOB", "name": "bob.k", "real_name": "Bob Kim", "profile": {"display_name": "", "real_name": "Bob Kim"}},
    ]);
    let channels = json!([
        {"id": "C100", "name": "incident-42", "created": 1_795_000_000},
        {"id": "C200", "name": "ops", "created": 1_700_000_000},
    ]);
    let parent = ts("2026-11-23T23:41:00+01:00", 100);
    let first_day = json!([
        {"type": "message", "subtype": "channel_join", "ts": ts("2026-11-23T23:35:00+01:00", 0), "user": "U02BOB", "text": "<@U02BOB> has joined the channel"},
        {"type": "message", "subtype": "bot_message", "ts": ts("2026-11-23T23:36:00+01:00", 0), "username": "PagerDuty", "bot_id": "B1", "text": "",
         "attachments": [{"fallback": "Triggered: checkout p99 > 2s", "title": "Triggered #4211: checkout p99 > 2s", "title_link": "https://acme.pagerduty.com/incidents/4211"}]},
        {"type": "message", "ts": ts("2026-11-23T23:40:00+01:00", 0), "user": "U01ALICE",
         "text": "<!here> checkout is *slow*, <@U02BOB> can you look at <https://grafana.example.com/d/pool?from=now-1h&amp;to=now|the pool graph>? see <#C200|ops>"},
        {"type": "message", "ts": parent, "user": "U02BOB", "text": "db-2 pool is full", "thread_ts": parent, "reply_count": 1,
         "edited": {"user": "U02BOB", "ts": ts("2026-11-23T23:42:30+01:00", 0)}},
        {"type": "message", "ts": ts("2026-11-23T23:43:00+01:00", 0), "user": "U02BOB", "text": "raising it to 50 ~now~ after the deploy",
         "thread_ts": parent, "parent_user_id": "U02BOB"},
        {"type": "message", "ts": ts("2026-11-23T23:50:00+01:00", 0), "user": "U09GHOST", "text": "from the vendor: ```ERROR pool &lt;exhausted&gt;```"},
        {"type": "message", "subtype": "channel_leave", "ts": ts("2026-11-23T23:55:00+01:00", 0), "user": "U09GHOST", "text": "left"},
    ]);
    let second_day = json!([
        {"type": "message", "ts": ts("2026-11-24T00:05:00+01:00", 0), "user": "U01ALICE", "text": "error rate back to normal",
         "files": [{"id": "F1", "name": "p99.png", "title": "p99 after the fix", "permalink": "https://acme.slack.com/files/U01ALICE/F1/p99.png"}]},
    ]);
    // A message long before the incident, outside the default window.
    let old_day =
        json!([{"type": "message", "ts": ts("2026-11-20T10:00:00+01:00", 0), "user": "U01ALICE", "text": "old"}]);
    let bytes = |value: &Value| serde_json::to_vec_pretty(value).unwrap();
    vec![
        ("users.json".into(), bytes(&users)),
        ("channels.json".into(), bytes(&channels)),
        ("incident-42/2026-11-20.json".into(), bytes(&old_day)),
        ("incident-42/2026-11-23.json".into(), bytes(&first_day)),
        ("incident-42/2026-11-24.json".into(), bytes(&second_day)),
        (
            "ops/2026-11-23.json".into(),
            bytes(
                &json!([{"type": "message", "ts": ts("2026-11-23T23:45:00+01:00", 0), "user": "U01ALICE", "text": "elsewhere"}]),
            ),
        ),
    ]
}

fn write_directory(root: &Path, files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

const SLACK_LINES: [&str; 6] = [
    "2026-11-23T23:36:00+01:00 | PagerDuty | note | [Triggered #4211: checkout p99 > 2s](https://acme.pagerduty.com/incidents/4211) | slack:#incident-42",
    "2026-11-23T23:40:00+01:00 | alice | note | @here checkout is **slow**, @Bob Kim can you look at [the pool graph](https://grafana.example.com/d/pool?from=now-1h&to=now)? see #ops | slack:#incident-42",
    "2026-11-23T23:41:00.000100+01:00 | Bob Kim | note | db-2 pool is full (edited 2026-11-23 23:42:30 +01:00) | slack:#incident-42",
    "2026-11-23T23:43:00+01:00 | Bob Kim | note | (reply in the thread started at 2026-11-23 23:41:00 +01:00 by Bob Kim) raising it to 50 ~~now~~ after the deploy | slack:#incident-42",
    "2026-11-23T23:50:00+01:00 | U09GHOST | note | from the vendor: \n```\nERROR pool <exhausted>\n``` | slack:#incident-42",
    "2026-11-24T00:05:00+01:00 | alice | note | error rate back to normal\nFile: [p99 after the fix](https://acme.slack.com/files/U01ALICE/F1/p99.png) | slack:#incident-42",
];

#[test]
fn a_slack_export_directory_imports_threads_edits_files_bots_and_unknown_users() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let export = TempDir::new().unwrap();
    write_directory(export.path(), &slack_export());
    let path = export.path().to_str().unwrap();

    let (report, output) = import(&debrief, &["slack", path, "--channel", "#incident-42"]);
    assert_eq!(output.status.code(), Some(1), "an unknown user needs attention: {}", stderr(&output));
    assert_eq!(report["added"], 6);
    assert_eq!(report["source"], "slack:#incident-42");
    let warning = &report["warnings"][0];
    assert_eq!((warning["kind"].as_str(), warning["examples"][0].as_str()), (Some("unknown-user"), Some("U09GHOST")));
    let skipped: Vec<String> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|skipped| format!("{} {}", skipped["count"], skipped["what"].as_str().unwrap()))
        .collect();
    assert_eq!(skipped, ["1 day files outside the window", "2 joins and leaves"]);
    assert_eq!(lines(&debrief, &id), SLACK_LINES);

    // Importing the same export again adds nothing.
    let (again, _) = import(&debrief, &["slack", path, "--channel", "incident-42"]);
    assert_eq!((again["added"].as_u64(), again["already_present"].as_u64()), (Some(0), Some(6)));
    assert_eq!(lines(&debrief, &id), SLACK_LINES);
}

#[test]
fn a_zipped_export_imports_the_same_and_a_dry_run_writes_nothing() {
    let from_directory = Debrief::new();
    let id = evening_incident(&from_directory);
    let export = TempDir::new().unwrap();
    write_directory(export.path(), &slack_export());
    import(&from_directory, &["slack", export.path().to_str().unwrap(), "--channel", "incident-42"]);

    let from_zip = Debrief::new();
    evening_incident(&from_zip);
    // Zipped with its folder, as people often do.
    let files: Vec<(String, Vec<u8>)> = slack_export()
        .into_iter()
        .map(|(name, bytes)| (format!("Acme Slack export Nov 24 2026/{name}"), bytes))
        .collect();
    let zip = export.path().join("acme.zip");
    write_zip(&zip, &files);
    let zip = zip.to_str().unwrap();

    let dry = from_zip.run(&["import", "slack", zip, "--channel", "incident-42", "--dry-run"], None);
    let shown = String::from_utf8_lossy(&dry.stdout);
    assert!(shown.starts_with("would add 6 lines to") && shown.contains("nothing was written"), "{shown}");
    assert!(shown.contains("2026-11-23 23:40:00 +01:00  note           alice: @here checkout is **slow**"), "{shown}");
    assert!(lines(&from_zip, &id).is_empty(), "a dry run wrote to the timeline");

    let (report, _) = import(&from_zip, &["slack", zip, "--channel", "incident-42"]);
    assert_eq!(report["added"], 6);
    assert_eq!(lines(&from_zip, &id), lines(&from_directory, &id));
}

#[test]
fn a_zip_with_paths_outside_its_root_is_refused() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    debrief.ok(&["log", "--at", "2026-11-23T23:31:00+01:00", "already stored"]);
    let before = debrief.timeline(&id);
    let dir = TempDir::new().unwrap();
    for hostile in ["../../.bashrc", "/etc/cron.d/evil", "incident-42/../../escape.json"] {
        let mut files = slack_export();
        files.push((hostile.to_string(), b"[]".to_vec()));
        let zip = dir.path().join("hostile.zip");
        write_zip(&zip, &files);
        let error = debrief.error(&["import", "slack", zip.to_str().unwrap(), "--channel", "incident-42"], None);
        let line = one_line(&error);
        assert!(line.contains("refused") && line.contains(hostile) && line.contains("Nothing was imported"), "{error}");
    }
    assert_eq!(debrief.timeline(&id), before);
}

#[test]
fn a_missing_channel_lists_the_channels_there_are() {
    let debrief = Debrief::new();
    evening_incident(&debrief);
    let export = TempDir::new().unwrap();
    write_directory(export.path(), &slack_export());
    let error = debrief.error(&["import", "slack", export.path().to_str().unwrap(), "--channel", "incident-7"], None);
    assert!(one_line(&error).contains("incident-42, ops") && error.contains("Nothing was imported"), "{error}");
    let error = debrief.error(&["import", "slack", "/nonexistent/export.zip", "--channel", "ops"], None);
    assert!(one_line(&error).contains("neither a directory nor a zip"), "{error}");
}

// ---------------------------------------------------------------- chat logs

const IRSSI_LOG: &str = "--- Log opened Mon Nov 23 23:50:03 2026
23:50 -!- alice [~alice@10.0.0.1] has joined #ops
23:52 <@alice> checkout p99 is at 4s
23:58 < bob> looking at db-2
23:59 * bob restarts the pool
Traceback (most recent call last):
  File \"pool.py\", line 12, in get
00:03 <@alice> error rate is dropping
--- Day changed Tue Nov 24 2026
00:10 <@alice> all green
";

#[test]
fn an_irc_log_crosses_midnight_and_keeps_pasted_lines_with_their_message() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("irc.ops.log");
    std::fs::write(&log, IRSSI_LOG).unwrap();
    let path = log.to_str().unwrap();

    let dry = debrief.run(&["import", "log", path, "--dry-run"], None);
    assert!(String::from_utf8_lossy(&dry.stdout).contains("would add 5 lines"), "{}", stderr(&dry));
    assert!(lines(&debrief, &id).is_empty(), "a dry run wrote to the timeline");

    let (report, output) = import(&debrief, &["log", path, "--format", "irc"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(report["warnings"][0]["kind"], "unknown-format");
    assert_eq!(report["warnings"][0]["examples"], json!(["line 6", "line 7"]));
    assert_eq!(
        lines(&debrief, &id),
        [
            "2026-11-23T23:52:00+01:00 | alice | note | checkout p99 is at 4s | irc:irc.ops.log",
            "2026-11-23T23:58:00+01:00 | bob | note | looking at db-2 | irc:irc.ops.log",
            "2026-11-23T23:59:00+01:00 | bob | note | /me restarts the pool\nTraceback (most recent call last):\n  File \"pool.py\", line 12, in get | irc:irc.ops.log",
            "2026-11-24T00:03:00+01:00 | alice | note | error rate is dropping | irc:irc.ops.log",
            "2026-11-24T00:10:00+01:00 | alice | note | all green | irc:irc.ops.log",
        ]
    );
    let (again, _) = import(&debrief, &["log", path]);
    assert_eq!((again["added"].as_u64(), again["already_present"].as_u64()), (Some(0), Some(5)));
}

#[test]
fn a_plain_log_in_another_zone_rolls_over_at_midnight_from_the_date_given() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("notes.txt");
    std::fs::write(
        &log,
        "17:52 alice: p99 up\n18:10 bob: failing over\n23:59:59 alice: still degraded\n00:00:30 bob: recovered\n",
    )
    .unwrap();
    let (report, output) = import(
        &debrief,
        &["log", log.to_str().unwrap(), "--format", "plain", "--date", "2026-11-23", "--zone", "America/New_York"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(report["source"], "log:notes.txt");
    let times: Vec<String> =
        debrief.timeline(&id).iter().map(|entry| entry["at"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        times,
        [
            "2026-11-23T17:52:00-05:00",
            "2026-11-23T18:10:00-05:00",
            "2026-11-23T23:59:59-05:00",
            "2026-11-24T00:00:30-05:00"
        ]
    );
}

#[test]
fn weechat_logs_with_invalid_utf8_are_kept_and_the_line_is_named() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let dir = TempDir::new().unwrap();
    let log = dir.path().join("irc.libera.#ops.weechatlog");
    let mut bytes = b"2026-11-23 23:40:00\t-->\tcarol (~c@host) has joined #ops\n".to_vec();
    bytes.extend_from_slice(b"2026-11-23 23:41:00\t@carol\tcaf\xe9 is down\r\n");
    bytes.extend_from_slice(b"2026-11-23 23:42:00\t *\tcarol pages the DBA\n");
    std::fs::write(&log, bytes).unwrap();
    let output = debrief.run(&["import", "log", log.to_str().unwrap(), "--zone", "+01:00"], None);
    assert_eq!(output.status.code(), Some(1));
    let warnings = stderr(&output);
    assert!(warnings.contains("not valid UTF-8") && warnings.contains("line 2"), "{warnings}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("left out: 1 joins, leaves and quits"));
    assert_eq!(debrief.texts(&id), ["caf\u{FFFD} is down", "/me pages the DBA"]);
}

#[test]
fn lines_before_any_message_are_reported_not_dropped_silently() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let error = debrief.run(&["import", "log", "-"], Some(b"no time here\nnor here\n23:45 <alice> hi\n"));
    assert_eq!(error.status.code(), Some(1));
    let warnings = stderr(&error);
    assert!(warnings.contains("NOT imported") && warnings.contains("line 1, line 2"), "{warnings}");
    assert_eq!(debrief.texts(&id), ["hi"]);
}

/// A channel copied out of the chat app's window, when nobody may export it: Slack (a heading
/// of name and time, then a bare time before each further message of the same person, a
/// reply count and an edit mark; a day divider at midnight), Teams (`[time] name` headings)
/// and Discord (`name — Today at time`, then `[time]` lines). Each message is one line at its
/// time, by its writer, with nothing reported as unreadable and the window's words left out.
#[test]
fn a_conversation_copied_out_of_slack_teams_or_discord_imports_each_message_by_its_writer() {
    let copies = [
        (
            "slack",
            "Alice Smith  11:52 PM\nDB CPU at 100%, paging Bob\n(edited)\n11:58\nrestarted the pool on db-2\n\
             2 replies\nTuesday, November 24th\nBob Jones  12:03 AM\nerror rate dropping\nsecond line of it\n",
        ),
        (
            "teams",
            "[11:52 PM] Alice Smith\nDB CPU at 100%, paging Bob\n[11:58 PM] Alice Smith\nrestarted the pool on db-2\n\
             [12:03 AM] Bob Jones\nerror rate dropping\nsecond line of it\n",
        ),
        (
            "discord",
            "Alice Smith — Today at 11:52 PM\nDB CPU at 100%, paging Bob\n[11:58 PM]restarted the pool on db-2\n\
             Bob Jones — Today at 12:03 AM\nerror rate dropping\nsecond line of it\n",
        ),
    ];
    for (app, copy) in copies {
        let (code, said, imported) = import_pasted(copy);
        assert_eq!(code, Some(0), "{app}: {said}");
        assert_eq!(
            imported,
            [
                "2026-11-23T23:52:00+01:00 | Alice Smith | note | DB CPU at 100%, paging Bob",
                "2026-11-23T23:58:00+01:00 | Alice Smith | note | restarted the pool on db-2",
                "2026-11-24T00:03:00+01:00 | Bob Jones | note | error rate dropping\nsecond line of it",
            ],
            "{app}"
        );
    }
    // Teams' headings with the day and no year: the day is read, in the year nearest the one
    // before, so a message two days on is not put on the next day.
    let teams = "[11/23 11:52 PM] Alice Smith\nDB CPU at 100%, paging Bob\n[11/25 9:10 AM] Bob Jones\npool resized\n";
    let (code, said, imported) = import_pasted(teams);
    assert_eq!(code, Some(0), "{said}");
    assert_eq!(
        imported,
        [
            "2026-11-23T23:52:00+01:00 | Alice Smith | note | DB CPU at 100%, paging Bob",
            "2026-11-25T09:10:00+01:00 | Bob Jones | note | pool resized",
        ]
    );
    // A copy that puts the name and the time on lines of their own.
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let copy = "Alice Smith\n  11:52 PM\nDB CPU at 100%\nBob Jones\n  11:54 PM\nlooking\n";
    let output = debrief.run(&["import", "log", "-", "--zone", "Europe/Berlin"], Some(copy.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(debrief.texts(&id), ["DB CPU at 100%", "looking"]);
    let writers: Vec<String> =
        lines(&debrief, &id).iter().map(|line| line.split(" | ").nth(1).unwrap().to_string()).collect();
    assert_eq!(writers, ["Alice Smith", "Bob Jones"]);
}

/// DiscordChatExporter's plain text export, as it writes it (its `PlainTextMessageWriter`): a
/// banner around the guild and channel, `[M/D/YYYY h:mm AM] name` headings in en-US, a
/// blank line after each message's words, then its attachments, embeds and reactions.
#[test]
fn a_discord_channel_kept_with_discord_chat_exporter_imports_on_the_days_it_names() {
    let banner = "=".repeat(62);
    let export = format!(
        "{banner}\nGuild: Acme Ops\nChannel: Incidents / incident-42\nTopic: Checkout latency\n{banner}\n\n\
         [11/23/2026 11:52 PM] alice\nDB CPU at 100%, paging Bob\n\n{{Attachments}}\n\
         https://cdn.discordapp.com/attachments/1/2/cpu.png\n\n{{Reactions}}\n👀 (2)\n\n\
         [11/24/2026 12:03 AM] bob#0420 (pinned)\nRestarted the pool on db-2\n\n\n\
         [11/24/2026 12:10 AM] PagerBot\n\n{{Embed}}\nPagerBot\nIncident #42 resolved\n\n\n\
         {banner}\nExported 3 message(s)\n{banner}\n"
    );
    let (code, said, imported) = import_pasted(&export);
    assert_eq!(code, Some(0), "no warnings: {said}");
    assert_eq!(
        imported,
        [
            "2026-11-23T23:52:00+01:00 | alice | note | DB CPU at 100%, paging Bob\n\
             https://cdn.discordapp.com/attachments/1/2/cpu.png",
            "2026-11-24T00:03:00+01:00 | bob | note | Restarted the pool on db-2",
            "2026-11-24T00:10:00+01:00 | PagerBot | note | PagerBot\nIncident #42 resolved",
        ]
    );
    assert!(!said.contains("times without a date"), "the export's days are read: {said}");
}

/// DiscordChatExporter's CSV export of the same channel (its `CsvMessageWriter`: a header, every
/// field quoted, the words across lines, attachments' links in their own field) imports the same
/// lines as its text export; imported again, nothing is added.
#[test]
fn a_discord_channel_kept_as_discord_chat_exporters_csv_imports_as_its_text_export_does() {
    let csv = "AuthorID,Author,Date,Content,Attachments,Reactions\r\n\
               \"7\",\"alice\",\"11/23/2026 11:52 PM\",\"DB CPU at 100%, paging \"\"Bob\"\"\",\
               \"https://cdn.discordapp.com/attachments/1/2/cpu.png\",\"👀 (2)\"\r\n\
               \"8\",\"bob#0420\",\"11/24/2026 12:03 AM\",\"Restarted the pool on db-2\nand watched it\",\"\",\"\"\r\n";
    let (code, said, imported) = import_pasted(csv);
    assert_eq!(code, Some(0), "no warnings: {said}");
    assert_eq!(
        imported,
        [
            "2026-11-23T23:52:00+01:00 | alice | note | DB CPU at 100%, paging \"Bob\"\n\
             https://cdn.discordapp.com/attachments/1/2/cpu.png",
            "2026-11-24T00:03:00+01:00 | bob | note | Restarted the pool on db-2\nand watched it",
        ]
    );
    let debrief = Debrief::new();
    evening_incident(&debrief);
    let file = debrief.home().join("incident-42.csv");
    std::fs::write(&file, csv).unwrap();
    let (first, _) = import(&debrief, &["log", file.to_str().unwrap(), "--zone", "Europe/Berlin"]);
    let (again, _) = import(&debrief, &["log", file.to_str().unwrap(), "--zone", "Europe/Berlin"]);
    assert_eq!((first["added"].as_u64(), again["added"].as_u64()), (Some(2), Some(0)), "{first}\n{again}");
}

/// The JSON exports teams keep of a channel: DiscordChatExporter's (as its `JsonMessageWriter`
/// writes it) and Element's of a Matrix room, handed to `import log` as the channel's log.
#[test]
fn a_channel_kept_as_a_json_export_imports_each_message_at_its_instant() {
    let discord = r#"{
  "guild": {"id": "1", "name": "Acme Ops"},
  "channel": {"id": "2", "type": "GuildTextChat", "name": "incident-42"},
  "dateRange": {"after": null, "before": null},
  "messages": [
    {"id": "10", "type": "GuildMemberJoin", "timestamp": "2026-11-23T22:50:02.000+00:00", "content": "",
     "author": {"id": "7", "name": "alice", "nickname": "Alice Smith", "isBot": false}, "attachments": [], "embeds": []},
    {"id": "11", "type": "Default", "timestamp": "2026-11-23T22:52:13.120+00:00", "content": "DB CPU at 100%, paging Bob",
     "author": {"id": "7", "name": "alice", "nickname": "Alice Smith", "isBot": false},
     "attachments": [{"id": "3", "url": "https://cdn.discordapp.com/attachments/1/2/cpu.png", "fileName": "cpu.png"}],
     "embeds": []},
    {"id": "12", "type": "Reply", "timestamp": "2026-11-23T23:03:40.000+00:00", "content": "restarted the pool",
     "author": {"id": "8", "name": "bob", "nickname": null, "isBot": false}, "attachments": [], "embeds": []}
  ],
  "messageCount": 3
}"#;
    let element = r#"{
  "room_name": "incident-42", "room_creator": "Alice Smith", "topic": "", "export_date": "24/11/2026",
  "exported_by": "Alice Smith",
  "messages": [
    {"type": "m.room.member", "sender": "@alice:example.org", "origin_server_ts": 1795474202000,
     "content": {"membership": "join", "displayname": "Alice Smith"}},
    {"type": "m.room.message", "sender": "@alice:example.org", "origin_server_ts": 1795474333120,
     "content": {"msgtype": "m.text", "body": "DB CPU at 100%, paging Bob"}},
    {"type": "m.room.message", "sender": "@bob:example.org", "origin_server_ts": 1795475020000,
     "content": {"msgtype": "m.text", "body": "restarted the pool"}}
  ]
}"#;
    for (app, export, first_words) in [
        ("discord", discord, "DB CPU at 100%, paging Bob\nhttps://cdn.discordapp.com/attachments/1/2/cpu.png"),
        ("element", element, "DB CPU at 100%, paging Bob"),
    ] {
        let debrief = Debrief::new();
        let id = evening_incident(&debrief);
        let dir = TempDir::new().unwrap();
        let file = dir.path().join(format!("{app}.json"));
        std::fs::write(&file, export).unwrap();
        let output = debrief.run(&["import", "log", file.to_str().unwrap(), "--zone", "Europe/Berlin"], None);
        assert_eq!(output.status.code(), Some(0), "{app}, no warnings: {}", stderr(&output));
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.contains("the chat app's own events"), "{app}: the join is counted: {said}");
        let imported: Vec<String> =
            lines(&debrief, &id).iter().map(|line| line.replace(&format!(" | chat:{app}.json"), "")).collect();
        assert_eq!(
            imported,
            [
                format!("2026-11-23T23:52:13.120+01:00 | Alice Smith | note | {first_words}"),
                "2026-11-24T00:03:40+01:00 | bob | note | restarted the pool".to_string(),
            ],
            "{app}"
        );
    }
    // A day and a line format asked for are said not to be used: the export dates every message.
    let debrief = Debrief::new();
    evening_incident(&debrief);
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("element.json");
    std::fs::write(&file, element).unwrap();
    let said = debrief.ok(&["import", "log", file.to_str().unwrap(), "--date", "2026-11-20", "--format", "irc"]);
    assert!(said.contains("the day given for times without a date was not used"), "{said}");
    assert!(said.contains("the line format given was not used"), "{said}");
    // Piped in, as `cat export.json | debrief import log -` or a paste into the app's box.
    let (code, said, imported) = import_pasted(element);
    assert_eq!(code, Some(0), "{said}");
    let imported: Vec<String> = imported.iter().map(|line| line.replace(" | chat:stdin", "")).collect();
    assert_eq!(imported[1], "2026-11-24T00:03:40+01:00 | bob | note | restarted the pool", "{imported:?}");
}

/// Element's plain text export of a Matrix room (its `PlainTextExport`: the time as the
/// browser writes it, ` - `, then the event as the room shows it) and WhatsApp's chat export,
/// as a team that ran the incident there has them: every line gives its day.
#[test]
fn a_matrix_room_exported_from_element_or_a_whatsapp_chat_imports_each_message_on_its_day() {
    let exports = [
        (
            "element",
            "11/23/2026, 11:50:02 PM - Alice Smith joined the room\n\
             11/23/2026, 11:52:13 PM - Alice Smith: DB CPU at 100%, paging Bob\n\
             11/24/2026, 12:03:40 AM - Bob: <Alice Smith \"DB CPU at 100%, paging Bob\"> restarted the pool\n\
             second line of it\n",
        ),
        (
            "whatsapp",
            "\u{200e}[11/23/26, 11:50:02\u{202f}PM] Messages and calls are end-to-end encrypted.\n\
             [11/23/26, 11:52:13\u{202f}PM] Alice Smith: DB CPU at 100%, paging Bob\n\
             [11/24/26, 12:03:40\u{202f}AM] Bob: <Alice Smith \"DB CPU at 100%, paging Bob\"> restarted the pool\n\
             second line of it\n",
        ),
    ];
    for (app, export) in exports {
        let (code, said, imported) = import_pasted(export);
        assert_eq!(code, Some(0), "{app}, no warnings: {said}");
        assert_eq!(
            imported,
            [
                "2026-11-23T23:52:13+01:00 | Alice Smith | note | DB CPU at 100%, paging Bob",
                "2026-11-24T00:03:40+01:00 | Bob | note | <Alice Smith \"DB CPU at 100%, paging Bob\"> restarted the pool\n\
                 second line of it",
            ],
            "{app}"
        );
    }
}

#[test]
fn a_huge_line_without_line_breaks_is_cut_and_reported() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let mut log = b"23:45 <alice> ".to_vec();
    log.extend(std::iter::repeat_n(b'x', 4 * 1024 * 1024));
    let output = debrief.run(&["import", "log", "-"], Some(&log));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("longer than 262144 bytes") && stderr(&output).contains("line 1"));
    let texts = debrief.texts(&id);
    assert_eq!(texts.len(), 1);
    assert!(texts[0].len() > 200_000 && texts[0].len() <= 262_144, "{}", texts[0].len());
}

#[test]
fn a_bad_zone_or_a_missing_file_is_an_error_that_keeps_everything() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    let error = debrief.error(&["import", "log", "-", "--zone", "Mars/Olympus"], Some(b"23:45 <alice> hi\n"));
    assert!(one_line(&error).contains("IANA zone"), "{error}");
    let error = debrief.error(&["import", "log", "/nonexistent.log"], None);
    assert!(one_line(&error).contains("cannot import /nonexistent.log") && error.contains("Nothing was imported"));
    assert!(lines(&debrief, &id).is_empty());
}

// ---------------------------------------------------------------- git

/// Commits at chosen times, as `GIT_COMMITTER_DATE` and `GIT_AUTHOR_DATE` set them.
fn commit(repo: &Path, when: &str, author: &str, subject: &str) {
    std::fs::write(repo.join("CHANGES"), subject).unwrap();
    git(repo, &["add", "CHANGES"]);
    let output = std::process::Command::new("git")
        .args(["commit", "--quiet", "-m", subject])
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", "dev@example.com")
        .env("GIT_COMMITTER_NAME", "CI")
        .env("GIT_COMMITTER_EMAIL", "ci@example.com")
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn commits_in_the_incident_window_become_change_entries() {
    let debrief = Debrief::new();
    let id = evening_incident(&debrief);
    debrief.ok(&["mark", "resolved", "--at", "2026-11-24T00:30:00+01:00"]);
    let repo = TempDir::new().unwrap();
    git(repo.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    commit(repo.path(), "2026-11-22T10:00:00+01:00", "Dana Dev", "Initial service");
    commit(repo.path(), "2026-11-23T22:10:00+01:00", "Dana Dev", "Raise checkout timeout to 5s");
    commit(repo.path(), "2026-11-23T15:15:00-08:00", "Sam Remote", "Deploy v2.3.1 to production");
    commit(repo.path(), "2026-11-24T00:20:00+01:00", "Dana Dev", "Revert \"Raise checkout timeout to 5s\"");
    commit(repo.path(), "2026-11-24T09:00:00+01:00", "Dana Dev", "Clean up after the incident");
    git(repo.path(), &["checkout", "--quiet", "-b", "experiment"]);
    commit(repo.path(), "2026-11-23T23:45:00+01:00", "Eve Else", "Only on a branch");
    git(repo.path(), &["checkout", "--quiet", "main"]);
    let path = repo.path().to_str().unwrap();

    let dry = debrief.run(&["import", "git", path, "--incident", &id, "--dry-run"], None);
    assert!(String::from_utf8_lossy(&dry.stdout).contains("would add 3 lines"), "{}", stderr(&dry));
    let (report, output) = import(&debrief, &["git", path, "--incident", &id]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(report["added"], 3);
    assert_eq!(report["skipped"][0], json!({"what": "commits after the window", "count": 1}));
    let changes: Vec<Value> = debrief.timeline(&id).into_iter().filter(|entry| entry["kind"] == "change").collect();
    let shown: Vec<(String, String)> = changes
        .iter()
        .map(|entry| (entry["at"].as_str().unwrap().to_string(), entry["source"].as_str().unwrap().to_string()))
        .collect();
    let source = format!("git:{}", repo.path().file_name().unwrap().to_string_lossy());
    assert_eq!(
        shown,
        [
            ("2026-11-23T22:10:00+01:00".to_string(), source.clone()),
            ("2026-11-23T15:15:00-08:00".to_string(), source.clone()),
            ("2026-11-24T00:20:00+01:00".to_string(), source.clone()),
        ]
    );
    let deploy = changes[1]["text"].as_str().unwrap();
    let hash = git(repo.path(), &["rev-parse", "main~2"]);
    assert_eq!(deploy, format!("{} Deploy v2.3.1 to production (Sam Remote)", &hash[..10]));
    assert!(changes.iter().all(|entry| entry["who"].is_null()), "commit authors are not responders");

    let (again, _) = import(&debrief, &["git", path, "--incident", &id]);
    assert_eq!((again["added"].as_u64(), again["already_present"].as_u64()), (Some(0), Some(3)));
    let (branch, _) = import(
        &debrief,
        &["git", path, "--incident", &id, "--branch", "experiment", "--from", "2026-11-23T23:40:00+01:00"],
    );
    // The branch's own commit is new; the ones it shares with main are there already.
    assert_eq!((branch["added"].as_u64(), branch["already_present"].as_u64()), (Some(1), Some(2)));

    // Change entries survive the round trip through a draft.
    let draft = debrief.ok(&["draft", "--incident", &id]);
    assert!(draft.contains("| change | "), "{draft}");
    let file = repo.path().join("postmortem.md");
    std::fs::write(&file, &draft).unwrap();
    let reader = Debrief::new();
    reader.ok(&["import-postmortem", file.to_str().unwrap()]);
    let kinds: Vec<Value> = reader.timeline(&id).into_iter().map(|entry| entry["kind"].clone()).collect();
    assert_eq!(kinds.iter().filter(|kind| *kind == "change").count(), 4);
}

#[test]
fn an_unknown_branch_or_a_directory_that_is_no_repository_is_an_error() {
    let debrief = Debrief::new();
    evening_incident(&debrief);
    let plain = TempDir::new().unwrap();
    let error = debrief.error(&["import", "git", plain.path().to_str().unwrap()], None);
    assert!(one_line(&error).contains("not a git repository") && error.contains("Nothing was imported"), "{error}");
    git(plain.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    commit(plain.path(), "2026-11-23T23:40:00+01:00", "Dana Dev", "One");
    let error = debrief.error(&["import", "git", plain.path().to_str().unwrap(), "--branch", "nope"], None);
    assert!(one_line(&error).contains("no branch, tag or commit `nope`"), "{error}");
}

// ---------------------------------------------------------------- another responder

#[test]
fn two_responders_timelines_merge_attributed_without_duplicates_and_marks_are_offered() {
    let commander = Debrief::new();
    let id = evening_incident(&commander);
    commander.ok(&["log", "--at", "2026-11-23T23:40:00+01:00", "--who", "alice", "paged bob"]);
    commander.ok(&["log", "--at", "2026-11-23T23:45:00+01:00", "--who", "bob", "--kind", "action", "restarted db-2"]);
    commander.ok(&["mark", "mitigated", "--at", "2026-11-23T23:58:00+01:00"]);

    // Bob took notes offline on his own laptop, in the same incident.
    let bob = Debrief::new();
    bob.ok(&["new", "Checkout latency", "--at", "2026-11-23T23:30:00+01:00"]);
    bob.ok(&["log", "--at", "2026-11-23T23:44:00+01:00", "--kind", "observation", "db-2 connections at max"]);
    bob.ok(&["log", "--at", "2026-11-23T23:45:00+01:00", "--who", "bob", "--kind", "action", "restarted db-2"]);
    bob.ok(&["log", "--at", "2026-11-23T23:52:00+01:00", "--who", "carol", "shifted traffic to eu-west"]);
    bob.ok(&["mark", "mitigated", "--at", "2026-11-23T23:55:00+01:00", "traffic shifted"]);
    let exported = bob.ok(&["timeline", &id, "--format", "json"]);
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("bob.json");
    std::fs::write(&file, exported).unwrap();
    let file = file.to_str().unwrap();

    let dry = commander.run(&["import", "timeline", file, "--incident", &id, "--dry-run"], None);
    assert!(String::from_utf8_lossy(&dry.stdout).contains("would add 3 lines"), "{}", stderr(&dry));
    let output = commander.run(&["import", "timeline", file, "--incident", &id], None);
    assert_eq!(output.status.code(), Some(1), "an offered mark needs the commander: {}", stderr(&output));
    let offer = stderr(&output);
    assert!(
        offer.contains(&format!("to apply it: debrief mark mitigated --at 2026-11-23T23:55:00+01:00 --incident {id}")),
        "{offer}"
    );
    assert_eq!(
        lines(&commander, &id),
        [
            "2026-11-23T23:40:00+01:00 | alice | note | paged bob | cli",
            "2026-11-23T23:44:00+01:00 | bob | observation | db-2 connections at max | timeline:bob",
            "2026-11-23T23:45:00+01:00 | bob | action | restarted db-2 | cli",
            "2026-11-23T23:52:00+01:00 | carol | note | shifted traffic to eu-west | timeline:bob",
            "2026-11-23T23:55:00+01:00 | bob | note | their mark: mitigated at 2026-11-23 23:55:00 +01:00: traffic shifted | timeline:bob",
            "2026-11-23T23:58:00+01:00 | - | mitigated | Mitigated | cli",
        ]
    );
    // Offered, not applied.
    let incident = commander.json(&["list", "--format", "json"])[0].clone();
    assert_eq!(incident["mitigated_at"], "2026-11-23T23:58:00+01:00");

    let (again, _) = import(&commander, &["timeline", file, "--incident", &id, "--responder", "bob"]);
    assert_eq!((again["added"].as_u64(), again["already_present"].as_u64()), (Some(0), Some(4)));
    let error = commander.error(&["import", "timeline", "/etc/hostname", "--incident", &id], None);
    assert!(one_line(&error).contains("debrief timeline ID --format json"), "{error}");
}

#[test]
fn a_commit_dated_in_the_year_5138_is_reported_and_left_out() {
    let debrief = Debrief::new();
    debrief.new_incident("Clock skew", "2026-11-23T10:00:00+01:00");
    let repository = TempDir::new().unwrap();
    git(repository.path(), &["init", "--quiet", "."]);
    for (subject, when) in
        [("Raise the pool size", "2026-11-23T10:20:00+01:00"), ("Built on a broken clock", "@100000000000 +0000")]
    {
        let output = std::process::Command::new("git")
            .args(["commit", "--quiet", "--allow-empty", "-m", subject])
            .current_dir(repository.path())
            .env("GIT_AUTHOR_NAME", "Dana")
            .env("GIT_AUTHOR_EMAIL", "dana@example.com")
            .env("GIT_COMMITTER_NAME", "Dana")
            .env("GIT_COMMITTER_EMAIL", "dana@example.com")
            .env("GIT_AUTHOR_DATE", when)
            .env("GIT_COMMITTER_DATE", when)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let output = debrief.run(&["import", "git", repository.path().to_str().unwrap()], None);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "a warning needs attention: {said}");
    assert!(
        said.contains("1 commit was dated more than a year after the incident began") && said.contains("5138-"),
        "{said}"
    );
    let texts = debrief.ok(&["timeline"]);
    assert!(texts.contains("Raise the pool size") && !texts.contains("broken clock"), "{texts}");
}

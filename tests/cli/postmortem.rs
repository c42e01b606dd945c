//! Post-mortem workflows: recording facts, action items, drafting, editing,
//! importing a published file, and checking what is left to do.

use std::os::unix::fs::PermissionsExt;

use crate::util::{Debrief, one_line};

fn incident_with_timeline(debrief: &Debrief) -> String {
    let id = debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    debrief.ok(&["log", "--who", "bob", "--kind", "action", "--at", "2026-11-23T14:12:00+01:00", "Restarted the pool"]);
    debrief.ok(&["mark", "mitigated", "--at", "2026-11-23T14:31:00+01:00"]);
    id
}

/// An editor for `draft --edit`: a script that runs `sed` with `expression` on the file.
fn sed_editor(debrief: &Debrief, expression: &str) -> String {
    let path = debrief.home().join("editor.sh");
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{expression}' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn set_and_link_record_the_facts_morgue_keeps() {
    let debrief = Debrief::new();
    let id = incident_with_timeline(&debrief);
    debrief.ok(&["set", "--kind", "scheduled", "--severity", "sev3", "--owner", "carol", "--service", "checkout"]);
    debrief.ok(&[
        "set",
        "--service",
        "payments",
        "--tag",
        "database",
        "--participant",
        "dave=affected",
        "--status",
        "review",
    ]);
    debrief.ok(&[
        "link",
        "--ticket",
        "INC-7",
        "--chat",
        "https://chat.example.com/a/1",
        "--forum",
        "https://forum.example.com/t/9",
    ]);
    let incident = &debrief.json(&["list", "--format", "json"])[0];
    assert_eq!(incident["id"], id.as_str());
    assert_eq!(incident["kind"], "scheduled");
    assert_eq!(incident["severity"], "SEV3");
    assert_eq!(incident["owner"], "carol");
    assert_eq!(incident["postmortem_status"], "review");
    assert_eq!(incident["services"], serde_json::json!(["checkout", "payments"]));
    assert_eq!(incident["tags"], serde_json::json!(["database"]));
    assert_eq!(incident["tickets"], serde_json::json!(["INC-7"]));
    assert_eq!(incident["chat_logs"], serde_json::json!(["https://chat.example.com/a/1"]));
    assert_eq!(incident["forum_links"], serde_json::json!(["https://forum.example.com/t/9"]));
    assert!(
        incident["participants"].as_array().unwrap().iter().any(|p| p["name"] == "dave" && p["role"] == "affected")
    );
    debrief.ok(&["set", "--remove-service", "payments"]);
    debrief.ok(&["link", "--remove", "INC-7"]);
    let incident = &debrief.json(&["list", "--format", "json"])[0];
    assert_eq!(incident["services"], serde_json::json!(["checkout"]));
    assert_eq!(incident["tickets"], serde_json::json!([]));
}

#[test]
fn action_items_are_added_listed_changed_and_done() {
    let debrief = Debrief::new();
    incident_with_timeline(&debrief);
    debrief.ok(&[
        "action",
        "add",
        "--owner",
        "carol",
        "--due",
        "2026-12-15",
        "--type",
        "detective",
        "--ticket",
        "INC-8",
        "Alert",
        "on",
        "pool",
        "saturation",
    ]);
    let output = debrief.run(&["action", "add", "Review", "retry", "budget"], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs an owner and a type"));
    // No --due: the policy's date for an incident without a severity, and where it came from.
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        said.contains(
            ": 60 days, the default for an incident without a severity, by Debrief's default policy (a team sets \
             its own in .debrief/policy.toml); `debrief set --severity` gives it one; give --due to choose another date"
        ),
        "{said}"
    );
    let items = debrief.json(&["action", "list", "--format", "json"]);
    let due = items[1]["due"].as_str().unwrap();
    assert!(said.contains(&format!("due {due}: 60 days")), "{said}");
    let days = (due.parse::<chrono::NaiveDate>().unwrap() - chrono::Local::now().date_naive()).num_days();
    assert!((59..=61).contains(&days), "60 days from the day it was added, whatever the zone: {days}");
    assert_eq!(items.as_array().unwrap().len(), 2);
    assert_eq!(items[0]["text"], "Alert on pool saturation");
    assert_eq!(items[0]["type"], "detective");
    assert_eq!(items[0]["due"], "2026-12-15");
    assert_eq!(items[0]["status"], "open");
    debrief.ok(&["action", "set", "2", "--owner", "dave", "--due", "+2w", "--type", "preventive"]);
    debrief.ok(&["action", "done", "1"]);
    let open = debrief.json(&["action", "list", "--open", "--format", "json"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_eq!(open[0]["owner"], "dave");
    assert!(debrief.ok(&["action", "list", "--all"]).contains("Review retry budget"));
    let error = debrief.error(&["action", "done", "9"], None);
    assert!(one_line(&error).contains("no action item #9"), "{error}");
    assert!(debrief.error(&["action", "add", "--due", "soon", "x"], None).contains("2026-12-15"));
}

#[test]
fn draft_is_pre_filled_from_the_timeline() {
    let debrief = Debrief::new();
    let id = incident_with_timeline(&debrief);
    let markdown = debrief.ok(&["draft"]);
    assert!(markdown.starts_with(&format!("---\nid: {id}\ntitle: Checkout latency\nstatus: draft\n")), "{markdown}");
    assert!(markdown.contains("detected: 2026-11-23T14:06:00+01:00\n"));
    assert!(markdown.contains("  to_detect: 6m\n  to_mitigate: 25m\n"));
    assert!(markdown.contains("\n# Checkout latency\n\n## Summary\n<!-- How "));
    assert!(markdown.contains("| 2026-11-23 14:12:00 +01:00 | bob | action | Restarted the pool |"));
    assert!(!markdown.contains("to_resolve"), "no resolved mark, so no time to resolve");
    let file = debrief.home().join("pm.md");
    debrief.ok(&["draft", "-o", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), markdown);
}

#[test]
fn draft_edit_keeps_what_the_author_writes() {
    let debrief = Debrief::new();
    incident_with_timeline(&debrief);
    let editor = sed_editor(
        &debrief,
        "s/^## Impact$/## Impact\\n412 checkouts failed over 25 minutes./; s/^owner: .*//; s/^status: draft$/status: review\\nowner: carol/",
    );
    let output = debrief.command().args(["draft", "--edit"]).env("EDITOR", &editor).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("saved into"));
    let markdown = debrief.ok(&["draft"]);
    assert!(markdown.contains("## Impact\n412 checkouts failed over 25 minutes.\n"), "{markdown}");
    assert!(markdown.contains("status: review\n") && markdown.contains("owner: carol\n"));
    assert!(!debrief.home().join("edits").read_dir().unwrap().any(|_| true), "the edit file is removed once saved");
}

#[test]
fn a_broken_edit_is_kept_and_nothing_is_saved() {
    let debrief = Debrief::new();
    incident_with_timeline(&debrief);
    let before = debrief.ok(&["draft"]);
    let editor = sed_editor(
        &debrief,
        "s/^kind: unscheduled$/kind: outage/; s/^## Summary$/## Summary\\nWritten before the mistake./",
    );
    let output = debrief.command().args(["draft", "--edit"]).env("EDITOR", &editor).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("NOT saved") && stderr.contains("edits/") && stderr.contains("line 5"), "{stderr}");
    assert_eq!(debrief.ok(&["draft"]), before);
    // Editing again reopens the kept file, with the author's words still in it.
    let fix = sed_editor(&debrief, "s/^kind: outage$/kind: unscheduled/");
    let output = debrief.command().args(["draft", "--edit"]).env("EDITOR", &fix).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(debrief.ok(&["draft"]).contains("Written before the mistake."));
}

#[test]
fn a_published_post_mortem_imports_into_a_fresh_data_directory_unchanged() {
    let author = Debrief::new();
    incident_with_timeline(&author);
    author.ok(&[
        "action",
        "add",
        "--owner",
        "carol",
        "--due",
        "2026-12-15",
        "--type",
        "corrective",
        "Fix the pool size",
    ]);
    let published = author.home().join("published.md");
    author.ok(&["draft", "-o", published.to_str().unwrap()]);
    let reader = Debrief::new();
    let report = reader.ok(&["import-postmortem", published.to_str().unwrap()]);
    assert!(report.contains("imported as new incident 2026-11-23-checkout-latency: 3 timeline lines"), "{report}");
    assert_eq!(reader.ok(&["draft"]), std::fs::read_to_string(&published).unwrap());
    assert_eq!(reader.json(&["action", "list", "--format", "json"])[0]["text"], "Fix the pool size");
}

#[test]
fn import_warnings_are_reported_with_the_line_and_exit_1() {
    let author = Debrief::new();
    incident_with_timeline(&author);
    let markdown = author.ok(&["draft"]).replace("| bob | action | Restarted the pool |", "| bob | action |");
    let file = author.home().join("edited.md");
    std::fs::write(&file, markdown).unwrap();
    let reader = Debrief::new();
    let output = reader.run(&["import-postmortem", file.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("edited.md:") && stderr.contains("timeline table cannot be read"), "{stderr}");
}

/// A team's post-mortem written by hand, as DFDS wrote theirs (from `../shared/corpus`): a
/// timeline table "All times in CET", action items and contributing factors as lists.
#[test]
fn a_post_mortem_written_by_hand_imports_with_its_timeline_items_and_factors() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/dfds-postmortems/PM2020-002 - KIAM service disruption on Hellman.md");
    let debrief = Debrief::new();
    let report = debrief.ok(&["import-postmortem", file.to_str().unwrap()]);
    assert!(
        report.starts_with(
            "imported as new incident 2020-01-21-kiam-service-disruption: 4 timeline lines and 1 key \
                            time added, 3 contributing factors, 3 action items"
        ),
        "{report}"
    );
    // Its last line, "New certificates generated, service restored", tells when it ended.
    assert!(!report.contains("It is open"), "{report}");
    let incident = "2020-01-21-kiam-service-disruption";
    assert_eq!(debrief.json(&["list", "--format", "json"])[0]["resolved_at"], "2020-01-21T18:04:00+01:00");
    let timeline = debrief.timeline(incident);
    let first = &timeline[0];
    assert_eq!(
        (first["at"].as_str(), first["text"].as_str()),
        (Some("2020-01-21T15:36:00+01:00"), Some("Certificate for KIAM server expires"))
    );
    assert_eq!(timeline[3]["text"], "New certificates generated, service restored");
    assert_eq!(
        (timeline[4]["kind"].as_str(), timeline[4]["at"].as_str()),
        (Some("resolved"), Some("2020-01-21T18:04:00+01:00"))
    );
    let items = debrief.json(&["action", "list", "--incident", incident, "--format", "json"]);
    assert_eq!(items[2]["text"], "Replace KIAM server with \"EKS Service IAM Role\"", "{items}");
    let factors = debrief.json(&["factor", "list", "--incident", incident, "--format", "json"]);
    assert_eq!(factors[0]["text"], "Insufficient monitoring of the KIAM server", "{factors}");
    // The prose is kept as written, under the front matter Debrief now keeps.
    let draft = debrief.ok(&["draft", "--incident", incident]);
    assert!(draft.contains("| 2020-01-21 15:36 | Certificate for KIAM server expires"), "{draft}");
    // A write-up that never says when it ended stays open; still, it is no place for a line
    // typed in a hurry: that needs an incident being lived, or one named.
    let unended = debrief.home().join("queue.md");
    std::fs::write(
        &unended,
        "# Queue backlog\n\n## Timeline\n\n- 2019-11-04 09:12 UTC - Consumer lag alert fired\n\
         - 2019-11-04 09:40 UTC - Added two consumers\n",
    )
    .unwrap();
    let report = debrief.ok(&["import-postmortem", unended.to_str().unwrap()]);
    assert!(report.contains("It is open: nothing in the file says when it was resolved"), "{report}");
    let incident = "2019-11-04-queue-backlog";
    let refused = debrief.error(&["log", "Timeouts on checkout"], None);
    assert!(
        refused.contains("no incident is open to write to: the last one, ") && refused.contains("Nothing was saved"),
        "{refused}"
    );
    // Nor is it open in `status` and `list --open`: `list` names it imported, a past incident.
    assert!(debrief.ok(&["status"]).contains("No open incidents."));
    assert!(debrief.ok(&["list", "--open"]).contains("No open incidents."));
    let listed = debrief.ok(&["list"]);
    let row = listed.lines().find(|line| line.starts_with(incident)).unwrap_or_default();
    assert_eq!(row.split_whitespace().nth(1), Some("imported"), "{listed}");
    let listed = debrief.json(&["list", "--format", "json"]);
    assert_eq!(listed.as_array().unwrap().iter().filter(|listed| listed["written_up"] == true).count(), 2);
    let live = debrief.new_incident("Checkout timeouts", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "Timeouts on checkout"]);
    assert!(debrief.texts(&live).contains(&"Timeouts on checkout".to_string()));
    debrief.ok(&["log", "--incident", incident, "Lag back under a minute"]);
    assert_eq!(debrief.timeline(incident).len(), 3);
    // A line written into it makes it one being worked on again.
    assert_eq!(debrief.ok(&["status"]).lines().next(), Some(format!("Open incidents: {live}, {incident}").as_str()));

    // Key times listed with their dates, a day stated once, times without one in --zone.
    let written = debrief.home().join("dns.md");
    std::fs::write(
        &written,
        "# DNS resolution failures\n\nDate: 2025-03-30\n\nDetected: 2025-03-30 10:13\nResolved: 2025-03-30 12:00\n\n\
         ## Timeline\n\n- 00:50 - Resolver cache expired\n- 10:13 - Alert fired\n- 11:40 - Rolled back the zone file\n\n\
         ## Action items\n\n- [ ] Alert on SERVFAIL rate (owner: @tess)\n",
    )
    .unwrap();
    let report =
        debrief.json(&["import-postmortem", written.to_str().unwrap(), "--zone", "Europe/Berlin", "--format", "json"]);
    assert_eq!(
        (&report["timeline_lines_added"], &report["key_times_added"], &report["action_items"], &report["open"]),
        (&serde_json::json!(3), &serde_json::json!(2), &serde_json::json!(1), &serde_json::json!(false)),
        "{report}"
    );
    let incident = "2025-03-30-dns-resolution-failures";
    let times: Vec<String> =
        debrief.timeline(incident).iter().filter_map(|entry| entry["at"].as_str().map(String::from)).collect();
    // Berlin's clocks went forward at 02:00 that night: +01:00 before, +02:00 after.
    assert!(times.contains(&"2025-03-30T00:50:00+01:00".to_string()), "{times:?}");
    assert!(times.contains(&"2025-03-30T11:40:00+02:00".to_string()), "{times:?}");
    let shown = debrief.json(&["list", "--format", "json"]);
    let dns = shown.as_array().unwrap().iter().find(|incident| incident["id"] == "2025-03-30-dns-resolution-failures");
    assert_eq!(dns.map(|incident| incident["started_at"].as_str()), Some(Some("2025-03-30T00:50:00+01:00")), "{shown}");
}

#[test]
fn import_refuses_bad_files_and_changes_nothing() {
    let debrief = Debrief::new();
    let cases: [(&str, &[u8]); 4] = [
        ("malformed.md", b"---\ntitle: ok\nseverity: [SEV1\n---\n# X\n"),
        ("duplicate.md", b"---\ntitle: A\nstarted: 2026-11-23T10:00:00Z\ntitle: B\n---\n"),
        ("latin1.md", b"---\ntitle: Caf\xe9\n---\n"),
        ("no-start.md", b"# Outage\n\nNo front matter and no date.\n"),
    ];
    for (name, content) in cases {
        let path = debrief.home().join(name);
        std::fs::write(&path, content).unwrap();
        let error = debrief.error(&["import-postmortem", path.to_str().unwrap()], None);
        assert!(one_line(&error).contains(name) || error.contains("started"), "{name}: {error}");
    }
    let missing = debrief.error(&["import-postmortem", "/nonexistent/pm.md"], None);
    assert!(missing.contains("cannot import /nonexistent/pm.md: it cannot be read"), "{missing}");
    assert_eq!(debrief.json(&["list", "--format", "json"]), serde_json::json!([]));
}

#[test]
fn check_holds_the_narratives_times_durations_and_citations_to_the_timeline() {
    let debrief = Debrief::new();
    incident_with_timeline(&debrief);
    debrief.ok(&["log", "--kind", "action", "--at", "2026-11-23T14:05:00+01:00", "Rolled back the deploy"]);
    let editor = sed_editor(
        &debrief,
        "s/^## Impact$/## Impact\\nWe rolled back at 14:20 and restarted the pool at 14:12 [#2], as the logs show [#9]. Checkouts failed for 45 minutes; the pool was cold for 2 minutes./",
    );
    let output = debrief.command().args(["draft", "--edit"]).env("EDITOR", &editor).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = debrief.run(&["check"], None);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let said = |claim: &str| text.lines().find(|line| line.contains(&format!("\u{201c}{claim}\u{201d}"))).unwrap_or("");
    assert!(
        said("14:20").contains("the timeline has #4 \u{201c}Rolled back the deploy\u{201d} at 2026-11-23 14:05"),
        "{text}"
    );
    assert!(said("[#9]").contains("does not have"), "{text}");
    assert!(said("for 45 minutes").contains("the key times: 31m from the start to mitigated"), "{text}");
    assert!(said("14:12").is_empty() && said("[#2]").is_empty() && !text.contains("2 minutes"), "{text}");
}

#[test]
fn check_reports_what_needs_attention() {
    let debrief = Debrief::new();
    incident_with_timeline(&debrief);
    debrief.ok(&["action", "add", "--owner", "carol", "Fix the pool size"]);
    debrief.ok(&["action", "add", "--owner", "carol", "--type", "learning", "Retire the old pool"]);
    debrief.ok(&["action", "wont", "2", "--reason", "the old pool is gone with the migration"]);
    let output = debrief.run(&["check"], None);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("action item #1 needs a type"), "the policy gave it a due date: {text}");
    assert!(!text.contains("#2"), "a won't-do item with its reason needs nothing more: {text}");
    assert!(text.contains("no resolved time is marked"));
    debrief.ok(&["action", "set", "1", "--due", "2026-12-15", "--type", "corrective"]);
    let report = debrief.json(&["check", "--format", "json"]);
    assert!(report["concerns"].as_array().unwrap().iter().all(|concern| concern["level"] == "note"), "{report}");
    let notes = debrief.ok(&["check"]);
    assert!(notes.contains(": nothing needs attention; notes for the write-up:\n"), "{notes}");
    let template = debrief.home().join("team.md");
    std::fs::write(&template, "## Impact\n<!-- How many? -->\n<!-- debrief:required -->\n").unwrap();
    let error = debrief.run(&["check", "--template", template.to_str().unwrap()], None);
    assert_eq!(error.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&error.stdout).contains("\"Impact\" is required and empty"));
}

#[test]
fn a_post_mortem_saying_only_when_it_was_detected_begins_then_with_no_time_to_detect() {
    // As the Ministry of Justice's incident pages list their key events.
    let page = "---\ntitle: Incident on 2025-10-13 - RDS t4g instances unavailable\nweight: 1\n---\n\n\
                # Incident on 2025-10-13 - RDS t4g instances unavailable\n\n- **Key events**\n  \
                - First detected 2025-10-13 08:59\n  - Incident declared 2025-10-13 10:27\n  \
                - Repaired 2025-10-13 17:38\n  - Resolved 2025-10-13 18:56\n\n- **Impact**:\n\n\
                Development teams were impacted by their instances being in an unavailable state.\n";
    let debrief = Debrief::new();
    let file = debrief.home().join("2025-10-13-rds-t4g-instances.html.md.erb");
    std::fs::write(&file, page).unwrap();
    let path = file.to_str().unwrap();
    let read = debrief.run(&["import-postmortem", path, "--zone", "Europe/London", "--format", "json"], None);
    assert_eq!(read.status.code(), Some(1), "warnings make the exit status 1");
    let read: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    let id = read["incident"].as_str().unwrap().to_string();
    assert_eq!((read["created"].as_bool(), read["open"].as_bool()), (Some(true), Some(false)));
    let warning = read["warnings"][0]["message"].as_str().unwrap();
    assert!(
        warning.starts_with(
            "nothing says when the incident began, so it begins when it was detected, 2025-10-13 08:59:00 \
             +01:00, and its time to detect is left unrecorded"
        ),
        "{warning}"
    );
    let incident = |debrief: &Debrief| {
        let list = debrief.json(&["list", "--format", "json"]);
        list.as_array().unwrap().iter().find(|incident| incident["id"] == id.as_str()).unwrap().clone()
    };
    let found = incident(&debrief);
    assert_eq!(found["started_at"], "2025-10-13T08:59:00+01:00");
    assert_eq!(
        (found["detected_at"].as_str(), found["mitigated_at"].as_str()),
        (None, Some("2025-10-13T17:38:00+01:00"))
    );
    // Read again, it still has no detection of zero minutes.
    debrief.run(&["import-postmortem", path, "--zone", "Europe/London"], None);
    assert!(incident(&debrief)["detected_at"].is_null());
    assert_eq!(debrief.timeline(&id).len(), 2, "mitigated and resolved, once each");

    // Read into an incident that began earlier, the detection is a key time like any other.
    let earlier = debrief.new_incident("RDS capacity", "2025-10-13T08:30:00+01:00");
    debrief.run(&["import-postmortem", path, "--incident", &earlier, "--zone", "Europe/London"], None);
    let list = debrief.json(&["list", "--format", "json"]);
    let earlier = list.as_array().unwrap().iter().find(|incident| incident["id"] == earlier.as_str()).unwrap();
    assert_eq!(earlier["detected_at"], "2025-10-13T08:59:00+01:00");
}

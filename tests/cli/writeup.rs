//! The path after an incident is resolved, as its post-mortem owner walks it: drafting, checking,
//! action items and publishing without naming the incident, capture that stays with open
//! incidents, and key times typed before the start that never make a duration negative.

use crate::remotes::{BareRemote, git};
use crate::util::{Debrief, one_line};

const ID: &str = "2026-11-23-checkout-latency";
const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";

/// Standard output and standard error of a command that must succeed with `expected_code`.
fn outputs(debrief: &Debrief, args: &[&str], expected_code: &[i32]) -> (String, String) {
    let output = debrief.run(args, None);
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 error");
    let code = output.status.code().unwrap_or(-1);
    assert!(expected_code.contains(&code), "debrief {args:?} exited {code}: {stdout}{stderr}");
    (stdout, stderr)
}

/// The line a write-up command prints on standard error when it picks the incident itself.
fn names_the_resolved_incident(stderr: &str) -> bool {
    stderr.lines().any(|line| {
        line.starts_with(&format!("Using incident {ID} (Checkout latency), resolved 2026-11-23 15:00:00 +01:00"))
            && line.contains("--incident ID")
    })
}

/// Every duration in a post-mortem's front matter and key-times list.
fn durations(postmortem: &str) -> Vec<String> {
    let front_matter = postmortem.split("\n---\n").next().expect("front matter");
    let in_front_matter = front_matter
        .lines()
        .skip_while(|line| *line != "durations:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_once(": ").map(|(_, value)| value.to_string()));
    let in_key_times = postmortem.lines().filter_map(|line| {
        let (_, after) = line.split_once("(time to ")?;
        let (_, duration) = after.split_once(": ")?;
        Some(duration.split(" after ").next()?.to_string())
    });
    in_front_matter.chain(in_key_times).collect()
}

#[test]
fn after_resolution_the_write_up_and_publish_need_no_incident_named() {
    let remote = BareRemote::new();
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    assert_eq!(debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00"), ID);
    debrief.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "--who", "bob", "Error rate at 40% on checkout"]);
    debrief.ok(&["mark", "resolved", "--at", "2026-11-23T15:00:00+01:00"]);

    let (draft, stderr) = outputs(&debrief, &["draft"], &[0]);
    assert!(draft.contains(&format!("id: {ID}")) && draft.contains("resolved: 2026-11-23T15:00:00+01:00"), "{draft}");
    assert!(names_the_resolved_incident(&stderr), "{stderr}");
    assert!(!draft.contains("Using incident"), "the notice stays off the draft");

    // `check` exits 1 while the template's sections are empty; what it checked is the incident.
    let (report, stderr) = outputs(&debrief, &["check"], &[0, 1]);
    assert!(report.starts_with(ID), "{report}");
    assert!(names_the_resolved_incident(&stderr), "{stderr}");
    let (json, stderr) = outputs(&debrief, &["check", "--format", "json"], &[0, 1]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("only JSON on standard output");
    assert_eq!(json["incident"], ID);
    assert!(names_the_resolved_incident(&stderr), "{stderr}");

    let (added, stderr) = outputs(
        &debrief,
        &[
            "action",
            "add",
            "--owner",
            "carol",
            "--due",
            "2026-12-15",
            "--type",
            "detective",
            "Alert on pool saturation",
        ],
        &[0],
    );
    assert_eq!(added.trim(), format!("added action item #1 to {ID}"));
    assert!(names_the_resolved_incident(&stderr), "{stderr}");
    assert!(names_the_resolved_incident(&outputs(&debrief, &["set", "--owner", "alice"], &[0]).1));
    assert!(names_the_resolved_incident(&outputs(&debrief, &["link", "--ticket", "INC-42"], &[0]).1));

    let (published, stderr) = outputs(&debrief, &["publish"], &[0]);
    assert!(published.contains(&format!("Published {PATH} to main")), "{published}{stderr}");
    assert!(names_the_resolved_incident(&stderr), "{stderr}");

    let clone = remote.clone();
    let arrived = std::fs::read_to_string(clone.path().join(PATH)).expect("the post-mortem is in the clone");
    assert_eq!(arrived, debrief.ok(&["draft"]));
    for fact in ["resolved: 2026-11-23T15:00:00+01:00", "owner: alice", "INC-42", "Alert on pool saturation", "carol"] {
        assert!(arrived.contains(fact), "{fact} is missing from:\n{arrived}");
    }
    let log = git(clone.path(), &["log", "--format=%s"]);
    assert_eq!(log.lines().next(), Some("Publish post-mortem: Checkout latency"));
}

#[test]
fn capture_commands_refuse_a_resolved_incident_unless_it_is_named() {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "Error rate at 40% on checkout"]);
    debrief.ok(&["mark", "resolved", "--at", "2026-11-23T15:00:00+01:00"]);
    for args in [
        &["log", "a line typed after the end"][..],
        &["mark", "mitigated"],
        &["edit", "1", "--text", "Error rate at 45% on checkout"],
    ] {
        let error = debrief.error(args, None);
        let line = one_line(&error);
        // The error names the incident that just ended, and how to write to it anyway.
        assert!(
            line.contains("no incident is open to write to: the last one, 2026-11-23-checkout-latency (Checkout latency), was resolved at 2026-11-23 15:00:00 +01:00. Nothing was saved")
                && line.contains("add --incident 2026-11-23-checkout-latency to write to it anyway"),
            "{args:?}: {error}"
        );
    }
    let error = debrief.error(&["capture"], Some(b"a line typed after the end\n"));
    assert!(
        one_line(&error).contains("no incident is open to write to: the last one, 2026-11-23-checkout-latency"),
        "{error}"
    );
    assert_eq!(debrief.texts(ID), ["Error rate at 40% on checkout", "Resolved"], "nothing was added");

    // Named, a resolved incident still takes a late line or a correction.
    debrief.ok(&["log", "--incident", ID, "--at", "2026-11-23T14:30:00+01:00", "Found in the chat afterwards"]);
    debrief.ok(&["edit", "1", "-i", ID, "--text", "Error rate at 45% on checkout"]);
    assert_eq!(debrief.texts(ID), ["Error rate at 45% on checkout", "Found in the chat afterwards", "Resolved"]);
}

#[test]
fn write_up_commands_without_any_incident_say_how_to_start() {
    let debrief = Debrief::new();
    for args in [&["draft"][..], &["publish"], &["check"], &["timeline"]] {
        let error = debrief.error(args, None);
        let line = one_line(&error);
        assert!(line.contains("there is no incident yet") && line.contains("debrief new TITLE"), "{args:?}: {error}");
    }
}

#[test]
fn a_key_time_before_the_start_moves_the_start_and_no_duration_is_ever_negative() {
    let remote = BareRemote::new();
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    let detected = debrief.ok(&["mark", "detected", "--at", "2026-11-23T13:50:00+01:00", "Alert in the pager history"]);
    assert!(detected.starts_with("detected at 2026-11-23 13:50:00 +01:00 (0s after the start)"), "{detected}");
    assert!(
        detected.contains("start moved back from 2026-11-23 14:00:00 +01:00 to 2026-11-23 13:50:00 +01:00"),
        "{detected}"
    );
    // Impact stopped by a failover before anyone noticed: mitigated before detected, and before the
    // start too. With --format json the notice goes to standard error, the entry alone to stdout.
    let (json, stderr) =
        outputs(&debrief, &["mark", "mitigated", "--at", "2026-11-23T13:45:00+01:00", "--format", "json"], &[0]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&json).expect("JSON")["kind"], "mitigated");
    assert!(stderr.contains("to 2026-11-23 13:45:00 +01:00"), "{stderr}");
    debrief.ok(&["mark", "resolved", "--at", "2026-11-23T15:00:00+01:00"]);

    let timeline = debrief.ok(&["timeline", ID]);
    assert!(timeline.contains("started    2026-11-23 13:45:00 +01:00"), "{timeline}");
    assert!(
        timeline.contains("was 2026-11-23 14:00:00 +01:00 · moved back when detected was marked before it"),
        "{timeline}"
    );
    assert!(timeline.contains("was 2026-11-23 13:50:00 +01:00 · moved back when mitigated was marked before it"));
    assert!(!timeline.contains("-5m") && !timeline.contains(" -"), "{timeline}");

    // Setting the start after a mark is refused, with the command that corrects the mark.
    let error = debrief.error(&["set", "--started", "2026-11-23T14:00:00+01:00"], None);
    let line = one_line(&error);
    assert!(line.contains("cannot start after it was mitigated at 2026-11-23 13:45:00 +01:00 (entry #2)"), "{error}");
    assert!(line.contains("Nothing was changed") && line.contains(&format!("debrief edit 2 --incident {ID} --at")));
    assert!(debrief.ok(&["draft"]).contains("started: 2026-11-23T13:45:00+01:00"));

    let draft = debrief.ok(&["draft"]);
    assert_eq!(durations(&draft), ["5m", "0s", "1h 10m", "1h 15m", "5m", "0s", "1h 10m"], "{draft}");
    assert!(draft.contains("time to detect: 5m after the start") && draft.contains("time to mitigate: 0s"));

    assert_eq!(debrief.run(&["publish"], None).status.code(), Some(0));
    let published = remote.show(PATH);
    assert!(published.contains("started: 2026-11-23T13:45:00+01:00"), "{published}");
    assert!(durations(&published).iter().all(|duration| !duration.starts_with('-')), "{published}");

    let reader = Debrief::new();
    reader.ok(&["remote", "set", &remote.url()]);
    reader.ok(&["sync"]);
    let stats = reader.json(&["stats", "--format", "json"]);
    let month = &stats[0];
    assert_eq!((month["period"].as_str(), month["incidents"].as_u64()), (Some("2026-11"), Some(1)), "{stats}");
    assert_eq!(month["time_to_detect"]["median_s"], 300);
    assert_eq!(month["time_to_mitigate"]["median_s"], 0, "mitigated before detection: zero, not negative");
    assert_eq!(month["time_to_resolve"]["median_s"], 70 * 60);
}

#[test]
fn correcting_a_mark_to_before_the_start_moves_the_start_and_says_so() {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["mark", "detected", "--at", "2026-11-23T14:10:00+01:00"]);
    let corrected = debrief.ok(&["edit", "1", "--at", "2026-11-23T13:55:00+01:00"]);
    assert!(corrected.contains("start moved back from 2026-11-23 14:00:00 +01:00 to 2026-11-23 13:55:00 +01:00"));
    let draft = debrief.ok(&["draft"]);
    assert!(draft.contains("started: 2026-11-23T13:55:00+01:00") && draft.contains("to_detect: 0s"), "{draft}");
}

#[test]
fn timeline_takes_the_incident_as_an_option_or_an_argument() {
    let debrief = Debrief::new();
    let older = debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "in the older one"]);
    let newer = debrief.new_incident("Login errors", "2026-11-24T09:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-24T09:05:00+01:00", "in the newer one"]);
    let texts = |args: &[&str]| -> Vec<String> {
        let entries = debrief.json(&[args, &["--format", "json"]].concat());
        entries.as_array().expect("array").iter().map(|entry| entry["text"].as_str().unwrap().to_string()).collect()
    };
    for args in [&["timeline", "-i", &older][..], &["timeline", "--incident", &older], &["timeline", &older]] {
        assert_eq!(texts(args), ["in the older one"], "{args:?}");
    }
    assert_eq!(texts(&["timeline"]), ["in the newer one"]);
    let (_, stderr) = outputs(&debrief, &["timeline", "--format", "md"], &[0]);
    assert!(stderr.starts_with(&format!("Using incident {newer} (Login errors), open since")), "{stderr}");
    let error = debrief.error(&["timeline", &older, "--incident", &newer], None);
    assert!(error.contains("cannot be used with"), "{error}");
}

#[test]
fn a_post_mortem_without_an_id_is_read_into_the_incident_named() {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    let file = debrief.home().join("review-notes.md");
    std::fs::write(
        &file,
        "---\ntitle: Checkout latency\nstarted: 2026-11-23T14:00:00+01:00\nowner: alice\n---\n\n# Checkout latency\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let saved = debrief.ok(&["import-postmortem", "--incident", ID, file]);
    assert!(saved.starts_with(&format!("saved into {ID}")), "{saved}");
    assert!(debrief.ok(&["draft", "-i", ID]).contains("owner: alice"));
    let other = debrief.new_incident("Login errors", "2026-11-24T09:00:00+01:00");
    let published = debrief.home().join("published.md");
    std::fs::write(&published, debrief.ok(&["draft", "-i", ID])).unwrap();
    let error = debrief.error(&["import-postmortem", "-i", &other, published.to_str().unwrap()], None);
    assert!(one_line(&error).contains(&format!("the id changed from `{other}` to `{ID}`")), "{error}");
}

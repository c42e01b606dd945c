//! `debrief capture`: the terminal's live capture line.

use crate::util::Debrief;

#[test]
fn capture_saves_each_line_with_who_kind_and_marks() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Capture", "-1h");
    let typed = "Error rate at 40%\n@alice /action restarted the pool\n\n/decision @bob fail over to eu-west\n/mitigated\n/var/log is full\n";
    let acks = debrief.ok_with_stdin(&["capture"], Some(typed.as_bytes()));
    assert_eq!(acks.lines().filter(|line| line.starts_with("saved #")).count(), 5, "{acks}");
    let entries = debrief.timeline(&id);
    let summary: Vec<_> = entries
        .iter()
        .map(|entry| {
            (entry["who"].as_str().unwrap_or("-"), entry["kind"].as_str().unwrap(), entry["text"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("-", "note", "Error rate at 40%"),
            ("alice", "action", "restarted the pool"),
            ("bob", "decision", "fail over to eu-west"),
            ("-", "mitigated", "Mitigated"),
            ("-", "note", "/var/log is full"),
        ]
    );
    assert_eq!(debrief.json(&["list", "--format", "json"])[0]["status"], "mitigated");
}

#[test]
fn capture_json_acknowledges_each_saved_line() {
    let debrief = Debrief::new();
    debrief.new_incident("Capture JSON", "-1h");
    let acks = debrief.ok_with_stdin(&["capture", "--format", "json"], Some(b"one\ntwo\n"));
    let acks: Vec<serde_json::Value> = acks.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(acks.len(), 2);
    assert_eq!(
        (acks[0]["line"].as_u64(), acks[0]["id"].as_u64(), acks[0]["text"].as_str()),
        (Some(1), Some(1), Some("one"))
    );
    assert_eq!(acks[1]["text"], "two");
}

#[test]
fn capture_reports_a_bad_line_and_keeps_going() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Capture errors", "-1h");
    let output = debrief.run(&["capture"], Some(b"before\n\xff\xfe broken\nafter\n"));
    assert_eq!(output.status.code(), Some(2), "a line that was not saved makes the exit status 2");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2 is not valid UTF-8") && stderr.contains("NOT saved"), "{stderr}");
    assert_eq!(debrief.texts(&id), ["before", "after"]);
}

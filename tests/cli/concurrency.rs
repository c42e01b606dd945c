//! Several Debrief processes at once on one data directory, and other programs holding its
//! files: nothing fails for having started at the same moment, and nothing that only reads
//! waits for a writer.

use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use crate::publish::responder_with_incident;
use crate::util::Debrief;

/// Waits for a child, failing the test (not hanging it) after half a minute.
fn finish_within_half_a_minute(mut child: Child, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} was still waiting after half a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn spawn(debrief: &Debrief, args: &[&str]) -> Child {
    debrief.command().args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

#[test]
fn six_first_starts_at_once_on_an_empty_data_directory_all_succeed() {
    let rounds: usize =
        std::env::var("DEBRIEF_FIRST_START_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(8);
    for round in 0..rounds {
        let debrief = Debrief::new();
        let children: Vec<Child> =
            (0..6).map(|person| spawn(&debrief, &["new", &format!("Round {round} start {person}")])).collect();
        for child in children {
            let output = finish_within_half_a_minute(child, "debrief new");
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "round {round}: {said}");
            assert!(!said.contains("damaged"), "round {round}: {said}");
        }
        assert_eq!(debrief.json(&["list", "--format", "json"]).as_array().unwrap().len(), 6, "round {round}");
    }
}

#[test]
fn a_list_and_a_timeline_answer_while_another_program_holds_the_write_lock() {
    let debrief = responder_with_incident();
    let id = debrief.json(&["list", "--format", "json"])[0]["id"].as_str().unwrap().to_string();
    // A backup tool, or another Debrief in the middle of a write.
    let holder = rusqlite::Connection::open(debrief.database()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE incidents SET title = title;").unwrap();
    for args in [vec!["list"], vec!["timeline", id.as_str()], vec!["status"]] {
        let output = finish_within_half_a_minute(spawn(&debrief, &args), &format!("debrief {args:?}"));
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(String::from_utf8(debrief.run(&["timeline", &id], None).stdout).unwrap().contains("Restarted the pool"));
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn status_and_remote_show_answer_while_a_publish_holds_the_shared_copy() {
    let debrief = responder_with_incident();
    assert_eq!(debrief.run(&["publish"], None).status.code(), Some(0));
    // What a publish in another process holds for as long as it talks to the remote.
    let lock = std::fs::OpenOptions::new().write(true).open(debrief.home().join("shared.lock")).unwrap();
    lock.lock().unwrap();
    for args in [vec!["status"], vec!["remote", "show"]] {
        let output = finish_within_half_a_minute(spawn(&debrief, &args), &format!("debrief {args:?}"));
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {said}");
        assert!(said.contains("another Debrief is publishing; showing what this laptop has"), "{said}");
    }
    lock.unlock().unwrap();
}

//! Crash soak: SIGKILL at random moments across everything that writes:
//! capture, draft edits, imports and publishes, round after round against one
//! data directory. Afterwards every acknowledged line is there, the database
//! passes `PRAGMA integrity_check`, Debrief's copy of the shared repository
//! passes `git fsck`, and the next publish completes.
//!
//! `DEBRIEF_SOAK_ROUNDS` sets the number of rounds (default 40; the full run is 1000).

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::remotes::{BareRemote, git, ssh_server_for};
use crate::util::Debrief;

fn random_below(bound: u64, salt: usize) -> u64 {
    RandomState::new().hash_one((std::time::SystemTime::now(), salt)) % bound
}

/// Kills `child` after a random moment of up to `max_ms`.
fn kill_at_random(mut child: Child, max_ms: u64, salt: usize) {
    std::thread::sleep(Duration::from_micros(random_below(max_ms * 1000, salt)));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn sigkill_across_capture_drafts_imports_and_publishes_loses_nothing() {
    let rounds: usize = std::env::var("DEBRIEF_SOAK_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(40);
    let remote = BareRemote::new();
    let debrief = Debrief::new();
    let id = debrief.new_incident("Soak", "2026-11-23T10:00:00+01:00");
    // Over SSH, as a real shared repository is reached (see the publish tests on why).
    let Some(server) = ssh_server_for(debrief.user_home()) else { return };
    debrief.ok(&["remote", "set", &server.url(remote.path())]);
    let editor = debrief.home().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nsed -i 's/^## Summary$/## Summary\\nAnother round of edits./' \"$1\"\n")
        .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let published_copy = debrief.home().join("published.md");
    debrief.ok(&["draft", "-o", published_copy.to_str().unwrap()]);
    let mut acknowledged = HashSet::new();
    for round in 0..rounds {
        match round % 4 {
            0 => {
                let mut child = debrief
                    .command()
                    .args(["capture", "--incident", &id, "--format", "json"])
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                let mut stdin = child.stdin.take().unwrap();
                let writer = std::thread::spawn(move || {
                    for line in 0..400 {
                        if writeln!(stdin, "round {round} line {line}").is_err() {
                            break;
                        }
                    }
                });
                let stdout = child.stdout.take().unwrap();
                let reader = std::thread::spawn(move || {
                    BufReader::new(stdout)
                        .lines()
                        .map_while(Result::ok)
                        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
                        .filter_map(|ack| ack["text"].as_str().map(str::to_string))
                        .collect::<Vec<_>>()
                });
                kill_at_random(child, 120, round);
                writer.join().unwrap();
                acknowledged.extend(reader.join().unwrap());
            }
            1 => {
                let child = debrief
                    .command()
                    .args(["draft", "--edit"])
                    .env("EDITOR", &editor)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                kill_at_random(child, 80, round);
            }
            2 => {
                let child = debrief
                    .command()
                    .arg("import-postmortem")
                    .arg(&published_copy)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                kill_at_random(child, 60, round);
            }
            _ => {
                let child =
                    debrief.command().arg("publish").stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
                kill_at_random(child, 250, round);
            }
        }
    }
    let stored: HashSet<String> = debrief.texts(&id).into_iter().collect();
    let lost: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "{} acknowledged lines lost, e.g. {:?}", lost.len(), lost.first());
    let conn = rusqlite::Connection::open(debrief.database()).unwrap();
    assert_eq!(conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).unwrap(), "ok");
    drop(conn);
    let output = debrief.run(&["publish"], None);
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(0), "{said}");
    git(&debrief.home().join("shared.git"), &["fsck", "--no-dangling", "--no-progress"]);
    let published = git(remote.path(), &["show", "main:incidents/2026/2026-11-23-soak.md"]);
    let draft = debrief.ok(&["draft"]);
    let first_difference = published.lines().zip(draft.lines()).position(|(a, b)| a != b);
    assert!(
        published == draft,
        "the published file differs from the draft at line {first_difference:?}: {:?} / {:?} ({} / {} lines); publish said: {said}",
        first_difference.and_then(|line| published.lines().nth(line)),
        first_difference.and_then(|line| draft.lines().nth(line)),
        published.lines().count(),
        draft.lines().count()
    );
    eprintln!("{rounds} rounds, {} lines acknowledged, none lost", acknowledged.len());
}

//! Crash soak: SIGKILL at random moments across everything that writes:
//! capture, draft edits, imports and publishes, round after round against one
//! data directory. Afterwards every acknowledged line is there, the database
//! passes `PRAGMA integrity_check`, Debrief's copy of the shared repository
//! passes `git fsck`, and the next publish completes.
//!
//! `DEBRIEF_SOAK_ROUNDS` sets the number of rounds (default 40; the full run is 1000).

use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;

use crate::remotes::{BareRemote, git, ssh_server_for};
use crate::util::{Debrief, kill_at_random};

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
                acknowledged.extend(debrief.capture_until_killed(&id, round, 400, 120_000));
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
                kill_at_random(child, 80_000, round);
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
                kill_at_random(child, 60_000, round);
            }
            _ => {
                let child =
                    debrief.command().arg("publish").stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
                kill_at_random(child, 250_000, round);
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

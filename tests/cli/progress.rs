//! Progress bars: drawn on a terminal for work that takes a while, never into a pipe or
//! into JSON meant for another program.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::remotes::BareRemote;
use crate::util::{BINARY, Debrief};

/// A shared repository holding `count` small post-mortems, written by `git fast-import`.
fn repository_with(count: usize) -> BareRemote {
    let remote = BareRemote::with_branch(Some("main"));
    let mut stream =
        b"commit refs/heads/main\ncommitter Tess <tess@example.com> 1700000000 +0000\ndata 5\nmany\n".to_vec();
    for number in 0..count {
        let text = format!(
            "---\ntitle: Incident {number}\ndate: 2025-01-02\n---\n\n# Incident {number}\n\nThe cache expired early.\n"
        );
        stream.extend(
            format!("M 100644 inline incidents/2025/2025-01-02-incident-{number}.md\ndata {}\n", text.len()).bytes(),
        );
        stream.extend(text.bytes());
        stream.push(b'\n');
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(remote.path())
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    remote
}

/// Runs `debrief ARGS` on a terminal of its own (util-linux `script`), with the person's
/// environment, and returns what it drew.
fn on_a_terminal(debrief: &Debrief, args: &str) -> Option<String> {
    let person = debrief.command();
    let mut script = Command::new("script");
    script.args(["-q", "-e", "-c", &format!("{BINARY} {args}"), "/dev/null"]).stdin(Stdio::null());
    for (name, value) in person.get_envs() {
        match value {
            Some(value) => script.env(name, value),
            None => script.env_remove(name),
        };
    }
    let output = script.output().ok().filter(|output| output.status.success())?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn sync_draws_progress_on_a_terminal_and_never_into_a_pipe_or_json() {
    let remote = repository_with(3000);
    let on_terminal = Debrief::new();
    on_terminal.ok(&["remote", "set", &remote.url()]);
    let Some(drawn) = on_a_terminal(&on_terminal, "sync") else {
        eprintln!("skipped: util-linux `script` cannot give the command a terminal here");
        return;
    };
    assert!(drawn.contains("Indexing post-mortems") && drawn.contains("/3000"), "{drawn}");

    let piped = Debrief::new();
    piped.ok(&["remote", "set", &remote.url()]);
    let output = piped.run(&["sync"], None);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success() && !said.contains("Indexing") && !said.contains('\r'), "{said}");

    let as_json = Debrief::new();
    as_json.ok(&["remote", "set", &remote.url()]);
    let drawn = on_a_terminal(&as_json, "sync --format json").expect("sync runs");
    assert!(!drawn.contains("Indexing"), "{drawn}");
    assert!(drawn.contains("\"documents\": 3000") || drawn.contains("\"documents\":3000"), "{drawn}");
}

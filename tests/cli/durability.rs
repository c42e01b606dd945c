//! An acknowledged line survives kill -9. A `debrief capture` child appends
//! lines and acknowledges each as JSON once its transaction is durable; it is
//! killed with SIGKILL at a random moment, over and over, against the same
//! database. Afterwards every acknowledged line is there and the database passes
//! `PRAGMA integrity_check`.
//!
//! `DEBRIEF_KILL_ROUNDS` sets the number of rounds (default 50).

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::Duration;

use crate::util::Debrief;

fn random_below(bound: u64) -> u64 {
    RandomState::new().hash_one(std::time::SystemTime::now()) % bound
}

#[test]
fn acknowledged_lines_survive_sigkill_at_random_moments() {
    let rounds: usize = std::env::var("DEBRIEF_KILL_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(50);
    let debrief = Debrief::new();
    let id = debrief.new_incident("Kill test", "-1h");
    let mut acknowledged = HashSet::new();
    for round in 0..rounds {
        let mut child = debrief
            .command()
            .args(["capture", "--incident", &id, "--format", "json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("capture starts");
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            for line in 0.. {
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
                .map(|line| {
                    serde_json::from_str::<serde_json::Value>(&line).expect("ack is JSON")["text"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect::<Vec<_>>()
        });
        // A random moment: sometimes while the database is still opening, mostly mid-append.
        std::thread::sleep(Duration::from_micros(random_below(60_000)));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        writer.join().unwrap();
        acknowledged.extend(reader.join().unwrap());
    }
    assert!(!acknowledged.is_empty(), "no line was acknowledged in {rounds} rounds");
    let stored: HashSet<String> = debrief.texts(&id).into_iter().collect();
    let lost: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "{} acknowledged lines lost, e.g. {:?}", lost.len(), lost.first());
    let conn = rusqlite::Connection::open(debrief.database()).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    eprintln!("{rounds} SIGKILL rounds, {} lines acknowledged, {} stored, none lost", acknowledged.len(), stored.len());
}

//! An acknowledged line survives kill -9. A `debrief capture` child appends
//! lines and acknowledges each as JSON once its transaction is durable; it is
//! killed with SIGKILL at a random moment, over and over, against the same
//! database. Afterwards every acknowledged line is there and the database passes
//! `PRAGMA integrity_check`.
//!
//! `DEBRIEF_KILL_ROUNDS` sets the number of rounds (default 50).

use std::collections::HashSet;

use crate::util::Debrief;

#[test]
fn acknowledged_lines_survive_sigkill_at_random_moments() {
    let rounds: usize = std::env::var("DEBRIEF_KILL_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(50);
    let debrief = Debrief::new();
    let id = debrief.new_incident("Kill test", "-1h");
    let mut acknowledged = HashSet::new();
    for round in 0..rounds {
        // A random moment: sometimes while the database is still opening, mostly mid-append.
        acknowledged.extend(debrief.capture_until_killed(&id, round, usize::MAX, 60_000));
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

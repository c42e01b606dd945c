//! Append latency with durability on: 10,000 timeline lines, each acknowledged
//! only after its transaction is fsynced. Prints percentiles for the README.
//!
//! Run with `cargo bench -p debrief-core --bench append`. The database lives under
//! the target directory, on the same disk the data directory would normally use.

use std::time::{Duration, Instant};

use debrief_core::{EntryKind, NewEntry, NewIncident, Store};

const APPENDS: usize = 10_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::Builder::new().prefix("append-bench").tempdir_in(env!("CARGO_TARGET_TMPDIR"))?;
    let mut store = Store::open(dir.path())?;
    let incident = store.create_incident(NewIncident { title: "Append benchmark".into(), ..Default::default() })?.id;
    let mut latencies = Vec::with_capacity(APPENDS);
    for number in 0..APPENDS {
        let line = NewEntry {
            who: Some(format!("responder-{}", number % 7)),
            kind: EntryKind::Note,
            text: format!("line {number}: error rate still at 12%, checking the connection pool on db-{}", number % 3),
            source: "bench".into(),
            at: None,
        };
        let started = Instant::now();
        store.append(&incident, line)?;
        latencies.push(started.elapsed());
    }
    latencies.sort();
    let percentile = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("appends: {APPENDS} (WAL, synchronous=FULL) into {}", dir.path().display());
    println!(
        "p50 {:.3} ms  p95 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
        ms(percentile(0.50)),
        ms(percentile(0.95)),
        ms(percentile(0.99)),
        ms(latencies[latencies.len() - 1])
    );
    Ok(())
}

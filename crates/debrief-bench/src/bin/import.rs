//! Importing a night's chat: 100,000 IRC log lines crossing midnight, imported into a
//! timeline, then imported again (which must add nothing), then 1,000,000 lines to show
//! that memory stays bounded whatever the size of the log. Peak memory is the process's
//! high-water mark (VmHWM), read after each step; nothing else in the process loads a
//! timeline, so it measures the import.
//!
//! `cargo run --release -p debrief-bench --bin import`

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use chrono::DateTime;
use debrief_bench::machine;
use debrief_core::import::Zone;
use debrief_core::import::chat_log::{LogFormat, LogOptions, import_log_file};
use debrief_core::{NewIncident, Store};

const NICKS: [&str; 6] = ["alice", "@bob", "carol", "+dave", "erin", "frank"];
const SAYINGS: [&str; 6] = [
    "checkout p99 is at 4.2s, error rate 12% on the eu-west pool",
    "db-2 connections at max (500/500), replicas look fine",
    "rolling back deploy 2026.11.23-3 of checkout-api now",
    "graph: https://grafana.example.com/d/checkout?from=now-3h&to=now",
    "pager fired again for payments, probably the same root cause",
    "ok",
];

fn main() -> anyhow::Result<()> {
    let dir = tempfile::Builder::new().prefix("import-bench").tempdir()?;
    let mut store = Store::open(&dir.path().join("data"))?;
    let started_at = Some(DateTime::parse_from_rfc3339("2026-11-23T22:00:00+01:00")?);
    let options =
        LogOptions { format: LogFormat::Auto, date: None, zone: "Europe/Berlin".parse::<Zone>()?, dry_run: false };
    println!("machine: {}", machine());
    println!("peak memory before importing: {:.1} MiB", peak_mib());

    for (lines, rounds) in [(100_000, 2), (1_000_000, 1)] {
        let log = dir.path().join(format!("irc-{lines}.log"));
        write_log(&log, lines)?;
        let megabytes = std::fs::metadata(&log)?.len() as f64 / 1_048_576.0;
        let incident = store.create_incident(NewIncident {
            title: format!("Import of {lines} lines"),
            started_at,
            ..Default::default()
        })?;
        for round in 1..=rounds {
            let began = Instant::now();
            let report = import_log_file(&mut store, &incident.id, &log, &options)?;
            let seconds = began.elapsed().as_secs_f64();
            // One line in a hundred is a join and one a pasted continuation: the rest are messages.
            let messages = lines / 100 * 98;
            let expected = if round == 1 { (messages, 0) } else { (0, messages) };
            anyhow::ensure!(
                (report.added, report.already_present) == expected,
                "import {round} added {} with {} already there",
                report.added,
                report.already_present
            );
            println!(
                "{lines} lines ({megabytes:.1} MiB), import {round}: {seconds:.2} s ({:.0} lines/s), {} added, {} already there, peak memory {:.1} MiB",
                lines as f64 / seconds,
                report.added,
                report.already_present,
                peak_mib()
            );
        }
    }
    Ok(())
}

/// An irssi-style log: a line every 1.7 s on average, so it crosses midnight more than once,
/// with joins and pasted lines in no known format mixed in, as in a real channel.
fn write_log(path: &Path, lines: usize) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut seconds: u64 = 22 * 3600;
    for number in 0..lines {
        seconds += [1, 2, 1, 3, 2, 1, 2][number % 7];
        let (hours, minutes, secs) = (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        match number % 100 {
            0 => writeln!(out, "{hours:02}:{minutes:02}:{secs:02} -!- guest{number} [~g@10.0.0.9] has joined #ops")?,
            50 => writeln!(out, "  at com.acme.checkout.Pool.borrow(Pool.java:{})", number % 997)?,
            _ => writeln!(
                out,
                "{hours:02}:{minutes:02}:{secs:02} <{}> {} (#{number})",
                NICKS[number % NICKS.len()],
                SAYINGS[number % SAYINGS.len()]
            )?,
        }
    }
    out.flush()?;
    Ok(())
}

/// The process's peak resident memory so far, from /proc (Linux).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1).and_then(|kilobytes| kilobytes.parse::<f64>().ok()))
        })
        .map_or(0.0, |kilobytes| kilobytes / 1024.0)
}

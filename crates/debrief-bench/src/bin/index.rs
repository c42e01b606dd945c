//! The browse index over 10,000 post-mortems: indexing them all, searching, "seen
//! before" (the post-mortems most like one), and re-indexing after one more is published.
//!
//! `cargo run --release -p debrief-bench --bin index`

use std::time::{Duration, Instant};

use debrief_bench::{machine, percentile_ms, synthetic, thread_cpu};
use debrief_core::config::SharedRepository;
use debrief_core::index::{Ignored, Index, SearchQuery};
use debrief_core::postmortem::Template;
use debrief_core::publish::{REPOSITORY_DIR, SharedRepo};

const POSTMORTEMS: usize = 10_000;
const ROUNDS: usize = 40;

fn main() -> anyhow::Result<()> {
    let dir = tempfile::Builder::new().prefix("index-bench").tempdir()?;
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir)?;
    // Debrief's copy of a shared repository that already holds 10,000 post-mortems.
    let repository = data_dir.join(REPOSITORY_DIR);
    synthetic::build_repository(&repository, POSTMORTEMS, 11)?;
    let settings = SharedRepository::default();
    let repo = SharedRepo::open(&data_dir, &settings)?;

    let started = Instant::now();
    let cpu_before = thread_cpu();
    let mut index = Index::open(&data_dir)?;
    let report = index.update_from(&repo)?;
    let full = started.elapsed();
    let cpu = thread_cpu().zip(cpu_before).map(|(after, before)| after.saturating_sub(before));
    anyhow::ensure!(report.documents == POSTMORTEMS, "indexed {} of {POSTMORTEMS}", report.documents);
    let cpu = cpu.map(|cpu| format!(" ({:.2} s of CPU)", cpu.as_secs_f64())).unwrap_or_default();
    println!("index {POSTMORTEMS} post-mortems from scratch: {:.2} s{cpu}", full.as_secs_f64());

    // What people look for in past incidents: words common and rare, a phrase, a prefix being
    // typed, and filters with and without words.
    let queries: Vec<SearchQuery> = [
        ("database", None, None),
        ("connection pool", None, None),
        ("certificate expired", None, None),
        ("kubernetes node", None, None),
        ("dns", None, None),
        ("rollback deploy", None, None),
        ("\"feature flags\"", None, None),
        ("memory", Some("SEV1"), None),
        ("outage", None, Some("checkout")),
        ("", Some("SEV2"), Some("payments")),
        ("load balancer 502", None, None),
        ("migrat", None, None),
    ]
    .into_iter()
    .map(|(text, severity, service)| SearchQuery {
        text: text.into(),
        severity: severity.map(str::to_string),
        service: service.map(str::to_string),
        limit: 20,
        ..Default::default()
    })
    .collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for _ in 0..ROUNDS {
        for query in &queries {
            let started = Instant::now();
            let hits = index.search(query)?;
            let elapsed = started.elapsed();
            times.push(elapsed);
            slowest.push((elapsed, query.text.clone()));
            anyhow::ensure!(!hits.is_empty(), "no hit for {:?}", query.text);
        }
    }
    slowest.sort();
    if std::env::var_os("DEBRIEF_BENCH_VERBOSE").is_some() {
        for (elapsed, text) in slowest.iter().rev().take(12) {
            println!("  {:.1} ms  {text:?}", elapsed.as_secs_f64() * 1000.0);
        }
    }
    times.sort();
    println!(
        "search ({} queries): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        percentile_ms(&times, 0.5),
        percentile_ms(&times, 0.95),
        percentile_ms(&times, 1.0)
    );

    // "Seen before" for post-mortems of the repository itself, as the draft view asks it.
    let sentences = synthetic::Sentences::from_corpus(&synthetic::corpus_dir());
    let mut seed = synthetic::Seed::new(11);
    let template = Template::default();
    let ignored = Ignored {
        words: template
            .sections
            .iter()
            .flat_map(|section| std::iter::once(section.heading.clone()).chain(section.prompt.clone()))
            .collect(),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or_else(|| anyhow::anyhow!("a valid date"))?;
    let mut similar = Vec::new();
    for number in 0..100 {
        let subject = synthetic::postmortem(&mut seed, &sentences, number * 97);
        let (Some(document), _) = debrief_core::index::read(&subject.path, subject.markdown.as_bytes()) else {
            anyhow::bail!("synthetic post-mortem {number} cannot be read");
        };
        let started = Instant::now();
        let seen = index.seen_before(&document, &ignored, 5, today)?;
        similar.push(started.elapsed());
        anyhow::ensure!(!seen.matches.is_empty(), "nothing seen before for {}", subject.path);
    }
    similar.sort();
    println!(
        "seen before ({} post-mortems): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        similar.len(),
        percentile_ms(&similar, 0.5),
        percentile_ms(&similar, 0.95),
        percentile_ms(&similar, 1.0)
    );

    let mut reindex = Vec::new();
    for number in 0..5 {
        synthetic::import(&repository, POSTMORTEMS + number..POSTMORTEMS + number + 1, 11)?;
        let started = Instant::now();
        let report = index.update_from(&repo)?;
        reindex.push(started.elapsed());
        anyhow::ensure!(report.indexed == 1 && !report.rebuilt, "expected one incremental update: {report:?}");
    }
    reindex.sort();
    println!(
        "re-index after one new post-mortem: median {:.1} ms, max {:.1} ms",
        percentile_ms(&reindex, 0.5),
        percentile_ms(&reindex, 1.0)
    );
    println!("machine: {}", machine());
    Ok(())
}

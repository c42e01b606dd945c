//! The browse index over 10,000 post-mortems: indexing them all, searching, "seen
//! before" (the post-mortems most like one), and re-indexing after one more is published.
//! Searches are set beside SQLite's FTS5 answering the same full-text queries on the same
//! index in the same run, alternating with them: its ranked top 20 alone, and with its
//! `snippet()` passages.
//!
//! `cargo run --release -p debrief-bench --bin index`

use std::time::{Duration, Instant};

use debrief_bench::{load, machine, percentile_ms, process_cpu, synthetic, thread_cpu};
use debrief_core::config::SharedRepository;
use debrief_core::index::{INDEX_FILE, Ignored, Index, SearchQuery, fts_query};
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

    println!("{}", load().unwrap_or_default());
    let started = Instant::now();
    let cpu_before = process_cpu();
    let mut index = Index::open(&data_dir)?;
    let report = index.update_from(&repo)?;
    let full = started.elapsed();
    let cpu = process_cpu().saturating_sub(cpu_before);
    anyhow::ensure!(report.documents == POSTMORTEMS, "indexed {} of {POSTMORTEMS}", report.documents);
    println!(
        "index {POSTMORTEMS} post-mortems from scratch: {:.2} s ({:.2} s of CPU, all threads)",
        full.as_secs_f64(),
        cpu.as_secs_f64()
    );

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
    // SQLite's FTS5 on its own, on the same index file: the same full-text queries (without
    // the filters, which it has no part in), ranked by its bm25 with the same column weights.
    let fts5 = rusqlite::Connection::open_with_flags(
        data_dir.join(INDEX_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    fts5.execute_batch("PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768;")?;
    debrief_core::index::register_tokenizer(&fts5)?;
    let ranked_only = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1
                       ORDER BY bm25(documents_fts, 8.0, 4.0, 1.0) LIMIT 20";
    // FTS5's documented way to rank with a function of one's choosing and cut passages.
    let with_snippets = "SELECT rowid, snippet(documents_fts, -1, char(2), char(3), '…', 18) FROM documents_fts
                         WHERE documents_fts MATCH ?1 AND rank MATCH 'bm25(8.0, 4.0, 1.0)'
                         ORDER BY rank LIMIT 20";
    let mut references = [(ranked_only, Timings::default()), (with_snippets, Timings::default())];
    let mut debrief = Timings::default();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for _ in 0..ROUNDS {
        for query in &queries {
            let (started, cpu) = (Instant::now(), thread_cpu());
            let hits = index.search(query)?;
            debrief.add(started.elapsed(), thread_cpu().saturating_sub(cpu));
            slowest.push((started.elapsed(), query.text.clone()));
            anyhow::ensure!(!hits.is_empty(), "no hit for {:?}", query.text);
            let Some(matching) = fts_query(&query.text) else { continue };
            for (sql, timings) in &mut references {
                let (started, cpu) = (Instant::now(), thread_cpu());
                let mut statement = fts5.prepare_cached(sql)?;
                let rows = statement.query_map([&matching], |row| row.get::<_, i64>(0))?.count();
                timings.add(started.elapsed(), thread_cpu().saturating_sub(cpu));
                anyhow::ensure!(rows > 0, "FTS5 found nothing for {matching}");
            }
        }
    }
    slowest.sort();
    if std::env::var_os("DEBRIEF_BENCH_VERBOSE").is_some() {
        for (elapsed, text) in slowest.iter().rev().take(12) {
            println!("  {:.1} ms  {text:?}", elapsed.as_secs_f64() * 1000.0);
        }
    }
    println!("search ({}), {}", debrief.count(), debrief.summary());
    let [(_, ranked), (_, snippets)] = &mut references;
    println!("  same run, FTS5 alone, bm25 top 20 ({}): {}", ranked.count(), ranked.summary());
    println!("  same run, FTS5 alone, ORDER BY rank with snippet() ({}): {}", snippets.count(), snippets.summary());
    println!("{}", load().unwrap_or_default());

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

/// Elapsed and CPU times of one kind of query.
#[derive(Default)]
struct Timings {
    elapsed: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Timings {
    fn add(&mut self, elapsed: Duration, cpu: Duration) {
        self.elapsed.push(elapsed);
        self.cpu.push(cpu);
    }

    fn count(&self) -> String {
        format!("{} queries", self.elapsed.len())
    }

    fn summary(&mut self) -> String {
        self.elapsed.sort();
        self.cpu.sort();
        format!(
            "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms; CPU p50 {:.2} ms, p95 {:.2} ms",
            percentile_ms(&self.elapsed, 0.5),
            percentile_ms(&self.elapsed, 0.95),
            percentile_ms(&self.elapsed, 1.0),
            percentile_ms(&self.cpu, 0.5),
            percentile_ms(&self.cpu, 0.95)
        )
    }
}

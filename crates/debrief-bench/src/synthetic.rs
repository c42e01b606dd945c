//! Synthetic post-mortems: the fields, sizes and variety of a real team's
//! repository (severities, services, multi-day incidents, long timelines,
//! action items, and some written by hand without front matter), generated
//! deterministically from a seed. Their prose is sampled from the sentences of
//! real public post-mortems (`../shared/corpus`), so words are as common or as
//! rare as they are in real write-ups; without the corpus, a small built-in
//! vocabulary stands in and every word is common.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

const SERVICES: [&str; 12] = [
    "checkout",
    "payments",
    "search",
    "login",
    "api-gateway",
    "billing",
    "notifications",
    "cdn",
    "postgres",
    "kafka",
    "dns",
    "storage",
];
const TAGS: [&str; 10] = [
    "database",
    "deploy",
    "config",
    "capacity",
    "network",
    "certificate",
    "dependency",
    "cache",
    "queue",
    "third-party",
];
const PEOPLE: [&str; 9] = ["alice", "bob", "carol", "dave", "erin", "frank", "gia", "hal", "ivy"];
const SUBJECTS: [&str; 10] = [
    "The connection pool",
    "A config change",
    "The deploy pipeline",
    "Replica lag",
    "The cache cluster",
    "A certificate",
    "The load balancer",
    "A retry storm",
    "The message queue",
    "Disk usage",
];
const VERBS: [&str; 8] = ["exhausted", "delayed", "saturated", "slowed", "blocked", "exceeded", "degraded", "filled"];
const OBJECTS: [&str; 8] = [
    "checkout requests",
    "the primary database",
    "background jobs",
    "login sessions",
    "search indexing",
    "webhook delivery",
    "the p99 latency budget",
    "regional traffic",
];

/// A deterministic source of variety (SplitMix64).
pub struct Seed(u64);

impl Seed {
    pub fn new(seed: u64) -> Seed {
        Seed(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One post-mortem file: where it goes and what it says.
pub struct SyntheticPostmortem {
    pub path: String,
    pub markdown: String,
    pub started: DateTime<FixedOffset>,
}

/// Sentences to write prose from.
pub struct Sentences {
    pool: Vec<String>,
}

impl Sentences {
    /// The sentences of the real post-mortems in `corpus`, or the built-in vocabulary if there are none.
    pub fn from_corpus(corpus: &Path) -> Sentences {
        let mut pool = Vec::new();
        let mut files = vec![corpus.to_path_buf()];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|entry| entry.path()));
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let prose = text.lines().map(str::trim).filter(|line| {
                line.len() > 30 && !line.starts_with(['|', '#', '-', '*', '`', '<', '+', '>', '[', '!'])
            });
            for line in prose {
                pool.extend(
                    line.split(". ")
                        .map(|sentence| sentence.trim().trim_end_matches('.').replace('|', "/"))
                        .filter(|sentence| sentence.len() > 20 && sentence.len() < 300)
                        .map(|sentence| format!("{sentence}.")),
                );
            }
        }
        pool.sort();
        pool.dedup();
        Sentences { pool }
    }

    pub fn len(&self) -> usize {
        self.pool.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pool.is_empty()
    }

    fn sentence(&self, seed: &mut Seed) -> String {
        if self.pool.is_empty() {
            let (subject, verb, object) = (seed.pick(&SUBJECTS), seed.pick(&VERBS), seed.pick(&OBJECTS));
            return format!("{subject} {verb} {object} for {} minutes.", 3 + seed.below(90));
        }
        self.pool[seed.below(self.pool.len())].clone()
    }

    /// A sentence short enough for a timeline row.
    fn short_sentence(&self, seed: &mut Seed) -> String {
        (0..8).map(|_| self.sentence(seed)).find(|sentence| sentence.len() < 110).unwrap_or_else(|| self.sentence(seed))
    }

    fn paragraph(&self, seed: &mut Seed, sentences: usize) -> String {
        (0..sentences).map(|_| self.sentence(seed)).collect::<Vec<_>>().join(" ")
    }
}

/// The public post-mortems beside this repository, as the benchmarks expect to find them.
pub fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// The `number`th post-mortem of a repository, starting in 2022 and spreading over four years.
pub fn postmortem(seed: &mut Seed, sentences: &Sentences, number: usize) -> SyntheticPostmortem {
    let zone = FixedOffset::east_opt([0, 3600, -5 * 3600, 9 * 3600][seed.below(4)]).expect("valid offsets");
    let base = zone.with_ymd_and_hms(2022, 1, 3, 0, 0, 0).single().expect("a valid date");
    let started = base + Duration::minutes((number as i64 * 197 + seed.below(180) as i64) % (4 * 365 * 24 * 60));
    let service = seed.pick(&SERVICES);
    let title = format!(
        "{} {} {}",
        capitalized(service),
        ["latency", "outage", "errors", "degradation"][seed.below(4)],
        number
    );
    let slug = title.to_lowercase().replace(' ', "-");
    let id = format!("{}-{slug}", started.format("%Y-%m-%d"));
    let path = format!("incidents/{}/{id}.md", started.format("%Y"));
    let detected = started + Duration::minutes(1 + seed.below(45) as i64);
    let mitigated = detected + Duration::minutes(5 + seed.below(240) as i64);
    let resolved = mitigated + Duration::minutes(10 + seed.below(3000) as i64);
    let rows = 5 + seed.below(26);
    let mut timeline = String::from("| Time | Who | Kind | What happened |\n|---|---|---|---|\n");
    for row in 0..rows {
        let at = started + Duration::minutes((row * 7) as i64);
        let kind = ["note", "action", "observation", "decision", "communication"][seed.below(5)];
        timeline.push_str(&format!(
            "| {} | {} | {kind} | {} |\n",
            at.format("%Y-%m-%d %H:%M:%S %:z"),
            seed.pick(&PEOPLE),
            sentences.short_sentence(seed)
        ));
    }
    let body_sections = [
        "Summary",
        "Impact",
        "Contributing factors",
        "Detection",
        "Response",
        "Recovery",
        "What went well",
        "What was hard",
    ];
    let mut prose = String::new();
    for heading in body_sections {
        let count = 1 + seed.below(4);
        prose.push_str(&format!("## {heading}\n{}\n\n", sentences.paragraph(seed, count)));
    }
    let markdown = if seed.below(10) == 0 {
        // Written by hand, without Debrief's front matter.
        format!("# {title}\n\n{prose}## Timeline\n\n{timeline}")
    } else {
        let severity = format!("SEV{}", 1 + seed.below(4));
        let kind = ["unscheduled", "unscheduled", "unscheduled", "scheduled", "game-day"][seed.below(5)];
        let owner = seed.pick(&PEOPLE);
        let tag = seed.pick(&TAGS);
        let second_service = seed.pick(&SERVICES);
        let done = if seed.below(3) == 0 { "open" } else { "done" };
        format!(
            "---\nid: {id}\ntitle: {title}\nstatus: final\nkind: {kind}\nseverity: {severity}\nstarted: {}\ndetected: {}\n\
             mitigated: {}\nresolved: {}\nowner: {owner}\nservices:\n  - {service}\n  - {second_service}\ntags:\n  - {tag}\n\
             action_items:\n  - id: 1\n    text: {}\n    owner: {}\n    due: {}\n    type: preventive\n    status: {done}\n---\n\n\
             # {title}\n\n{prose}## Timeline\n<!-- debrief:timeline -->\n{timeline}\n",
            started.to_rfc3339(),
            detected.to_rfc3339(),
            mitigated.to_rfc3339(),
            resolved.to_rfc3339(),
            sentences.sentence(seed),
            seed.pick(&PEOPLE),
            (resolved + Duration::days(30)).format("%Y-%m-%d"),
        )
    };
    SyntheticPostmortem { path, markdown, started }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Fills the bare repository at `repository` with `count` post-mortems, one commit each, on `main`.
pub fn build_repository(repository: &Path, count: usize, seed: u64) -> anyhow::Result<()> {
    let status =
        Command::new("git").args(["init", "--quiet", "--bare", "--initial-branch=main"]).arg(repository).status()?;
    anyhow::ensure!(status.success(), "git init failed");
    import(repository, 0..count, seed)
}

/// Adds the post-mortems numbered `numbers` on top of `main`, one commit each.
pub fn import(repository: &Path, numbers: std::ops::Range<usize>, seed: u64) -> anyhow::Result<()> {
    let mut import = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(repository)
        .env("GIT_DIR", repository)
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stream = std::io::BufWriter::new(import.stdin.take().ok_or_else(|| anyhow::anyhow!("no stdin for git"))?);
    let sentences = Sentences::from_corpus(&corpus_dir());
    let mut seed = Seed::new(seed ^ numbers.start as u64);
    let mut first = numbers.start > 0;
    for number in numbers {
        let postmortem = postmortem(&mut seed, &sentences, number);
        let message = format!("Publish post-mortem {number}");
        writeln!(stream, "commit refs/heads/main")?;
        writeln!(stream, "committer Synthetic Team <team@example.com> {} +0000", postmortem.started.timestamp())?;
        writeln!(stream, "data {}\n{message}", message.len())?;
        if first {
            writeln!(stream, "from refs/heads/main^0")?;
            first = false;
        }
        writeln!(stream, "M 100644 inline {}", postmortem.path)?;
        writeln!(stream, "data {}\n{}", postmortem.markdown.len(), postmortem.markdown)?;
    }
    stream.flush()?;
    drop(stream);
    let status = import.wait()?;
    anyhow::ensure!(status.success(), "git fast-import failed");
    Ok(())
}

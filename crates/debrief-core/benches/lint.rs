//! In-process checking speed, for the desktop app that checks a draft as the
//! user types: every post-mortem of the corpus cut to its first 5 KB, each
//! checked many times; prints percentiles for the README.
//!
//! Run with `cargo bench -p debrief-core --bench lint [CORPUS_DIR]` (default:
//! the shared corpus beside the repository). Whole-process speed against grep
//! is measured by `scripts/bench-lint`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use debrief_core::lint::Linter;

/// The size of a draft being typed.
const DRAFT_BYTES: usize = 5 * 1024;
const ROUNDS: usize = 200;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let mut drafts = Vec::new();
    collect_drafts(&corpus, &mut drafts)?;
    if drafts.is_empty() {
        return Err(format!("no Markdown files of at least {DRAFT_BYTES} bytes under {}", corpus.display()).into());
    }
    let linter = Linter::default();
    let mut timings = Vec::with_capacity(drafts.len() * ROUNDS);
    let mut findings = 0;
    for _ in 0..ROUNDS {
        for draft in &drafts {
            let started = Instant::now();
            findings += linter.check(draft).len();
            timings.push(started.elapsed());
        }
    }
    timings.sort();
    let percentile = |p: f64| timings[((timings.len() as f64 * p) as usize).min(timings.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} drafts of {DRAFT_BYTES} bytes from {}, {ROUNDS} rounds, {} findings per round",
        drafts.len(),
        corpus.display(),
        findings / ROUNDS
    );
    println!(
        "check of one 5 KB draft: p50 {:.3} ms  p90 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
        ms(percentile(0.50)),
        ms(percentile(0.90)),
        ms(percentile(0.99)),
        ms(timings[timings.len() - 1])
    );
    Ok(())
}

/// The first 5 KB (cut at a line end) of every Markdown file of at least that size.
fn collect_drafts(dir: &Path, drafts: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_drafts(&path, drafts)?;
        } else if path.to_string_lossy().contains(".md") {
            let text = std::fs::read_to_string(&path)?;
            if text.len() >= DRAFT_BYTES {
                let mut cut = DRAFT_BYTES;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let end = text[..cut].rfind('\n').map_or(cut, |newline| newline + 1);
                drafts.push(text[..end].to_string());
            }
        }
    }
    Ok(())
}

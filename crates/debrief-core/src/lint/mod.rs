//! The wording checker: blameless post-mortems explicitly disallow counterfactual
//! ("we could have rolled back"), blaming ("Bob failed to renew the
//! certificate"), minimizing ("they just needed to restart it") and hindsight
//! ("in hindsight, it was obvious") wording, because it argues with what
//! happened instead of explaining it. This module finds such wording in Markdown
//! and says why each phrase is a problem and how to reword it.
//!
//! It is precise enough to leave switched on: rules read grammar, not a word
//! list, so "the job failed to start", "we should add alerting", "must have
//! been" and "would have been visible" under a detection heading pass. The
//! desktop app checks a draft as the user types (well under a millisecond for a
//! few kilobytes); `debrief lint` checks a shared repository in CI.
//!
//! Markdown goes in ([`Linter::check`]), [`Finding`]s come out, each with exact
//! byte offsets into the text given.

mod config;
mod dialects;
mod document;
mod forms;
mod grammar;
mod outline;
pub mod report;
mod rules;
mod source;
mod text;
mod triggers;
mod words;

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

pub use config::{CONFIG_PATH, Config, DEFAULT_CONFIG, SectionRule, TeamPhrase};
pub use rules::{RULES, RuleInfo};
pub use source::{MAX_SOURCE_BYTES, Source, decode, read_source, read_stream};

use document::Document;
use rules::Hit;
use text::{Kind, Sentence, sentence_ranges};
use triggers::{Trigger, Triggered};

/// What a finding is about: one of the four kinds of wording, or the follow-through of a
/// published post-mortem's action items (owner, due date, type, overdue, a reason for won't-do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Category {
    Counterfactual,
    Blame,
    Minimizing,
    Hindsight,
    #[serde(rename = "follow-up")]
    FollowUp,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Counterfactual, Category::Blame, Category::Minimizing, Category::Hindsight, Category::FollowUp];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Counterfactual => "counterfactual",
            Category::Blame => "blame",
            Category::Minimizing => "minimizing",
            Category::Hindsight => "hindsight",
            Category::FollowUp => "follow-up",
        }
    }

    /// Whether the category is about wording (the rest is about action items).
    pub fn is_wording(self) -> bool {
        self != Category::FollowUp
    }
}

/// How much a finding matters to a check: errors and warnings fail it, notes do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Only the TypeScript name changes: serde never writes an enum's own name.
#[cfg_attr(feature = "specta", serde(rename = "FindingSeverity"))]
pub enum Severity {
    Error,
    #[default]
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// Whether a finding of this severity fails a check (`debrief lint` exits 1).
    pub fn fails(self) -> bool {
        self != Severity::Note
    }
}

/// One phrase the checker objects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    /// Byte offsets of the phrase in the checked text, `start..end`.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of `start`.
    pub line: usize,
    pub column: usize,
    /// 1-based line and column of `end`, the first character after the phrase.
    pub end_line: usize,
    pub end_column: usize,
    /// A built-in rule id (see [`RULES`]) or a team phrase id from the configuration.
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// Why the wording is a problem, in one sentence.
    pub message: String,
    /// How to say it neutrally: advice, or a rewording of the sentence as an example.
    pub suggestion: Option<String>,
    /// Words that can replace the phrase (`start..end`) as written and still read as a
    /// sentence, e.g. "did not catch" for "should have caught": the one-click rewording.
    /// Only given where the grammar makes that certain.
    pub replacement: Option<String>,
    /// The phrase as written.
    pub phrase: String,
    /// Byte offsets of the sentence holding the phrase, for showing it in context.
    pub sentence_start: usize,
    pub sentence_end: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum LintError {
    #[error("cannot read {name}: {source}")]
    Read { name: String, source: std::io::Error },

    #[error("{name} is {size} bytes, more than the {} MiB a Markdown write-up may have; it was not checked", MAX_SOURCE_BYTES / 1024 / 1024)]
    TooLarge { name: String, size: u64 },

    #[error("{name} looks like a binary file (it contains NUL bytes); it was not checked")]
    Binary { name: String },

    #[error(
        "{name} is not valid UTF-8 (line {line}, column {column}); it was not checked; convert it to UTF-8 first, e.g. with iconv"
    )]
    NotUtf8 { name: String, line: usize, column: usize },

    #[error("cannot read the wording configuration {}: {source}", path.display())]
    ConfigRead { path: PathBuf, source: std::io::Error },

    #[error("the wording configuration {} is not valid TOML: {message}", path.display())]
    ConfigParse { path: PathBuf, message: String },

    #[error("the wording configuration {} names `{name}`, which is neither a rule, a category nor a team phrase; `debrief lint --print-config` lists the rules", path.display())]
    UnknownRule { path: PathBuf, name: String },

    #[error("the wording configuration {} is invalid: {reason}", path.display())]
    InvalidConfig { path: PathBuf, reason: String },
}

/// A configured checker, ready to check any number of documents.
pub struct Linter {
    config: Config,
    /// The team's phrases, if it has any; pattern `i` belongs to phrase `team_patterns[i]`.
    team: Option<AhoCorasick>,
    team_patterns: Vec<usize>,
    disabled: BTreeSet<String>,
}

impl Default for Linter {
    fn default() -> Linter {
        Linter::new(Config::default()).expect("the default configuration is valid; a test checks it")
    }
}

impl Linter {
    pub fn new(mut config: Config) -> Result<Linter, LintError> {
        // Headings are matched ignoring case; the outline lowercases the document's.
        for rule in &mut config.sections {
            rule.headings.iter_mut().for_each(|word| *word = word.to_lowercase());
        }
        let search_error = |error: aho_corasick::BuildError| LintError::InvalidConfig {
            path: config.origin.clone().unwrap_or_default(),
            reason: format!("the phrases cannot be searched for: {error}"),
        };
        let searcher = |patterns: &[String]| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns)
                .map_err(search_error)
        };
        let mut patterns: Vec<String> = Vec::new();
        let mut team_patterns = Vec::new();
        for (index, phrase) in config.phrases.iter().enumerate() {
            for text in phrase.phrases.iter().map(|text| text.trim()).filter(|text| !text.is_empty()) {
                // Typed with a straight apostrophe, written with a curly one, or the other way round.
                for variant in [text.to_string(), text.replace('\'', "’"), text.replace('’', "'")] {
                    if !patterns.contains(&variant) {
                        patterns.push(variant);
                        team_patterns.push(index);
                    }
                }
            }
        }
        let team = if patterns.is_empty() { None } else { Some(searcher(&patterns)?) };
        let disabled = config.disable.iter().cloned().collect();
        Ok(Linter { config, team, team_patterns, disabled })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Every finding in a Markdown document, in document order.
    pub fn check(&self, markdown: &str) -> Vec<Finding> {
        let threads = if markdown.len() >= PARALLEL_MIN_BYTES {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        } else {
            1
        };
        self.check_on(markdown, threads)
    }

    /// Checks the chunks of a document that hold a trigger word, spread over `threads` threads.
    fn check_on(&self, markdown: &str, threads: usize) -> Vec<Finding> {
        let outline = outline::outline(markdown);
        let context = Context { markdown, outline: &outline };
        let parts: Vec<Checked> = if threads <= 1 {
            vec![self.check_chunks(&context, &outline.chunks)]
        } else {
            // More groups than threads, taken in turn by whichever thread is free:
            // parts of a document differ in how much there is to read.
            let groups = chunk_groups(&outline.chunks, threads * GROUPS_PER_THREAD);
            let next_group = AtomicUsize::new(0);
            let work = || {
                let mut done = Vec::new();
                loop {
                    let index = next_group.fetch_add(1, Ordering::Relaxed);
                    let Some(group) = groups.get(index) else { return done };
                    done.push((index, self.check_chunks(&context, group)));
                }
            };
            let mut done = std::thread::scope(|scope| {
                let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
                let mut done = work();
                for helper in helpers {
                    done.extend(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
                }
                done
            });
            done.sort_by_key(|&(index, _)| index);
            done.into_iter().map(|(_, checked)| checked).collect()
        };
        let mut findings = Vec::new();
        let mut suppressions = Vec::new();
        for part in parts {
            findings.extend(part.findings);
            suppressions.extend(part.suppressions);
        }
        if !findings.is_empty() && !suppressions.is_empty() {
            let suppressed_lines: Vec<(Range<usize>, &[String])> = suppressions
                .iter()
                .map(|suppression| {
                    let (first_line, _) = outline.position(markdown, suppression.range.start);
                    let (last_line, _) = outline.position(markdown, suppression.range.end.saturating_sub(1));
                    (first_line..last_line + 2, suppression.rules.as_slice())
                })
                .collect();
            findings.retain(|finding| !is_suppressed(finding, &suppressed_lines));
        }
        findings
    }

    /// The findings in some chunks of a document, and the suppressions found there.
    fn check_chunks(&self, context: &Context, chunks: &[Range<usize>]) -> Checked {
        let mut checked = Checked::default();
        // Neighbouring chunks worth reading are parsed together: fewer, larger parses.
        let mut run: Option<Range<usize>> = None;
        let mut found: Vec<(usize, Trigger)> = Vec::new();
        for chunk in chunks {
            let raw = &context.markdown[chunk.clone()];
            let before = found.len();
            let mut triggered = Triggered::default();
            triggers::scan(raw, |at, trigger| {
                found.push((chunk.start + at, trigger));
                triggered.add(at, trigger);
            });
            let team_phrase = self.team.as_ref().is_some_and(|team| team.is_match(raw));
            if triggered.worth_reading() || team_phrase {
                run = Some(run.map_or(chunk.clone(), |run| run.start..chunk.end));
                continue;
            }
            found.truncate(before);
            if let Some(run) = run.take() {
                self.check_run(context, run, &found, &mut checked);
                found.clear();
            }
        }
        if let Some(run) = run {
            self.check_run(context, run, &found, &mut checked);
        }
        checked
    }

    /// Parses consecutive chunks worth reading and checks their prose.
    fn check_run(&self, context: &Context, run: Range<usize>, found: &[(usize, Trigger)], checked: &mut Checked) {
        let document = document::parse(context.markdown, run, &self.config.front_matter_fields);
        // Triggers in code, URLs and other text that is not prose fall away here.
        let in_prose: Vec<(usize, Trigger)> =
            found.iter().filter_map(|&(at, trigger)| Some((document.prose_offset(at)?, trigger))).collect();
        self.check_document(context, &document, &in_prose, &mut checked.findings);
        checked.suppressions.extend(document.suppressions);
    }

    /// The findings in the prose of one parsed chunk, given where its triggers are
    /// in the prose. Blocks and sentences without a trigger are never split into words.
    fn check_document(
        &self,
        context: &Context,
        document: &Document,
        triggers: &[(usize, Trigger)],
        findings: &mut Vec<Finding>,
    ) {
        let mut team = self.team.as_ref().map(|team| team.find_iter(document.text.as_str()).peekable());
        for block in &document.blocks {
            let text = document.block_text(block);
            // Triggers are in document order, as the prose is.
            let first = triggers.partition_point(|(at, _)| *at < block.range.start);
            let last = triggers.partition_point(|(at, _)| *at < block.range.end);
            let found: Vec<(usize, Trigger)> =
                triggers[first..last].iter().map(|&(at, trigger)| (at - block.range.start, trigger)).collect();
            let mut in_block = Triggered::default();
            found.iter().for_each(|&(at, trigger)| in_block.add(at, trigger));
            let mut team_found = Vec::new();
            if let Some(team) = team.as_mut() {
                while let Some(hit) = team.next_if(|hit| hit.start() < block.range.end) {
                    if hit.start() >= block.range.start {
                        team_found.push(hit.start() - block.range.start);
                    }
                }
            }
            if !in_block.worth_reading() && team_found.is_empty() {
                continue;
            }
            let section = context.outline.section_at(document.source_start(block.range.start));
            let headings: Vec<&str> = context.outline.headings(section).collect();
            for range in sentence_ranges(text) {
                let mut triggered = Triggered::default();
                found.iter().filter(|(at, _)| range.contains(at)).for_each(|&(at, trigger)| triggered.add(at, trigger));
                let team_phrase = team_found.iter().any(|at| range.contains(at));
                if !triggered.worth_reading() && !team_phrase {
                    continue;
                }
                let sentence = Sentence::new(&text[range.clone()]);
                let mut hits = Vec::new();
                rules::check(&sentence, &mut hits);
                let team_hits = if team_phrase { self.team_hits(&sentence) } else { Vec::new() };
                let mut candidates: Vec<Candidate> = hits
                    .into_iter()
                    .filter_map(|hit| self.built_in(&sentence, hit))
                    .chain(team_hits)
                    .filter(|candidate| self.applies(candidate, &headings))
                    .collect();
                candidates.sort_by_key(|candidate| (candidate.start, std::cmp::Reverse(candidate.end)));
                let in_prose = block.range.start + range.start..block.range.start + range.end;
                let mut categories = BTreeSet::new();
                for candidate in candidates {
                    // One finding per category and sentence: the first phrase explains the sentence.
                    if categories.insert(candidate.category) {
                        findings.push(self.finding(context, document, &in_prose, candidate));
                    }
                }
            }
        }
    }

    fn built_in(&self, sentence: &Sentence, hit: Hit) -> Option<Candidate> {
        let info = rules::info(hit.rule)?;
        Some(Candidate {
            start: sentence.tokens[hit.first].start,
            end: sentence.tokens[hit.last].end,
            rule: info.id.to_string(),
            category: info.category,
            message: info.message.to_string(),
            suggestion: Some(hit.suggestion.unwrap_or_else(|| info.suggestion.to_string())),
            replacement: hit.replacement,
        })
    }

    /// The team's phrases in a sentence, as whole words outside code and quoted machine text.
    fn team_hits(&self, sentence: &Sentence) -> Vec<Candidate> {
        let Some(team) = &self.team else { return Vec::new() };
        let text = sentence.text;
        let opaque: Vec<(usize, usize)> = sentence
            .tokens
            .iter()
            .filter(|token| token.kind == Kind::Opaque)
            .map(|token| (token.start, token.end))
            .collect();
        team.find_iter(text)
            .filter(|found| {
                let before = text[..found.start()].chars().next_back();
                let after = text[found.end()..].chars().next();
                let whole_word =
                    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
                whole_word && !opaque.iter().any(|&(start, end)| found.start() < end && found.end() > start)
            })
            .map(|found| {
                let phrase = &self.config.phrases[self.team_patterns[found.pattern().as_usize()]];
                Candidate {
                    start: found.start(),
                    end: found.end(),
                    rule: phrase.id.clone(),
                    category: phrase.category,
                    message: phrase.message.clone(),
                    suggestion: phrase.suggestion.clone(),
                    replacement: None,
                }
            })
            .collect()
    }

    /// Whether a rule is switched on at all: neither it nor its category is disabled.
    pub(crate) fn enabled(&self, rule: &str, category: Category) -> bool {
        !self.disabled.contains(rule) && !self.disabled.contains(category.as_str())
    }

    /// Whether a rule is on here: not disabled by name or category, everywhere or
    /// under one of the `headings` the text is in.
    fn applies(&self, candidate: &Candidate, headings: &[&str]) -> bool {
        let names = [candidate.rule.as_str(), candidate.category.as_str()];
        if !self.enabled(&candidate.rule, candidate.category) {
            return false;
        }
        let relaxed_here = |rule: &SectionRule| {
            rule.disable.iter().any(|name| names.contains(&name.as_str()))
                && headings.iter().any(|heading| rule.headings.iter().any(|word| heading.contains(word.as_str())))
        };
        !self.config.sections.iter().any(relaxed_here)
    }

    pub(crate) fn severity(&self, rule: &str, category: Category) -> Severity {
        let severities = &self.config.severity;
        severities.get(rule).or_else(|| severities.get(category.as_str())).copied().unwrap_or_default()
    }

    /// A finding placed in the source; `sentence` is its sentence's range in the
    /// chunk's prose.
    fn finding(
        &self,
        context: &Context,
        document: &Document,
        sentence: &Range<usize>,
        candidate: Candidate,
    ) -> Finding {
        let markdown = context.markdown;
        let start = document.source_start(sentence.start + candidate.start);
        let end = document.source_end(sentence.start + candidate.end).max(start);
        let (line, column) = context.outline.position(markdown, start);
        let (end_line, end_column) = context.outline.position(markdown, end);
        Finding {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
            severity: self.severity(&candidate.rule, candidate.category),
            rule: candidate.rule,
            category: candidate.category,
            message: candidate.message,
            suggestion: candidate.suggestion,
            replacement: candidate.replacement,
            phrase: markdown[start..end].to_string(),
            sentence_start: document.source_start(sentence.start),
            sentence_end: document.source_end(sentence.end),
        }
    }
}

/// What a document shares with the threads checking its chunks.
struct Context<'a> {
    markdown: &'a str,
    outline: &'a outline::Outline,
}

/// What checking some chunks found.
#[derive(Default)]
struct Checked {
    findings: Vec<Finding>,
    suppressions: Vec<document::Suppression>,
}

/// Below this size a document is checked on one thread: starting threads would
/// cost more than it saves. (Tests use smaller documents, which a debug build
/// checks in reasonable time.)
const PARALLEL_MIN_BYTES: usize = if cfg!(test) { 64 * 1024 } else { 1024 * 1024 };

/// How many groups of chunks each thread takes in turn, on average.
const GROUPS_PER_THREAD: usize = 8;

/// The chunks split into at most `groups` runs of about the same size.
fn chunk_groups(chunks: &[Range<usize>], groups: usize) -> Vec<&[Range<usize>]> {
    let total = chunks.last().map_or(0, |chunk| chunk.end);
    let mut runs = Vec::new();
    let mut first = 0;
    for (index, chunk) in chunks.iter().enumerate() {
        let target = total * (runs.len() + 1) / groups.max(1);
        if chunk.end >= target && runs.len() + 1 < groups {
            runs.push(&chunks[first..=index]);
            first = index + 1;
        }
    }
    if first < chunks.len() {
        runs.push(&chunks[first..]);
    }
    runs
}

/// A finding before it is placed in the source: offsets are in the sentence.
struct Candidate {
    start: usize,
    end: usize,
    rule: String,
    category: Category,
    message: String,
    suggestion: Option<String>,
    replacement: Option<String>,
}

/// Whether an inline `<!-- debrief-ignore -->` on the finding's line or the line
/// before it names the finding's rule or category (or names nothing, for all).
/// Each suppression is given as the lines it covers (its own and the next) and the
/// rules it names.
fn is_suppressed(finding: &Finding, suppressions: &[(Range<usize>, &[String])]) -> bool {
    suppressions.iter().any(|(lines, rules)| {
        let names =
            rules.is_empty() || rules.iter().any(|rule| *rule == finding.rule || rule == finding.category.as_str());
        lines.contains(&finding.line) && names
    })
}

#[cfg(test)]
mod tests;

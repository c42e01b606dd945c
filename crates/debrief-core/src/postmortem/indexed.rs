//! Reading any post-mortem in the shared repository, for the browse index and the
//! repository's own listings (`incidents/README.md`): Debrief's own files with
//! their front matter, and the ones people wrote by hand (YAML or TOML front
//! matter of other tools, or none at all). A file that cannot be read well is
//! read as well as it can be, with a warning naming it.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::labelled::{labelled_rows, with_rows};
use super::profile::{self, Part, Profile, ProfileReader};
use super::regions::opens_region;
use super::written_actions::{WrittenActionsReader, names_action_items};
use super::written_dates::{WORDED_DAY, WordedDay, dated_in};
use super::written_durations::{StatedDurations, stated_durations};
use super::written_factors::WrittenFactorsReader;
use super::{ActionItemFacts, FactorFacts, Facts, parse};
use crate::model::Severity;

/// Only this much of a file is indexed; a bigger one is cut, with a warning.
pub const MAX_INDEXED_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndexedDocument {
    pub path: String,
    pub id: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub kind: Option<String>,
    pub severity: Option<String>,
    pub status: Option<String>,
    pub owner: Option<String>,
    pub started: Option<DateTime<FixedOffset>>,
    pub detected: Option<DateTime<FixedOffset>>,
    pub mitigated: Option<DateTime<FixedOffset>>,
    pub resolved: Option<DateTime<FixedOffset>>,
    /// How long it took, as a post-mortem written by hand states it; none for Debrief's own.
    pub stated: StatedDurations,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    /// The contributing factors the front matter lists; none for files written without them.
    pub factors: Vec<FactorFacts>,
    pub actions: Vec<ActionItemFacts>,
    /// The text a reader sees, for full-text search.
    pub body: String,
    /// What happened, from the timeline (without its times and people), for "seen before".
    pub timeline: String,
    /// What contributed to it, in words: the contributing-factors (or root cause) sections and
    /// the sentences of the listed factors, for "seen before".
    pub factors_text: String,
    /// Who took part (owner, commander, participants): never a reason two incidents are alike.
    pub people: Vec<String>,
    pub structured: bool,
    /// The post-mortem written by hand this one, published by Debrief, takes the place of.
    pub replaces: Option<String>,
    /// How many of a post-mortem's parts (summary, impact, timeline, causes, response, detection,
    /// action items, lessons) its headings name.
    pub parts_named: usize,
}

impl IndexedDocument {
    /// Whether a file that could be anything (one in the repository's top folder) is a
    /// post-mortem: it has a post-mortem's front matter, or headings of at least two of its parts.
    pub fn reads_as_postmortem(&self) -> bool {
        self.structured || self.parts_named >= 2
    }
}

/// The document in `bytes`, or `None` for a file that is not text; warnings name what was wrong.
pub fn read(path: &str, bytes: &[u8]) -> (Option<IndexedDocument>, Vec<String>) {
    if let Some(text) = crate::encoding::utf16_text(bytes) {
        return read(path, text.as_bytes());
    }
    let mut warnings = Vec::new();
    if bytes.contains(&0) {
        warnings.push(format!("{path}: a binary file, not indexed"));
        return (None, warnings);
    }
    // What a repository holds for a file kept in Git LFS: a pointer to it, as git-lfs's spec writes it.
    if bytes.starts_with(b"version https://git-lfs.github.com/spec/v1\n") {
        warnings.push(format!(
            "{path}: kept in Git LFS, so the repository holds only a pointer to it, which Debrief does not follow; \
             not indexed. Keeping post-mortems out of LFS (their line in .gitattributes) lets every reader of the \
             repository have them"
        ));
        return (None, warnings);
    }
    let mut bytes = bytes;
    if bytes.len() > MAX_INDEXED_BYTES {
        warnings.push(format!("{path}: {} bytes; only the first {MAX_INDEXED_BYTES} are indexed", bytes.len()));
        bytes = &bytes[..MAX_INDEXED_BYTES];
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        // A cut in the middle of a character is not the file's fault.
        Err(error) if error.error_len().is_none() => {
            String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned()
        }
        Err(_) => {
            warnings.push(format!("{path}: not UTF-8 text; indexed with the unreadable bytes replaced"));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    // A byte order mark (editors on Windows write one) is not text before the front matter.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let mut document = IndexedDocument { path: path.to_string(), ..Default::default() };
    // Debrief's own files (with an `id`) list their factors in the front matter, if any.
    let mut written_by_debrief = false;
    let body = if text.starts_with("+++") {
        read_toml_front_matter(&text, &mut document)
    } else {
        match parse(&text) {
            Ok(parsed) => {
                document.structured = parsed.facts.id.is_some() || parsed.facts.started.is_some();
                written_by_debrief = parsed.facts.id.is_some();
                apply_facts(&mut document, parsed.facts);
                if document.title.is_empty() {
                    document.title = parsed.heading_title.unwrap_or_default();
                }
                if document.tags.is_empty() {
                    document.tags = categories_in_yaml(&parsed.draft.extra_front_matter);
                }
                if written_by_debrief {
                    document.replaces = replaced_in_yaml(&parsed.draft.extra_front_matter);
                }
                without_front_matter(&text)
            }
            Err(error) => {
                warnings.push(format!("{path}: {error}; indexed as plain text"));
                without_front_matter(&text)
            }
        }
    };
    let read = read_body(body);
    (document.body, document.parts_named) = (read.text, read.parts_named);
    (document.timeline, document.factors_text) = (read.profile.timeline, read.profile.factors);
    // Debrief's own files list their items in the front matter; a file written by hand, in its body.
    if document.actions.is_empty() {
        document.actions = read.actions;
    }
    for factor in &document.factors {
        document.factors_text.push_str(&factor.text);
        document.factors_text.push('\n');
    }
    // (Their text is in `factors_text` already, with the rest of their section.)
    if document.factors.is_empty() && !written_by_debrief {
        document.factors = read.factors;
    }
    // A form's table ("| Time to Detect (TTD) | 8 minutes |") states what a labelled line does.
    let rows = if written_by_debrief { String::new() } else { labelled_rows(body) };
    if !written_by_debrief {
        let labelled = with_rows(&document.body, &rows);
        document.stated = stated_durations(&labelled);
        if document.severity.is_none() {
            document.severity = stated_severity(&labelled).map(|severity| severity.as_str().to_string());
        }
    }
    let stem = page_name(path);
    if document.title.is_empty() {
        document.title = first_heading(body).unwrap_or_else(|| title_from_name(stem));
    }
    if document.id.is_empty() {
        document.id = stem.to_string();
    }
    document.date = document
        .started
        .map(|started| started.date_naive())
        .or(document.date)
        .or_else(|| date_in(stem))
        .or_else(|| stated_date(body))
        .or_else(|| stated_date(&rows))
        .or_else(|| dated_in(&document.title))
        .or_else(|| timeline_date(body));
    (Some(document), warnings)
}

fn apply_facts(document: &mut IndexedDocument, facts: Facts) {
    document.id = facts.id.unwrap_or_default();
    document.title = facts.title.unwrap_or_default();
    document.kind = facts.kind.map(|kind| kind.as_str().to_string());
    document.severity = facts.severity.map(|severity| severity.as_str().to_string());
    document.status = facts.status.map(|status| status.as_str().to_string());
    document.people = facts
        .owner
        .iter()
        .chain(&facts.commander)
        .chain(facts.participants.iter().map(|person| &person.name))
        .cloned()
        .collect();
    document.owner = facts.owner;
    document.date = facts.date.map(|date| date.day());
    document.started = facts.started;
    document.detected = facts.detected;
    document.mitigated = facts.mitigated;
    document.resolved = facts.resolved;
    document.services = facts.services;
    document.tags = facts.tags;
    document.factors = facts.contributing_factors;
    document.actions = facts.action_items;
}

/// Hugo-style `+++` TOML front matter, read as the same keys are in YAML; returns the body
/// after it.
fn read_toml_front_matter<'a>(text: &'a str, document: &mut IndexedDocument) -> &'a str {
    let after_open = &text[3..];
    let Some(end) = after_open.find("\n+++") else { return text };
    if let Ok(table) = after_open[..end].parse::<toml::Table>() {
        let (facts, _) = super::front_matter::read_toml_table(&table, &mut Vec::new());
        apply_facts(document, facts);
        // A `date` with no time of day, or a blog-style `path = "2018/10/19/..."`.
        let dated = |key: &str| table.get(key).and_then(|value| date_in(&value.to_string().replace('/', "-")));
        document.date = document.date.or_else(|| dated("date")).or_else(|| dated("path"));
        if document.tags.is_empty() {
            document.tags = toml_tags(&table);
        }
    }
    let rest = &after_open[end + 4..];
    rest.split_once('\n').map(|(_, body)| body).unwrap_or("")
}

/// A TOML front matter's `tags`, else the `categories` Hugo files the page under.
pub(super) fn toml_tags(table: &toml::Table) -> Vec<String> {
    let words = |key: &str| -> Vec<String> {
        let Some(toml::Value::Array(items)) = table.get(key) else { return Vec::new() };
        items
            .iter()
            .filter_map(|item| item.as_str())
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect()
    };
    let tags = words("tags");
    if tags.is_empty() { words("categories") } else { tags }
}

/// The `categories` Jekyll and Hugo pages are filed under, as tags for a file that names no tags
/// of its own: a list, or Jekyll's words separated by spaces (`categories: outage network`).
fn categories_in_yaml(front_matter: &str) -> Vec<String> {
    if !front_matter.contains("categories") {
        return Vec::new();
    }
    let Ok(serde_json::Value::Object(keys)) = serde_saphyr::from_str::<serde_json::Value>(front_matter) else {
        return Vec::new();
    };
    let words: Vec<&str> = match keys.get("categories") {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|item| item.as_str()).collect(),
        Some(serde_json::Value::String(words)) => words.split_whitespace().collect(),
        _ => Vec::new(),
    };
    words.into_iter().map(str::trim).filter(|word| !word.is_empty()).map(str::to_string).collect()
}

/// The path a Debrief post-mortem's kept front matter says it takes the place of.
fn replaced_in_yaml(front_matter: &str) -> Option<String> {
    if !front_matter.contains(super::REPLACES_KEY) {
        return None;
    }
    let Ok(serde_json::Value::Object(keys)) = serde_saphyr::from_str::<serde_json::Value>(front_matter) else {
        return None;
    };
    keys.get(super::REPLACES_KEY).and_then(|path| path.as_str()).map(str::to_string)
}

/// The body after `---` YAML front matter, if the text starts with one.
fn without_front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else { return text };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return &rest[offset..];
        }
    }
    text
}

/// `2021-05__2021-05-09-negative-coin-values` → `Negative coin values`: the words after any date.
/// What a post-mortem's path names it: its file's name without the extension, or the folder's
/// for one kept in a folder of its own (`postmortems/2024-05-06-cdn/index.md`,
/// `incidents/2024/12/db-failover/README.md`).
pub(super) fn page_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let name = parts.next().unwrap_or(path);
    let stem = crate::markdown::markdown_stem(name).unwrap_or(name);
    match parts.next() {
        Some(folder) if stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("readme") => folder,
        _ => stem,
    }
}

pub(super) fn title_from_name(stem: &str) -> String {
    let after_date = (0..stem.len())
        .rev()
        .find(|start| stem.get(*start..).is_some_and(|rest| date_in(rest).is_some() && date_in(&rest[..10]).is_some()))
        .map(|start| &stem[start + 10..])
        .unwrap_or(stem);
    let words: Vec<&str> = after_date.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect();
    if words.is_empty() {
        return stem.to_string();
    }
    let title = words.join(" ");
    let mut chars = title.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or(title)
}

/// The text of the first `# ` heading: a document's own title. Section headings (`##`) are not titles.
pub(super) fn first_heading(markdown: &str) -> Option<String> {
    let mut in_heading = false;
    let mut heading = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H1, .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) if !heading.trim().is_empty() => return Some(heading.trim().to_string()),
            Event::Text(text) | Event::Code(text) if in_heading => heading.push_str(&text),
            _ => {}
        }
    }
    None
}

/// A line that says when the incident was, as templates ask for it: "Date: 2015-10-21",
/// "**Start**: 2024-12-03", "- Incident date: 2023/04/25 14:00". A colon ends the label.
static STATED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)^[\s>*_+-]*(?:incident\s+)?(?:date|date\s+of\s+(?:the\s+)?incident|start|start\s+date|start\s+time|started|began|occurred)[\s*_]*:[\s*_]*(?P<date>\d{{4}}[-/]\d{{2}}[-/]\d{{2}}\b|{WORDED_DAY})",
    ))
    .expect("the stated date pattern is valid")
});

/// A line that gives the incident's severity: "Severity: SEV-2", "**Severity**: P1".
static STATED_SEVERITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[\s>*_+-]*(?:incident\s+)?severity[\s*_]*:[\s*_]*(?P<value>(?:sev|p)?[\s_-]?[1-5])\b")
        .expect("the stated severity pattern is valid")
});

/// The severity a post-mortem written by hand states, when it is one Debrief knows (SEV1 to
/// SEV5, P1 to P5, 1 to 5); words such as "Critical" mean different levels to different teams
/// and are not read.
pub(super) fn stated_severity(body: &str) -> Option<Severity> {
    let found = STATED_SEVERITY.captures(body)?;
    // "SEV-1 / SEV-2 / SEV-3" is a template's choice left as it was, not a level.
    let after = body[found.get(0)?.end()..].trim_start_matches([' ', '\t', '*', '_']);
    if after.starts_with(['/', '|', ',']) || after.starts_with("or ") {
        return None;
    }
    found["value"].parse().ok()
}

/// The day a post-mortem written by hand says its incident was: the first labelled date, in
/// figures or in words with its year ("Date: January 14-19, 2026", its first day).
pub(super) fn stated_date(body: &str) -> Option<NaiveDate> {
    let found = STATED_DATE.captures(body)?;
    let written = &found["date"];
    date_in(&written.replace('/', "-")).or_else(|| WordedDay::read(written)?.date())
}

/// The first day a post-mortem's own timeline names, when its lines start with full dates
/// ("| 2020-06-09 11:00 | Maintenance started |", "- 2023-07-21 08:15 UTC ...") or a day heads
/// them ("**2017-01-31**", "**Mon 12 Feb 2024**"): the date of a
/// file whose front matter and name give none, nearer the incident than the commit that added
/// it (a team moving its write-ups into git adds them all on one day).
fn timeline_date(body: &str) -> Option<NaiveDate> {
    let lines = body.lines().enumerate().map(|(index, line)| (index + 1, line));
    let timeline = super::written_timeline::read(lines);
    let day_of = |entry: &super::written_timeline::WrittenEntry| {
        let written = entry.date.as_deref().or(entry.day_above.as_deref())?;
        date_in(&written.replace('/', "-")).or_else(|| WordedDay::read(written)?.date())
    };
    timeline.entries.iter().filter_map(day_of).min()
}

/// A `YYYY-MM-DD` date anywhere in `text` (file names like `2024-03-01-dns.md` or `PM2024-...`).
pub fn date_in(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|start| {
        let candidate = text.get(start..start + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(index, byte)| match index {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
        shaped.then(|| NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok()).flatten()
    })
}

/// What one parse of a body gives the index.
struct BodyRead {
    /// What a reader sees: text, code and table cells, without markup or HTML comments.
    text: String,
    /// The parts "seen before" compares.
    profile: Profile,
    /// The action items and contributing factors the body lists.
    actions: Vec<ActionItemFacts>,
    factors: Vec<FactorFacts>,
    /// How many of a post-mortem's parts the headings name.
    parts_named: usize,
}

/// The action items and contributing factors a body written by hand lists, read as the index
/// reads them.
pub(super) fn written_lists(markdown: &str) -> (Vec<ActionItemFacts>, Vec<FactorFacts>) {
    let read = read_body(markdown);
    (read.actions, read.factors)
}

fn read_body(markdown: &str) -> BodyRead {
    let mut text = String::with_capacity(markdown.len());
    let mut profile = ProfileReader::default();
    let mut actions = WrittenActionsReader::default();
    let mut factors = WrittenFactorsReader::default();
    let mut in_region = false;
    let mut heading: Option<String> = None;
    let mut parts = std::collections::BTreeSet::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        profile.read(&event);
        // Debrief's own regions hold what its front matter lists: the body's lists are read outside them.
        if let Event::Html(html) | Event::InlineHtml(html) = &event
            && let Some(opens) = opens_region(html)
        {
            in_region = opens;
        }
        if !in_region {
            actions.read(&event);
            factors.read(&event);
        }
        match &event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(part) | Event::Code(part) => heading.iter_mut().for_each(|heading| heading.push_str(part)),
            Event::End(TagEnd::Heading(_)) => parts.extend(heading.take().as_deref().and_then(part_named)),
            _ => {}
        }
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow | TagEnd::CodeBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    BodyRead {
        text,
        profile: profile.finish(),
        actions: actions.finish(),
        factors: factors.finish(),
        parts_named: parts.len(),
    }
}

/// Which part of a post-mortem a heading names, if it names one: the timeline and the causes as
/// "seen before" reads them, the action items as they are read, and the other usual parts.
fn part_named(heading: &str) -> Option<&'static str> {
    if names_action_items(heading) {
        return Some("actions");
    }
    match profile::part_named(heading) {
        Some(Part::Timeline) => return Some("timeline"),
        Some(Part::Factors) => return Some("causes"),
        _ => {}
    }
    let heading = heading.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|word| heading.contains(word));
    [
        ("summary", &["summary", "overview", "tl;dr"][..]),
        ("impact", &["impact", "who was affected", "customer effect"]),
        ("response", &["resolution", "mitigation", "recovery", "response"]),
        ("detection", &["detection", "how we found"]),
        ("lessons", &["lessons", "learned", "what went well", "where we got lucky", "takeaways"]),
    ]
    .into_iter()
    .find(|(_, words)| says(words))
    .map(|(part, _)| part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_severity_is_a_level_written_not_a_templates_choice_left_as_it_was() {
        assert_eq!(stated_severity("**Severity**: SEV-2\n"), Some(Severity::Sev2));
        assert_eq!(stated_severity("Severity: P1 (customer facing)\n"), Some(Severity::Sev1));
        for left in ["**Severity:** SEV-1 / SEV-2 / SEV-3\n", "Severity: P1 | P2\n", "Severity: 1, 2 or 3\n"] {
            assert_eq!(stated_severity(left), None, "{left}");
        }
        // A form's section, "### Severity" then its level, reads as the line does.
        let (document, _) =
            read("postmortems/outage.md", b"# Outage\n\n### Severity\n\nSEV-3\n\n### Summary\n\nA disk.\n");
        assert_eq!(document.unwrap().severity.as_deref(), Some("SEV3"));
    }

    #[test]
    fn debrief_files_give_their_facts() {
        let file = "---\nid: 2026-11-23-db\ntitle: DB outage\nkind: unscheduled\nseverity: SEV2\nstarted: 2026-11-23T14:00:00+01:00\n\
                    services:\n  - postgres\n---\n\n# DB outage\n\n## Summary\n<!-- How? -->\nThe primary ran out of disk.\n";
        let (document, warnings) = read("incidents/2026/2026-11-23-db.md", file.as_bytes());
        let document = document.unwrap();
        assert!(warnings.is_empty());
        assert_eq!((document.id.as_str(), document.title.as_str()), ("2026-11-23-db", "DB outage"));
        assert_eq!(document.severity.as_deref(), Some("SEV2"));
        assert_eq!(document.services, ["postgres"]);
        assert!(document.factors.is_empty(), "no contributing factors listed, none read");
        assert_eq!(document.date, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert!(document.body.contains("The primary ran out of disk.") && !document.body.contains("How?"));
        assert!(document.structured);
    }

    #[test]
    fn hand_written_files_get_a_title_and_a_date_from_what_they_have() {
        let (document, _) = read("incidents/PM2022-006 - ALB 502 errors.md", b"# ALB 502 errors\n\nSome text.\n");
        let document = document.unwrap();
        assert_eq!(document.title, "ALB 502 errors");
        assert_eq!(document.date, None, "no full date in the name: the history will tell");
        // Unless its timeline says when: the earliest full date its lines start with.
        let timeline = "# ALB\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n\
                        | 2020-06-09 12:20 | Attachments removed |\n| 2020-06-09 11:00 | Maintenance started |\n\
                        | 2020-06-10 09:00 | Follow-up |\n\nFixed in the 2019-01-01 release.\n";
        let (document, _) = read("PM2020-004 - ALB instance attachments removed.md", timeline.as_bytes());
        assert_eq!(document.unwrap().date, NaiveDate::from_ymd_opt(2020, 6, 9));
        // Or the day heading its lines, in figures or words; else a title's day in words.
        let headed = "# Payments\n\n## Timeline\n\n**Mon 12 Feb 2024**\n\n- **09:03** Alert fired\n";
        let (document, _) = read("payments.md", headed.as_bytes());
        assert_eq!(document.unwrap().date, NaiveDate::from_ymd_opt(2024, 2, 12));
        let (document, _) = read("worm.md", b"# Post-mortem of the attack on November 24th, 2025\n\nText.\n");
        assert_eq!(document.unwrap().date, NaiveDate::from_ymd_opt(2025, 11, 24));
        let (document, _) = read("incidents/2020/2020-02-12-incident.md", b"Just text, no heading.\n");
        let document = document.unwrap();
        assert_eq!((document.title.as_str(), document.date), ("Incident", NaiveDate::from_ymd_opt(2020, 2, 12)));
        let (document, _) =
            read("incidents/chia/2021-05__2021-05-09-negative-coin-values.md", b"## Issue summary\n\nText.\n");
        assert_eq!(document.unwrap().title, "Negative coin values", "a section heading is not a title");
        let (document, _) = read("content/postmortems/2024-05-06-cdn-purge/index.md", b"Text.\n");
        let document = document.unwrap();
        assert_eq!(
            (document.id.as_str(), document.title.as_str(), document.date),
            ("2024-05-06-cdn-purge", "Cdn purge", NaiveDate::from_ymd_opt(2024, 5, 6)),
            "a page bundle is named by its folder"
        );
        // A team's template that gives each incident a folder, and says when it started.
        let folder = "# Database failover loop\n\n## Date\n\n**Start**: 2024-12-03\n**End**: 2024-12-04\n\n\
                      ## Timeline\n\n- 2024-12-02 23:50 a precursor: the disk filled\n";
        let (document, _) = read("incidents/2024/12/database-failover-loop/README.md", folder.as_bytes());
        let document = document.unwrap();
        assert_eq!(
            (document.id.as_str(), document.title.as_str(), document.date),
            ("database-failover-loop", "Database failover loop", NaiveDate::from_ymd_opt(2024, 12, 3)),
            "named by its folder, dated as it says"
        );
        for stated in ["Date: 2015-10-21\n", "- **Incident date:** 2015/10/21 14:00\n", "Started: 2015-10-21\n"] {
            let (document, _) = read("postmortems/shakespeare.md", format!("# Sonnet\n\n{stated}\nText.\n").as_bytes());
            assert_eq!(document.unwrap().date, NaiveDate::from_ymd_opt(2015, 10, 21), "{stated}");
        }
        let (document, _) = read("postmortems/x.md", b"# X\n\nWe started to update the date: 2015-10-21 is when.\n");
        assert_eq!(document.unwrap().date, None, "prose naming a date is no label");
        // A severity the body states, as one of SEV1 to SEV5; a word is no level Debrief knows.
        let (document, _) = read("postmortems/s.md", b"# S\n\n- **Severity:** P1\n- Impact: checkout\n");
        assert_eq!(document.unwrap().severity.as_deref(), Some("SEV1"));
        let (document, _) = read("postmortems/c.md", b"# C\n\n**Severity:** Critical\n");
        assert_eq!(document.unwrap().severity, None);
        let toml = "+++\npath = \"2018/10/19/update\"\ntitle = \"Update on the incident\"\n+++\n\nBody text.\n";
        let (document, _) = read("incidents/rust/update.md", toml.as_bytes());
        let document = document.unwrap();
        assert_eq!(
            (document.title.as_str(), document.date),
            ("Update on the incident", NaiveDate::from_ymd_opt(2018, 10, 19))
        );
        assert!(document.body.contains("Body text.") && !document.body.contains("title ="));
        // Debrief's own keys in TOML count as they do in YAML.
        let toml = "+++\ntitle = \"Cache\"\nseverity = \"sev2\"\nservices = [\"cache\"]\n\
                    started = 2024-03-09T08:10:00Z\nresolved = 2024-03-09T09:40:00Z\n+++\n\nText.\n";
        let (document, _) = read("content/postmortems/cache.md", toml.as_bytes());
        let document = document.unwrap();
        assert_eq!(
            (document.severity.as_deref(), document.services.as_slice()),
            (Some("SEV2"), &["cache".to_string()][..])
        );
        assert_eq!(document.date, NaiveDate::from_ymd_opt(2024, 3, 9), "dated by its start");
        assert!(document.started.is_some() && document.resolved.is_some(), "{document:?}");
        // Jekyll and Hugo posts date themselves in YAML front matter.
        let jekyll = "---\nlayout: post\ntitle: Queue backlog\ndate: 2019-03-04 10:15:00 +0000\n---\n\nText.\n";
        let (document, _) = read("_posts/queue.md", jekyll.as_bytes());
        let document = document.unwrap();
        assert_eq!(document.date, NaiveDate::from_ymd_opt(2019, 3, 4));
        assert_eq!(document.started.map(|started| started.to_rfc3339()).as_deref(), Some("2019-03-04T10:15:00+00:00"));
        let (document, _) = read("postmortems/dns.md", b"---\ntitle: DNS\ndate: 2021-07-22\n---\n\nText.\n");
        assert_eq!(document.unwrap().date, NaiveDate::from_ymd_opt(2021, 7, 22));
    }

    #[test]
    fn a_debrief_post_mortem_read_from_one_written_by_hand_names_the_file_it_replaces() {
        let mut parsed = parse("# Queue outage\n\nText.\n").unwrap();
        let path = "postmortems/2024: queue #2.md";
        parsed.mark_replacing(path);
        parsed.mark_replacing(path);
        assert_eq!(parsed.draft.extra_front_matter, "replaces: \"postmortems/2024: queue #2.md\"\n", "once, quoted");
        let published =
            format!("---\nid: 2024-01-02-queue\ntitle: Queue\n{}---\n\nText.\n", parsed.draft.extra_front_matter);
        assert_eq!(read("incidents/2024/a.md", published.as_bytes()).0.unwrap().replaces.as_deref(), Some(path));
        // Only Debrief's own files replace another: a hand-written file's key is its own business.
        let written = format!("---\ntitle: Queue\n{}---\n\nText.\n", parsed.draft.extra_front_matter);
        assert_eq!(read("postmortems/b.md", written.as_bytes()).0.unwrap().replaces, None);
    }

    #[test]
    fn the_categories_static_site_generators_file_pages_under_are_their_tags() {
        let listed =
            "---\ntitle: SimpleDB disruption\ncategories:\n- cloud\n- storage\ncompany: Amazon\n---\n\nText.\n";
        assert_eq!(read("data/a.md", listed.as_bytes()).0.unwrap().tags, ["cloud", "storage"]);
        let jekyll = "---\nlayout: post\ncategories: outage network\n---\n\nText.\n";
        assert_eq!(read("_posts/b.md", jekyll.as_bytes()).0.unwrap().tags, ["outage", "network"]);
        let own_tags = "---\ntags: [dns]\ncategories: [blog]\n---\n\nText.\n";
        assert_eq!(read("postmortems/c.md", own_tags.as_bytes()).0.unwrap().tags, ["dns"], "its own tags win");
        let hugo = "+++\ntitle = \"Queue\"\ncategories = [\"incident\"]\n+++\n\nText.\n";
        assert_eq!(read("postmortems/d.md", hugo.as_bytes()).0.unwrap().tags, ["incident"]);
    }

    #[test]
    fn a_file_saved_on_windows_reads_as_the_same_post_mortem() {
        let file = "\u{feff}---\r\ntitle: DNS outage\r\ndate: 2024-02-03\r\n---\r\n\r\n# DNS outage\r\n\r\n\
                    ## Summary\r\nResolvers failed.\r\n\r\n## Action items\r\n\r\n- [x] Raise the cache TTL\r\n";
        let (document, warnings) = read("postmortems/dns.md", file.as_bytes());
        let document = document.unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!((document.title.as_str(), document.date), ("DNS outage", NaiveDate::from_ymd_opt(2024, 2, 3)));
        assert!(!document.body.contains("title:") && !document.body.contains("2024-02-03"), "{}", document.body);
        assert_eq!(document.actions.len(), 1);
        assert!(document.reads_as_postmortem());
    }

    #[test]
    fn what_debrief_writes_from_its_store_is_not_read_again_as_written_by_hand() {
        let file = "# Outage\n\n## Action items\n<!-- debrief:action-items -->\n\n| # | Action | Owner |\n|---|---|---|\n\
                    | 1 | Add alert | bob |\n\n<!-- /debrief:action-items 0000000000000000 -->\n\n- Also review the runbook\n\n\
                    ## Contributing factors\n<!-- debrief:links -->\n\n- generated\n\n<!-- /debrief:links 0000000000000000 -->\n\n\
                    - The pool was sized for last year\n";
        let document = read("postmortems/outage.md", file.as_bytes()).0.unwrap();
        let actions: Vec<&str> = document.actions.iter().map(|item| item.text.as_str()).collect();
        assert_eq!(actions, ["Also review the runbook"]);
        let factors: Vec<&str> = document.factors.iter().map(|factor| factor.text.as_str()).collect();
        assert_eq!(factors, ["The pool was sized for last year"]);
    }

    #[test]
    fn broken_files_are_indexed_as_well_as_they_can_be() {
        let (document, warnings) = read("incidents/x.md", b"---\ntitle: [broken\n---\n# Broken one\nText here.\n");
        assert_eq!(document.unwrap().title, "Broken one");
        assert!(warnings[0].starts_with("incidents/x.md: line 2:"), "{warnings:?}");
        let (document, warnings) = read("incidents/latin1.md", b"# Caf\xe9 outage\n");
        assert!(document.unwrap().title.starts_with("Caf"));
        assert!(warnings[0].contains("not UTF-8"));
        let (document, warnings) = read("incidents/image.md", b"\x89PNG\r\n\x1a\n\0\0");
        assert!(document.is_none() && warnings[0].contains("binary"));
        let huge = format!("# Huge\n{}", "word ".repeat(MAX_INDEXED_BYTES));
        let (document, warnings) = read("incidents/huge.md", huge.as_bytes());
        assert_eq!(document.unwrap().title, "Huge");
        assert!(warnings[0].contains("only the first"));
    }
}

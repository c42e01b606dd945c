//! "Seen before": the past post-mortems most like an incident, and the action items earlier
//! incidents on the same services left open.
//!
//! Two incidents are alike when they concern the same services and their titles, timelines
//! and contributing factors share words that few post-mortems use. Every post-mortem's
//! telling words (see [`terms`](super::terms)) are kept in a full-text table of their own
//! when it is indexed; a comparison looks up, for the subject's most telling terms, how many
//! post-mortems use each (rare terms weigh more: tf-idf) and which ones. Words used by more
//! than a tenth of the post-mortems, Debrief's own template headings and prompts, and the
//! names of the people involved are never a reason. Each match says why it matched, in words.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::Index;
use super::terms::{PHRASE_JOINER, Vocabulary};
use crate::Result;
use crate::model::{ActionStatus, is_overdue};
use crate::postmortem::indexed::IndexedDocument;

/// At most this many of the subject's terms are looked up: the rarest, which decide the ranking.
const LOOKED_UP_TERMS: usize = 64;
/// For each match asked for, at most this many candidates are compared closely (by their
/// length and title).
const CLOSELY_COMPARED: usize = 20;
/// At most this many shared terms are named in a match's reason.
const NAMED_TERMS: usize = 5;

/// What "seen before" found for one incident or post-mortem.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeenBefore {
    /// The incident or post-mortem compared.
    pub id: String,
    pub title: String,
    pub services: Vec<String>,
    /// How many post-mortems the index holds: none before the first sync.
    pub indexed: usize,
    /// The most alike first.
    pub matches: Vec<SimilarPostmortem>,
    /// Action items still open from earlier incidents on the same services, the longest due first.
    pub open_items: Vec<EarlierActionItem>,
}

/// A past post-mortem like the subject, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SimilarPostmortem {
    pub id: String,
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    pub severity: Option<String>,
    /// Higher is more alike; only comparable within one answer.
    pub score: f64,
    /// The services both concern, as the subject names them.
    pub services: Vec<String>,
    /// The telling words and phrases both use, the most telling first, as the subject writes them.
    pub terms: Vec<String>,
    /// Why it matched, for a reader: "same service: checkout; both mention connection pool, timeout".
    pub why: String,
}

/// An action item still open from an earlier incident on one of the subject's services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EarlierActionItem {
    pub incident: String,
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    pub number: i64,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub ticket: Option<String>,
    pub overdue: bool,
    /// The subject's services the earlier incident concerned too.
    pub services: Vec<String>,
    /// "proposed in 2026-03-02-checkout-latency, due 2026-04-01, still open".
    pub why: String,
}

/// What a comparison leaves out besides stop words: Debrief's template headings and prompts.
#[derive(Debug, Clone, Default)]
pub struct Ignored {
    pub words: Vec<String>,
}

/// Only this much of each part is compared: what happened is told in the first pages, and a
/// very long write-up must not cost more to index than it tells.
const MAX_TELLING_BYTES: usize = 16 * 1024;

/// The text a post-mortem is compared by, besides its title: its timeline and contributing
/// factors, or all of it when it has neither (a write-up without such headings).
fn telling_text(document: &IndexedDocument) -> [&str; 2] {
    fn cut(text: &str) -> &str {
        let end = (0..=text.len().min(MAX_TELLING_BYTES)).rev().find(|end| text.is_char_boundary(*end)).unwrap_or(0);
        &text[..end]
    }
    if document.timeline.trim().is_empty() && document.factors_text.trim().is_empty() {
        [cut(&document.body), ""]
    } else {
        [cut(&document.timeline), cut(&document.factors_text)]
    }
}

/// Stores a post-mortem's terms when it is indexed (its row id is the document's).
/// A post-mortem's telling terms, once each, as "seen before" stores them.
pub(super) struct DocumentTerms {
    joined: String,
    count: usize,
}

/// Works out a post-mortem's terms: the costly part of storing them, done wherever it is read.
pub(super) fn terms_of(vocabulary: &mut Vocabulary, document: &IndexedDocument) -> DocumentTerms {
    let mut keys = HashSet::new();
    for text in std::iter::once(document.title.as_str()).chain(telling_text(document)) {
        vocabulary.add_keys(text, &mut keys);
    }
    DocumentTerms { joined: keys.iter().map(String::as_str).collect::<Vec<_>>().join(" "), count: keys.len() }
}

pub(super) fn insert_terms(tx: &Transaction<'_>, doc_id: i64, terms: &DocumentTerms) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO similar_terms (rowid, terms) VALUES (?1, ?2)")?
        .execute(params![doc_id, terms.joined])?;
    tx.prepare_cached("INSERT INTO profiles (doc_id, terms) VALUES (?1, ?2)")?
        .execute(params![doc_id, terms.count as i64])?;
    Ok(())
}

pub(super) fn remove_terms(tx: &Transaction<'_>, doc_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM similar_terms WHERE rowid = ?1")?.execute([doc_id])?;
    Ok(())
}

/// One of the subject's terms: how much it counts, and how the subject writes it.
struct SubjectTerm {
    surface: String,
    weight: f64,
    phrase: bool,
}

/// The subject's terms with their weights: repeated terms count more (but not in proportion),
/// words of the title twice, phrases half again.
fn subject_terms(
    subject: &IndexedDocument,
    vocabulary: &mut Vocabulary,
    ignored: &Ignored,
) -> HashMap<String, SubjectTerm> {
    let mut left_out: HashSet<String> = HashSet::new();
    for text in ignored.words.iter().chain(&subject.people) {
        let mut words = Vec::new();
        vocabulary.terms(text, |term| {
            if !term.phrase {
                words.push(term.key);
            }
        });
        left_out.extend(words);
    }
    let mut counted: HashMap<String, (String, u32, bool, bool)> = HashMap::new();
    let texts = std::iter::once((subject.title.as_str(), true))
        .chain(telling_text(subject).into_iter().map(|text| (text, false)));
    for (text, in_title) in texts {
        vocabulary.terms(text, |term| {
            if term.key.split(PHRASE_JOINER).any(|stem| left_out.contains(stem)) {
                return;
            }
            let entry = counted.entry(term.key).or_insert((term.surface, 0, false, term.phrase));
            entry.1 += 1;
            entry.2 |= in_title;
        });
    }
    counted
        .into_iter()
        .map(|(key, (surface, count, in_title, phrase))| {
            let mut weight = 1.0 + f64::from(count).ln();
            if in_title {
                weight *= 2.0;
            }
            if phrase {
                weight *= 1.5;
            }
            (key, SubjectTerm { surface, weight, phrase })
        })
        .collect()
}

/// A shared term as it counts for one candidate.
struct Shared {
    key: String,
    surface: String,
    contribution: f64,
    phrase: bool,
}

#[derive(Default)]
struct Candidate {
    text_score: f64,
    terms: Vec<Shared>,
    services: Vec<String>,
    service_score: f64,
}

impl Candidate {
    /// A phrase says as much as two words.
    fn term_points(&self) -> usize {
        self.terms.iter().map(|term| if term.phrase { 2 } else { 1 }).sum()
    }

    /// The shared terms a reader is told about: the most telling first, a word left out where a
    /// phrase named already holds it or where it is a service already named.
    fn named_terms(&mut self) -> Vec<String> {
        self.terms.sort_by(|a, b| b.contribution.total_cmp(&a.contribution).then_with(|| a.key.cmp(&b.key)));
        let phrases: HashSet<&str> =
            self.terms.iter().filter(|term| term.phrase).flat_map(|term| term.key.split(PHRASE_JOINER)).collect();
        self.terms
            .iter()
            .filter(|term| term.phrase || !phrases.contains(term.key.as_str()))
            .filter(|term| !self.services.iter().any(|service| service.eq_ignore_ascii_case(&term.surface)))
            .take(NAMED_TERMS)
            .map(|term| term.surface.clone())
            .collect()
    }
}

/// "same service: checkout; both mention connection pool, timeout".
fn why(services: &[String], terms: &[String]) -> String {
    let mut parts = Vec::new();
    match services {
        [] => {}
        [service] => parts.push(format!("same service: {service}")),
        services => parts.push(format!("same services: {}", services.join(", "))),
    }
    if !terms.is_empty() {
        parts.push(format!("both mention {}", terms.join(", ")));
    }
    parts.join("; ")
}

impl Index {
    /// The past post-mortems most like `subject` (at most `limit`), and the open action items
    /// of earlier incidents on its services. The subject itself (by id or path) is never listed.
    pub fn seen_before(
        &self,
        subject: &IndexedDocument,
        ignored: &Ignored,
        limit: usize,
        today: NaiveDate,
    ) -> Result<SeenBefore> {
        let failed = |source| self.error(source);
        let conn = self.connection();
        let indexed = self.document_count()?;
        let mut own: HashSet<i64> = conn
            .prepare_cached("SELECT doc_id FROM documents WHERE id = ?1 OR path = ?2")
            .and_then(|mut statement| {
                statement.query_map(params![subject.id, subject.path], |row| row.get(0))?.collect()
            })
            .map_err(failed)?;
        let others = indexed.saturating_sub(own.len());
        // A post-mortem a Debrief one takes the place of is left out as the subject's own are.
        let replaced: Vec<i64> = conn
            .prepare_cached("SELECT doc_id FROM documents WHERE replaced = 1")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .map_err(failed)?;
        own.extend(replaced);
        let mut candidates: BTreeMap<i64, Candidate> = BTreeMap::new();

        // Terms: the subject's rarest first; a term most post-mortems use is no reason.
        let mut vocabulary = Vocabulary::default();
        let terms = subject_terms(subject, &mut vocabulary, ignored);
        let total = others as f64 + 1.0;
        let most_documents = 3.max(others / 10);
        let mut document_counts =
            conn.prepare_cached("SELECT doc FROM similar_vocab WHERE term = ?1").map_err(failed)?;
        let mut looked_up = Vec::new();
        for (key, term) in &terms {
            let documents: Option<i64> =
                document_counts.query_row([key], |row| row.get(0)).optional().map_err(failed)?;
            let documents = usize::try_from(documents.unwrap_or(0)).unwrap_or(0);
            if documents == 0 || documents > most_documents + own.len() {
                continue;
            }
            looked_up.push((term.weight * (total / documents as f64).ln(), key));
        }
        looked_up.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        looked_up.truncate(LOOKED_UP_TERMS);
        let mut containing =
            conn.prepare_cached("SELECT rowid FROM similar_terms WHERE similar_terms MATCH ?1").map_err(failed)?;
        for (_, key) in looked_up {
            let term = &terms[key];
            let documents: Vec<i64> = containing
                .query_map([format!("\"{key}\"")], |row| row.get(0))
                .and_then(Iterator::collect)
                .map_err(failed)?;
            let documents: Vec<i64> = documents.into_iter().filter(|doc_id| !own.contains(doc_id)).collect();
            if documents.is_empty() || documents.len() > most_documents {
                continue;
            }
            let contribution = term.weight * (total / documents.len() as f64).ln();
            for doc_id in documents {
                let candidate = candidates.entry(doc_id).or_default();
                candidate.text_score += contribution;
                candidate.terms.push(Shared {
                    key: key.clone(),
                    surface: term.surface.clone(),
                    contribution,
                    phrase: term.phrase,
                });
            }
        }

        // Services: the same one weighs more than any few words, a rarely named one most.
        let mut concerning = conn
            .prepare_cached("SELECT DISTINCT doc_id FROM labels WHERE kind = 'service' AND value = ?1")
            .map_err(failed)?;
        for service in unique(&subject.services) {
            let documents: Vec<i64> =
                concerning.query_map([service], |row| row.get(0)).and_then(Iterator::collect).map_err(failed)?;
            let documents: Vec<i64> = documents.into_iter().filter(|doc_id| !own.contains(doc_id)).collect();
            let weight = 4.0 + (total / documents.len().max(1) as f64).ln();
            for doc_id in documents {
                let candidate = candidates.entry(doc_id).or_default();
                candidate.services.push(service.to_string());
                candidate.service_score += weight;
            }
        }

        // Long write-ups share more words by their length alone.
        let average_terms: f64 =
            conn.query_row("SELECT coalesce(avg(terms), 1.0) FROM profiles", [], |row| row.get(0)).map_err(failed)?;
        let mut describe = conn
            .prepare_cached(
                "SELECT d.id, d.path, d.title, d.date, d.severity, coalesce(p.terms, 0)
                 FROM documents d LEFT JOIN profiles p ON p.doc_id = d.doc_id WHERE d.doc_id = ?1",
            )
            .map_err(failed)?;
        // Only the likeliest are looked at closely: length and titles reorder them, never by
        // that much.
        let mut candidates: Vec<(i64, Candidate)> = candidates
            .into_iter()
            .filter(|(_, candidate)| !candidate.services.is_empty() || candidate.term_points() >= 2)
            .collect();
        candidates
            .sort_by(|(_, a), (_, b)| (b.service_score + b.text_score).total_cmp(&(a.service_score + a.text_score)));
        candidates.truncate(limit.saturating_mul(CLOSELY_COMPARED).max(CLOSELY_COMPARED));
        let mut matches = Vec::new();
        for (doc_id, mut candidate) in candidates {
            let (mut found, terms): (SimilarPostmortem, i64) = describe
                .query_row([doc_id], |row| {
                    Ok((
                        SimilarPostmortem {
                            id: row.get(0)?,
                            path: row.get(1)?,
                            title: row.get(2)?,
                            date: row.get(3)?,
                            severity: row.get(4)?,
                            score: 0.0,
                            services: Vec::new(),
                            terms: Vec::new(),
                            why: String::new(),
                        },
                        row.get(5)?,
                    ))
                })
                .map_err(failed)?;
            let length = (terms.max(1) as f64 / average_terms.max(1.0)).clamp(0.25, 16.0).sqrt();
            // A term in both titles counts twice, whatever the length: titles say what happened.
            let mut in_title = HashSet::new();
            vocabulary.add_keys(&found.title, &mut in_title);
            let title_score: f64 =
                candidate.terms.iter().filter(|term| in_title.contains(&term.key)).map(|term| term.contribution).sum();
            found.score = candidate.service_score + candidate.text_score / length + title_score;
            found.terms = candidate.named_terms();
            found.services = std::mem::take(&mut candidate.services);
            found.why = why(&found.services, &found.terms);
            matches.push(found);
        }
        matches.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| b.date.cmp(&a.date)).then_with(|| a.path.cmp(&b.path))
        });
        matches.truncate(limit);

        let open_items = self.earlier_open_items(subject, &own, today)?;
        Ok(SeenBefore {
            id: subject.id.clone(),
            title: subject.title.clone(),
            services: unique(&subject.services).map(str::to_string).collect(),
            indexed,
            matches,
            open_items,
        })
    }

    /// Open action items of incidents on the subject's services that did not start after it.
    fn earlier_open_items(
        &self,
        subject: &IndexedDocument,
        own: &HashSet<i64>,
        today: NaiveDate,
    ) -> Result<Vec<EarlierActionItem>> {
        let failed = |source| self.error(source);
        let mut statement = self
            .connection()
            .prepare_cached(
                "SELECT DISTINCT d.doc_id, d.id, d.path, d.title, d.date, a.number, a.text, a.owner, a.due, a.type,
                                 a.ticket
                 FROM labels l JOIN documents d ON d.doc_id = l.doc_id JOIN actions a ON a.doc_id = d.doc_id
                 WHERE l.kind = 'service' AND l.value = ?1 AND a.status = ?2
                   AND (?3 IS NULL OR d.date IS NULL OR d.date <= ?3)",
            )
            .map_err(failed)?;
        let subject_date = subject.date.map(|date| date.to_string());
        let mut items: BTreeMap<(i64, i64), EarlierActionItem> = BTreeMap::new();
        for service in unique(&subject.services) {
            let rows = statement
                .query_map(params![service, ActionStatus::Open.as_str(), subject_date], |row| {
                    let doc_id: i64 = row.get(0)?;
                    let incident: String = row.get(1)?;
                    let due: Option<String> = row.get(8)?;
                    let why = match &due {
                        Some(due) => format!("proposed in {incident}, due {due}, still open"),
                        None => format!("proposed in {incident}, no due date, still open"),
                    };
                    let overdue = is_overdue(
                        ActionStatus::Open,
                        due.as_deref().and_then(|due| due.parse::<NaiveDate>().ok()),
                        today,
                    );
                    Ok((
                        doc_id,
                        EarlierActionItem {
                            incident,
                            path: row.get(2)?,
                            title: row.get(3)?,
                            date: row.get(4)?,
                            number: row.get(5)?,
                            text: row.get(6)?,
                            owner: row.get(7)?,
                            due,
                            kind: row.get(9)?,
                            ticket: row.get(10)?,
                            overdue,
                            services: Vec::new(),
                            why,
                        },
                    ))
                })
                .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
                .map_err(failed)?;
            for (doc_id, item) in rows.into_iter().filter(|(doc_id, _)| !own.contains(doc_id)) {
                items.entry((doc_id, item.number)).or_insert(item).services.push(service.to_string());
            }
        }
        let mut items: Vec<EarlierActionItem> = items.into_values().collect();
        items.sort_by(|a, b| {
            (a.due.is_none(), &a.due, &a.date, &a.incident, a.number).cmp(&(
                b.due.is_none(),
                &b.due,
                &b.date,
                &b.incident,
                b.number,
            ))
        });
        Ok(items)
    }
}

/// The services once each (ignoring case), in the order given.
fn unique(services: &[String]) -> impl Iterator<Item = &str> {
    let mut seen = HashSet::new();
    services
        .iter()
        .map(|service| service.trim())
        .filter(move |service| !service.is_empty() && seen.insert(service.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    /// A Debrief post-mortem: front matter with the services and action items, a timeline table
    /// and a contributing-factors section with the template's prompt.
    fn postmortem(id: &str, title: &str, services: &[&str], timeline: &[&str], factors: &str, actions: &str) -> String {
        let date = &id[..10];
        let services: String = services.iter().map(|service| format!("  - {service}\n")).collect();
        let rows: String =
            timeline.iter().map(|text| format!("| {date} 14:05:00 +01:00 | alice | note | {text} |\n")).collect();
        format!(
            "---\nid: {id}\ntitle: {title}\nstarted: {date}T14:00:00+01:00\nowner: alice\nservices:\n{services}{actions}---\n\n\
             # {title}\n\n## Summary\n<!-- How would you tell a colleague who was not there what happened? -->\n\n\
             ## Timeline\n<!-- debrief:timeline -->\n\n| Time | Who | Kind | What happened |\n|---|---|---|---|\n{rows}\n\
             <!-- /debrief:timeline 0000000000000000 -->\n\n## Contributing factors\n\
             <!-- How did conditions in the system, its tools and our ways of working combine to allow this? -->\n\
             {factors}\n"
        )
    }

    fn index_of(files: &[(&str, String)]) -> (tempfile::TempDir, Index) {
        let dir = tempfile::TempDir::new().unwrap();
        let mut index = Index::open(dir.path()).unwrap();
        let documents: Vec<IndexedDocument> =
            files.iter().map(|(path, markdown)| read(path, markdown.as_bytes()).0.unwrap()).collect();
        index.apply("c1", "incidents", true, &documents, &[]).unwrap();
        (dir, index)
    }

    fn ignored() -> Ignored {
        let template = crate::postmortem::Template::default();
        Ignored {
            words: template
                .sections
                .iter()
                .flat_map(|section| std::iter::once(section.heading.clone()).chain(section.prompt.clone()))
                .collect(),
        }
    }

    fn corpus() -> Vec<(&'static str, String)> {
        vec![
            (
                "incidents/2026/2026-03-02-checkout-latency.md",
                postmortem(
                    "2026-03-02-checkout-latency",
                    "Checkout latency",
                    &["checkout"],
                    &["Connection pool exhausted on the primary", "Requests hit the gateway timeout"],
                    "A retry storm held every connection in the pool.",
                    "action_items:\n  - id: 1\n    text: Alert on pool saturation\n    owner: carol\n    due: 2026-04-01\n    \
                     status: open\n  - id: 2\n    text: Shorter retries\n    status: done\n",
                ),
            ),
            (
                "incidents/2026/2026-05-10-search-slow.md",
                postmortem(
                    "2026-05-10-search-slow",
                    "Search slow",
                    &["search"],
                    &["Connection pool exhausted after the reindex", "Gateway timeout for search requests"],
                    "The reindex job took every connection in the pool.",
                    "",
                ),
            ),
            (
                "incidents/2026/2026-06-01-login-errors.md",
                postmortem(
                    "2026-06-01-login-errors",
                    "Login errors",
                    &["login"],
                    &["Certificate expired on the identity provider"],
                    "Nobody was told the certificate would expire.",
                    "",
                ),
            ),
            (
                "incidents/2026/2026-07-01-checkout-dns.md",
                postmortem(
                    "2026-07-01-checkout-dns",
                    "Checkout DNS",
                    &["checkout"],
                    &["Resolver stopped answering"],
                    "The resolver cache was cold after a restart.",
                    "action_items:\n  - id: 1\n    text: Warm the resolver cache\n    status: open\n",
                ),
            ),
            (
                "incidents/2026/2026-12-20-checkout-later.md",
                postmortem(
                    "2026-12-20-checkout-later",
                    "Checkout later",
                    &["checkout"],
                    &["Disk filled on the cart host"],
                    "Logs were not rotated.",
                    "action_items:\n  - id: 1\n    text: Rotate logs\n    status: open\n",
                ),
            ),
        ]
    }

    fn subject() -> IndexedDocument {
        let markdown = postmortem(
            "2026-11-23-checkout-pool",
            "Checkout pool exhausted",
            &["checkout"],
            &["Connection pool exhausted on db-2", "Gateway timeout on checkout requests"],
            "Retries held every connection in the pool.",
            "",
        );
        read("", markdown.as_bytes()).0.unwrap()
    }

    #[test]
    fn the_same_service_and_shared_phrases_rank_first_with_the_reasons_named() {
        let (_dir, index) = index_of(&corpus());
        let seen = index.seen_before(&subject(), &ignored(), 10, today()).unwrap();
        let ids: Vec<&str> = seen.matches.iter().map(|found| found.id.as_str()).collect();
        assert_eq!(ids[0], "2026-03-02-checkout-latency", "{seen:#?}");
        assert_eq!(ids[1], "2026-05-10-search-slow", "shared phrases without the service: {seen:#?}");
        assert!(!ids.contains(&"2026-06-01-login-errors"), "nothing in common: {seen:#?}");
        let best = &seen.matches[0];
        assert_eq!(best.services, ["checkout"]);
        assert!(best.why.starts_with("same service: checkout; both mention "), "{}", best.why);
        assert!(best.terms.iter().any(|term| term == "connection pool"), "{:?}", best.terms);
        assert!(best.terms.iter().any(|term| term == "gateway timeout"), "{:?}", best.terms);
        assert!(!best.terms.iter().any(|term| term == "pool"), "a word inside a phrase named is not repeated");
        let search = &seen.matches[1];
        assert!(search.services.is_empty() && search.why.starts_with("both mention "), "{}", search.why);
    }

    #[test]
    fn the_subject_is_never_its_own_match() {
        let mut files = corpus();
        let subject = subject();
        files.push((
            "incidents/2026/2026-11-23-checkout-pool.md",
            postmortem(
                "2026-11-23-checkout-pool",
                "Checkout pool exhausted",
                &["checkout"],
                &["Connection pool exhausted on db-2"],
                "",
                "action_items:\n  - id: 1\n    text: Own item\n    status: open\n",
            ),
        ));
        let (_dir, index) = index_of(&files);
        let seen = index.seen_before(&subject, &ignored(), 10, today()).unwrap();
        assert!(seen.matches.iter().all(|found| found.id != subject.id), "{seen:#?}");
        assert!(seen.open_items.iter().all(|item| item.incident != subject.id), "{seen:#?}");
        assert_eq!(seen.matches[0].id, "2026-03-02-checkout-latency");
    }

    #[test]
    fn template_prompts_stop_words_and_people_are_never_reasons() {
        let prompt = "How did conditions in the system, its tools and our ways of working combine to allow this? \
                      Describe conditions and decisions as they looked at the time.";
        let files = vec![
            ("incidents/a.md", postmortem("2026-01-01-a", "First", &["alpha"], &["alice and bob"], prompt, "")),
            ("incidents/b.md", postmortem("2026-01-02-b", "Second", &["beta"], &["alice and bob"], prompt, "")),
            ("incidents/c.md", postmortem("2026-01-03-c", "Third", &["gamma"], &["carol"], "Disk full.", "")),
        ];
        let (_dir, index) = index_of(&files);
        let mut subject =
            read("", postmortem("2026-02-01-s", "Fourth", &["delta"], &["alice and bob"], prompt, "").as_bytes())
                .0
                .unwrap();
        subject.people.push("bob".into());
        let seen = index.seen_before(&subject, &ignored(), 10, today()).unwrap();
        assert_eq!(seen.matches, [], "only the prompt, stop words and people in common");
    }

    #[test]
    fn open_items_of_earlier_incidents_on_the_same_services_say_where_they_came_from() {
        let (_dir, index) = index_of(&corpus());
        let seen = index.seen_before(&subject(), &ignored(), 10, today()).unwrap();
        let items: Vec<(&str, &str)> =
            seen.open_items.iter().map(|item| (item.incident.as_str(), item.text.as_str())).collect();
        assert_eq!(
            items,
            [
                ("2026-03-02-checkout-latency", "Alert on pool saturation"),
                ("2026-07-01-checkout-dns", "Warm the resolver cache")
            ],
            "open ones only, from incidents on checkout that did not start later, the due ones first"
        );
        let first = &seen.open_items[0];
        assert_eq!(first.why, "proposed in 2026-03-02-checkout-latency, due 2026-04-01, still open");
        assert!(first.overdue);
        assert_eq!(first.services, ["checkout"]);
        assert_eq!(seen.open_items[1].why, "proposed in 2026-07-01-checkout-dns, no due date, still open");
    }

    #[test]
    fn changed_and_removed_post_mortems_leave_no_terms_behind() {
        let (_dir, mut index) = index_of(&corpus());
        let changed = postmortem(
            "2026-05-10-search-slow",
            "Search slow",
            &["search"],
            &["Disk filled on the search host"],
            "Old indices were never deleted.",
            "",
        );
        let document = read("incidents/2026/2026-05-10-search-slow.md", changed.as_bytes()).0.unwrap();
        index
            .apply("c2", "incidents", false, &[document], &["incidents/2026/2026-03-02-checkout-latency.md".into()])
            .unwrap();
        let seen = index.seen_before(&subject(), &ignored(), 10, today()).unwrap();
        let ids: Vec<&str> = seen.matches.iter().map(|found| found.id.as_str()).collect();
        assert!(!ids.contains(&"2026-05-10-search-slow") && !ids.contains(&"2026-03-02-checkout-latency"), "{ids:?}");
        assert_eq!(seen.indexed, 4);
    }

    #[test]
    fn an_index_of_another_format_is_rebuilt_with_its_terms_table() {
        let (dir, index) = index_of(&corpus());
        index.conn.execute("UPDATE meta SET value = 'older' WHERE key = 'version'", []).unwrap();
        drop(index);
        let mut index = Index::open(dir.path()).unwrap();
        assert_eq!(index.document_count().unwrap(), 0, "rebuilt empty, to be indexed again");
        let documents: Vec<IndexedDocument> =
            corpus().iter().map(|(path, markdown)| read(path, markdown.as_bytes()).0.unwrap()).collect();
        index.apply("c1", "incidents", true, &documents, &[]).unwrap();
        let seen = index.seen_before(&subject(), &ignored(), 10, today()).unwrap();
        assert_eq!(seen.matches[0].id, "2026-03-02-checkout-latency");
    }

    #[test]
    fn a_long_write_up_is_compared_by_its_beginning_cut_between_characters() {
        let document = IndexedDocument { body: "é".repeat(MAX_TELLING_BYTES), ..Default::default() };
        let [text, rest] = telling_text(&document);
        assert_eq!((text.len(), rest), (MAX_TELLING_BYTES, ""));
        let document =
            IndexedDocument { factors_text: format!("a{}", "é".repeat(MAX_TELLING_BYTES)), ..Default::default() };
        assert_eq!(telling_text(&document)[1].len(), MAX_TELLING_BYTES - 1, "not inside the two bytes of é");
    }

    #[test]
    fn an_empty_index_answers_with_nothing_and_says_how_many_it_holds() {
        let (_dir, index) = index_of(&[]);
        let seen = index.seen_before(&subject(), &ignored(), 10, today()).unwrap();
        assert_eq!((seen.indexed, seen.matches.len(), seen.open_items.len()), (0, 0, 0));
        assert_eq!(seen.services, ["checkout"]);
    }
}

//! Asking the index: ranked full-text search with highlighted passages and
//! filters, action items across every post-mortem, and the trends of how long
//! incidents took to detect, mitigate and resolve.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rusqlite::{ToSql, params};
use serde::Serialize;

use super::Index;
use crate::Result;
use crate::model::{ActionStatus, is_overdue};
use crate::postmortem::StatedDurations;

/// Passages are cut to about this many words around the matches.
const PASSAGE_WORDS: i32 = 18;

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct SearchQuery {
    /// Words to find (all of them, the last also as a prefix); quoted phrases stay together.
    /// Empty lists every post-mortem that passes the filters, newest first.
    pub text: String,
    pub severity: Option<String>,
    pub service: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchHit {
    pub id: String,
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    pub severity: Option<String>,
    pub kind: Option<String>,
    /// Higher is better.
    pub score: f64,
    /// The best matching passage, as plain text.
    pub passage: String,
    /// Character ranges of `passage` that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// Turns what a person types into an FTS5 query that cannot be a syntax error: what a search
/// asks the full-text index (`documents_fts`) for.
pub fn fts_query(text: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        let words: Vec<String> =
            term.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
        if !words.is_empty() {
            terms.push(format!("\"{}\"", words.join(" ")));
        }
        rest = after;
    }
    let last = terms.pop()?;
    // The last word may still be being typed.
    let last = if last.len() > 4 && !last.contains(' ') { format!("{last}*") } else { last };
    terms.push(last);
    Some(terms.join(" "))
}

/// Splits FTS5's marked snippet into plain text and the character ranges between the marks.
fn unmark(snippet: &str) -> (String, Vec<(usize, usize)>) {
    let mut passage = String::with_capacity(snippet.len());
    let mut highlights = Vec::new();
    let mut open = None;
    let mut position = 0;
    for c in snippet.chars() {
        match c {
            '\u{2}' => open = Some(position),
            '\u{3}' => {
                if let Some(start) = open.take() {
                    highlights.push((start, position));
                }
            }
            '\n' => {
                passage.push(' ');
                position += 1;
            }
            c => {
                passage.push(c);
                position += 1;
            }
        }
    }
    (passage, highlights)
}

/// bm25 with a weight per column of `documents_fts` (title, name, body): a title counts most,
/// then the words of the file name, then the text.
const RANKING: &str = "debrief_score(documents_fts, 8.0, 4.0, 1.0)";

/// What a [`SearchQuery`]'s filters ask of a document: only the filters given, so that SQLite can
/// use the index that fits them, with the values to bind by name.
struct Filters<'q> {
    /// Conditions on the document's own columns (as `d`).
    facts: Vec<&'static str>,
    /// The sets of documents with a label asked for, as queries of their ids.
    labelled: Vec<&'static str>,
    values: Vec<(&'static str, Box<dyn ToSql + 'q>)>,
}

impl<'q> Filters<'q> {
    fn of(query: &'q SearchQuery) -> Filters<'q> {
        // A post-mortem a Debrief one takes the place of is never a result: the other is.
        let mut filters = Filters { facts: vec!["d.replaced = 0"], labelled: Vec::new(), values: Vec::new() };
        if let Some(severity) = &query.severity {
            filters.facts.push("d.severity = :severity");
            filters.values.push((":severity", Box::new(severity)));
        }
        if let Some(kind) = &query.kind {
            filters.facts.push("d.kind = :kind");
            filters.values.push((":kind", Box::new(kind)));
        }
        if let Some(since) = query.since {
            filters.facts.push("d.date >= :since");
            filters.values.push((":since", Box::new(since.to_string())));
        }
        if let Some(until) = query.until {
            filters.facts.push("d.date <= :until");
            filters.values.push((":until", Box::new(until.to_string())));
        }
        if let Some(service) = &query.service {
            filters.labelled.push("SELECT doc_id FROM labels WHERE kind = 'service' AND value = :service");
            filters.values.push((":service", Box::new(service)));
        }
        if let Some(tag) = &query.tag {
            filters.labelled.push("SELECT doc_id FROM labels WHERE kind = 'tag' AND value = :tag");
            filters.values.push((":tag", Box::new(tag)));
        }
        filters
    }

    /// For listing the newest first: a `WHERE` clause on `d` in which only the dates can choose an
    /// index (`+` keeps the others from it), so that the date index is read in order until enough
    /// documents pass.
    fn newest_first(&self) -> String {
        let conditions: Vec<String> = self
            .facts
            .iter()
            .map(|fact| if fact.starts_with("d.date") { fact.to_string() } else { format!("+{fact}") })
            .chain(self.labelled.iter().map(|labelled| format!("+d.doc_id IN ({labelled})")))
            .collect();
        if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) }
    }

    /// For a full-text search: conditions on each match's `rowid`, each set looked up once (`+`:
    /// handed to the full-text index, each id in a set would set the query up again).
    fn matched(&self) -> String {
        // The few replaced post-mortems are left out by their ids (a partial index holds them),
        // so a search without filters looks nothing else up.
        let mut conditions = String::from(" AND +rowid NOT IN (SELECT doc_id FROM documents WHERE replaced = 1)");
        let facts: Vec<&str> = self.facts.iter().copied().filter(|fact| *fact != "d.replaced = 0").collect();
        if !facts.is_empty() {
            conditions
                .push_str(&format!(" AND +rowid IN (SELECT d.doc_id FROM documents d WHERE {})", facts.join(" AND ")));
        }
        for labelled in &self.labelled {
            conditions.push_str(&format!(" AND +rowid IN ({labelled})"));
        }
        conditions
    }

    /// The values by name, with `more` of the statement's own.
    fn bound<'a>(&'a self, more: &[(&'static str, &'a dyn ToSql)]) -> Vec<(&'static str, &'a dyn ToSql)> {
        self.values
            .iter()
            .map(|(name, value)| (*name, value.as_ref() as &dyn ToSql))
            .chain(more.iter().copied())
            .collect()
    }
}

impl Index {
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let limit = i64::try_from(query.limit.max(1)).unwrap_or(i64::MAX);
        let failed = |source| self.error(source);
        let matching = fts_query(&query.text);
        let filters = Filters::of(query);
        let hit = |row: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, SearchHit)> {
            Ok((
                row.get::<_, i64>(0)?,
                SearchHit {
                    id: row.get(1)?,
                    path: row.get(2)?,
                    title: row.get(3)?,
                    date: row.get(4)?,
                    severity: row.get(5)?,
                    kind: row.get(6)?,
                    score: row.get(7)?,
                    passage: String::new(),
                    highlights: Vec::new(),
                },
            ))
        };
        let Some(matching) = matching else {
            // Without words: the newest that pass the filters, each with the start of its text.
            let filtered = filters.newest_first();
            let mut listing = self
                .connection()
                .prepare_cached(&format!(
                    "SELECT page.doc_id, page.id, page.path, page.title, page.date, page.severity, page.kind, 0.0,
                            (SELECT substr(body, 1, 240) FROM documents_fts WHERE rowid = page.doc_id)
                     FROM (SELECT * FROM documents d {filtered} ORDER BY d.date DESC, d.path LIMIT :limit) page
                     ORDER BY page.date DESC, page.path"
                ))
                .map_err(failed)?;
            let rows = listing
                .query_map(filters.bound(&[(":limit", &limit)]).as_slice(), |row| {
                    let (_, mut hit) = hit(row)?;
                    (hit.passage, hit.highlights) = unmark(&row.get::<_, Option<String>>(8)?.unwrap_or_default());
                    Ok(hit)
                })
                .map_err(failed)?;
            return rows.collect::<rusqlite::Result<Vec<_>>>().map_err(failed);
        };
        let filtered = filters.matched();
        // Every match that passes the filters is ranked; SQLite's sort keeps only the best `limit`,
        // each with where its matches are, to cut its passage from.
        super::fts5::refresh(self.connection(), &self.lengths).map_err(failed)?;
        let mut ranking = self
            .connection()
            .prepare_cached(&format!(
                "SELECT d.doc_id, d.id, d.path, d.title, d.date, d.severity, d.kind, ranked.score, ranked.matches
                 FROM (SELECT rowid, {RANKING} AS score, debrief_matches(documents_fts) AS matches
                       FROM documents_fts
                       WHERE documents_fts MATCH :matching{filtered}
                       ORDER BY score DESC LIMIT :limit) ranked
                 JOIN documents d ON d.doc_id = ranked.rowid
                 ORDER BY ranked.score DESC"
            ))
            .map_err(failed)?;
        let ranked = ranking
            .query_map(filters.bound(&[(":matching", &matching), (":limit", &limit)]).as_slice(), |row| {
                Ok((hit(row)?, row.get::<_, Vec<u8>>(8)?))
            })
            .map_err(failed)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(failed)?;
        let mut passage = self
            .connection()
            .prepare_cached(&format!(
                "SELECT debrief_passage(documents_fts, ?1, {PASSAGE_WORDS}) FROM documents_fts WHERE rowid = ?2"
            ))
            .map_err(failed)?;
        ranked
            .into_iter()
            .map(|((doc_id, mut hit), matches)| {
                let marked: String = passage.query_row(params![matches, doc_id], |row| row.get(0)).map_err(failed)?;
                (hit.passage, hit.highlights) = unmark(&marked);
                Ok(hit)
            })
            .collect()
    }

    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<IndexedAction>> {
        let mut statement = self
            .connection()
            .prepare(
                "SELECT d.id, d.path, d.title, a.number, a.text, a.owner, a.due, a.type, a.ticket, a.status, a.reason
                 FROM actions a JOIN documents d ON d.doc_id = a.doc_id
                 WHERE d.replaced = 0 AND (?1 IS NULL OR a.owner = ?1 COLLATE NOCASE)
                 ORDER BY a.due IS NULL, a.due, d.date, d.path, a.number",
            )
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([filter.owner.as_deref()], |row| {
                Ok(IndexedAction {
                    incident: row.get(0)?,
                    path: row.get(1)?,
                    title: row.get(2)?,
                    number: row.get(3)?,
                    text: row.get(4)?,
                    owner: row.get(5)?,
                    due: row.get(6)?,
                    kind: row.get(7)?,
                    ticket: row.get(8)?,
                    status: row.get(9)?,
                    reason: row.get(10)?,
                    overdue: false,
                })
            })
            .map_err(|source| self.error(source))?;
        let mut actions = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|source| self.error(source))?;
        for action in &mut actions {
            let status = action.status.parse::<ActionStatus>().ok();
            let due = action.due.as_deref().and_then(|due| due.parse::<NaiveDate>().ok());
            action.overdue = status.is_some_and(|status| is_overdue(status, due, filter.today));
        }
        actions.retain(|action| (!filter.open || action.status == "open") && (!filter.overdue || action.overdue));
        Ok(actions)
    }

    /// Every post-mortem's date and key times, for trends and "on this day".
    pub fn timings(&self) -> Result<Vec<Timing>> {
        let mut statement = self
            .connection()
            .prepare(
                "SELECT id, path, title, date, started, detected, mitigated, resolved, stated_detect_s,
                        stated_mitigate_s, stated_resolve_s
                 FROM documents WHERE replaced = 0 ORDER BY date, path",
            )
            .map_err(|source| self.error(source))?;
        let time = |text: Option<String>| text.and_then(|text| DateTime::parse_from_rfc3339(&text).ok());
        let rows = statement
            .query_map([], |row| {
                Ok(Timing {
                    id: row.get(0)?,
                    path: row.get(1)?,
                    title: row.get(2)?,
                    date: row.get::<_, Option<String>>(3)?.and_then(|date| date.parse().ok()),
                    started: time(row.get(4)?),
                    detected: time(row.get(5)?),
                    mitigated: time(row.get(6)?),
                    resolved: time(row.get(7)?),
                    stated: StatedDurations { detect_s: row.get(8)?, mitigate_s: row.get(9)?, resolve_s: row.get(10)? },
                })
            })
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|source| self.error(source))
    }

    /// Post-mortems from earlier years on `today`'s month and day.
    pub fn on_this_day(&self, today: NaiveDate) -> Result<Vec<Timing>> {
        Ok(self
            .timings()?
            .into_iter()
            .filter(|timing| {
                timing.date.is_some_and(|date| {
                    date.month() == today.month() && date.day() == today.day() && date.year() < today.year()
                })
            })
            .collect())
    }
}

#[derive(Debug, Clone)]
pub struct ActionFilter {
    pub open: bool,
    pub overdue: bool,
    pub owner: Option<String>,
    /// What "overdue" is measured against.
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndexedAction {
    pub incident: String,
    pub path: String,
    pub title: String,
    pub number: i64,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub ticket: Option<String>,
    /// open, done or wont-do.
    pub status: String,
    /// Why a won't-do item will not be done.
    pub reason: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Timing {
    pub id: String,
    pub path: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    #[serde(skip)]
    pub started: Option<DateTime<FixedOffset>>,
    #[serde(skip)]
    pub detected: Option<DateTime<FixedOffset>>,
    #[serde(skip)]
    pub mitigated: Option<DateTime<FixedOffset>>,
    #[serde(skip)]
    pub resolved: Option<DateTime<FixedOffset>>,
    /// How long it took as a post-mortem written by hand states it, for what its key times
    /// cannot measure.
    #[serde(skip)]
    pub stated: StatedDurations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    /// The period `date` falls in: `2026-11`, or `2026-Q4`.
    pub fn name(self, date: NaiveDate) -> String {
        self.name_of(self.number(date))
    }

    /// Periods counted one by one, so that every period between two is found by counting.
    pub(crate) fn number(self, date: NaiveDate) -> i64 {
        let year = i64::from(date.year());
        let month = i64::from(date.month0());
        match self {
            Period::Month => year * 12 + month,
            Period::Quarter => year * 4 + month / 3,
        }
    }

    pub(crate) fn name_of(self, number: i64) -> String {
        match self {
            Period::Month => format!("{}-{:02}", number.div_euclid(12), number.rem_euclid(12) + 1),
            Period::Quarter => format!("{}-Q{}", number.div_euclid(4), number.rem_euclid(4) + 1),
        }
    }
}

/// One period of the trend: how many incidents, how long they took (seconds), how much time
/// people spent in them and how many began outside working hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodStats {
    pub period: String,
    pub incidents: usize,
    pub time_to_detect: Spread,
    pub time_to_mitigate: Spread,
    pub time_to_resolve: Spread,
    /// The incidents' lengths added up, start to resolved, over those that recorded both.
    pub time_in_incidents_s: i64,
    /// How many incidents `time_in_incidents_s` counts.
    pub time_in_incidents_measured: usize,
    /// Incidents that began outside working hours (see [`is_working_hours`]) in their own time zone.
    pub outside_working_hours: usize,
}

/// How few measured incidents make a period too small to compare with another: with fewer,
/// one slow incident moves the median more than any change in how incidents are handled.
pub const FEWEST_TO_COMPARE: usize = 5;

/// The spread of one duration over a period's incidents that recorded both of its times: the
/// median, the interquartile range (25th to 75th percentile) and the 90th percentile, in
/// seconds, with how many incidents they stand on. Never a mean: a single long outage drags a
/// mean wherever it likes, and a handful of incidents has no meaningful one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Spread {
    pub measured: usize,
    pub p25_s: Option<i64>,
    pub median_s: Option<i64>,
    pub p75_s: Option<i64>,
    pub p90_s: Option<i64>,
    /// Whether enough incidents were measured ([`FEWEST_TO_COMPARE`]) to set this period
    /// against another.
    pub comparable: bool,
}

/// Percentiles by nearest rank on the sorted values.
fn spread(mut seconds: Vec<i64>) -> Spread {
    seconds.sort_unstable();
    let at = |fraction: f64| {
        (!seconds.is_empty()).then(|| seconds[((seconds.len() - 1) as f64 * fraction).round() as usize])
    };
    Spread {
        measured: seconds.len(),
        p25_s: at(0.25),
        median_s: at(0.5),
        p75_s: at(0.75),
        p90_s: at(0.9),
        comparable: seconds.len() >= FEWEST_TO_COMPARE,
    }
}

/// Monday to Friday, 09:00 to 18:00, on the clock of the place the incident was recorded (the
/// offset its start was written with): what a team means by "during the day".
pub fn is_working_hours(moment: &DateTime<FixedOffset>) -> bool {
    let weekday = moment.weekday().num_days_from_monday() < 5;
    weekday && (9..18).contains(&moment.hour())
}

/// Incidents per period with the spread of time to detect (from the start), to mitigate and to
/// resolve (from detection): the trend of how quickly incidents are handled. A file whose
/// times are out of order counts as the draft shows it: zero, never negative. A post-mortem
/// without the key times for a measure counts with the figure it states for it, if any.
pub fn stats(timings: &[Timing], by: Period) -> Vec<PeriodStats> {
    let mut periods: std::collections::BTreeMap<String, Vec<&Timing>> = std::collections::BTreeMap::new();
    for timing in timings {
        let Some(date) = timing.date else { continue };
        periods.entry(by.name(date)).or_default().push(timing);
    }
    let between = |from: Option<DateTime<FixedOffset>>, to: Option<DateTime<FixedOffset>>| {
        Some(crate::model::elapsed(from?, to?).num_seconds())
    };
    periods
        .into_iter()
        .map(|(period, timings)| {
            let lengths: Vec<i64> = timings.iter().filter_map(|t| between(t.started, t.resolved)).collect();
            PeriodStats {
                incidents: timings.len(),
                time_to_detect: spread(
                    timings.iter().filter_map(|t| between(t.started, t.detected).or(t.stated.detect_s)).collect(),
                ),
                time_to_mitigate: spread(
                    timings.iter().filter_map(|t| between(t.detected, t.mitigated).or(t.stated.mitigate_s)).collect(),
                ),
                time_to_resolve: spread(
                    timings.iter().filter_map(|t| between(t.detected, t.resolved).or(t.stated.resolve_s)).collect(),
                ),
                time_in_incidents_s: lengths.iter().sum(),
                time_in_incidents_measured: lengths.len(),
                outside_working_hours: timings
                    .iter()
                    .filter(|t| t.started.is_some_and(|started| !is_working_hours(&started)))
                    .count(),
                period,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::IndexedDocument;

    #[test]
    fn what_people_type_becomes_a_safe_query() {
        assert_eq!(fts_query("database timeout").as_deref(), Some("\"database\" \"timeout\"*"));
        assert_eq!(fts_query("\"connection pool\" AND x*").as_deref(), Some("\"connection pool\" \"and\" \"x\""));
        assert_eq!(fts_query("  ").as_deref(), None);
        assert_eq!(fts_query("(()) :: ^").as_deref(), None);
        assert_eq!(fts_query("NEAR(a b)").as_deref(), Some("\"near a\" \"b\""));
        assert_eq!(fts_query("db-2 failover").as_deref(), Some("\"db 2\" \"failover\"*"));
    }

    /// A post-mortem as Debrief publishes it, with the facts the filters look at.
    fn published(day: u32, title: &str, severity: &str, service: &str, tag: &str, body: &str) -> IndexedDocument {
        let id = format!("2026-03-{day:02}-{}", title.to_lowercase().replace(' ', "-"));
        let markdown = format!(
            "---\nid: {id}\ntitle: {title}\nkind: unscheduled\nseverity: {severity}\nstarted: 2026-03-{day:02}T10:00:00Z\n\
             services:\n  - {service}\ntags:\n  - {tag}\n---\n\n# {title}\n\n## Summary\n{body}\n"
        );
        let path = format!("incidents/2026/{id}.md");
        crate::index::read(&path, markdown.as_bytes()).0.expect("a readable post-mortem")
    }

    fn index_of(documents: &[IndexedDocument]) -> (tempfile::TempDir, Index) {
        let dir = tempfile::TempDir::new().unwrap();
        let mut index = Index::open(dir.path()).unwrap();
        index.apply("c1", "incidents", true, documents, &[]).unwrap();
        (dir, index)
    }

    fn search(index: &Index, text: &str, limit: usize) -> Vec<SearchHit> {
        index.search(&SearchQuery { text: text.into(), limit, ..Default::default() }).unwrap()
    }

    /// The highlighted words of a hit, as they read in its passage.
    fn highlighted(hit: &SearchHit) -> Vec<String> {
        let characters: Vec<char> = hit.passage.chars().collect();
        hit.highlights.iter().map(|&(start, end)| characters[start..end].iter().collect()).collect()
    }

    #[test]
    fn a_match_in_the_title_ranks_above_one_in_the_text_and_every_hit_has_its_passage() {
        let filler = "Traffic moved to the second region while the team watched the dashboards.";
        let mut documents: Vec<IndexedDocument> = (1..=28)
            .map(|day| {
                let body = format!("{filler} The replica lag grew after the failover on day {day}. {filler}");
                published(day, &format!("Checkout errors {day}"), "SEV3", "checkout", "database", &body)
            })
            .collect();
        documents.push(published(29, "Replica lag", "SEV2", "postgres", "database", filler));
        let (_dir, index) = index_of(&documents);
        let hits = search(&index, "replica lag", 25);
        assert_eq!(hits.len(), 25);
        assert_eq!(hits[0].title, "Replica lag", "{hits:#?}");
        assert!(hits.windows(2).all(|pair| pair[0].score >= pair[1].score), "best first: {hits:#?}");
        for hit in &hits[1..] {
            let words = highlighted(hit);
            assert!(words.iter().any(|word| word == "replica") && words.contains(&"lag".to_string()), "{hit:#?}");
            assert!(hit.passage.contains("The replica lag grew after the failover on day"), "{hit:#?}");
        }
        // The last word may still be being typed.
        let typing = search(&index, "replica failo", 5);
        assert_eq!(typing.len(), 5);
        assert!(typing.iter().all(|hit| highlighted(hit).contains(&"failover".to_string())), "{typing:#?}");
    }

    #[test]
    fn filters_choose_among_all_matches_not_only_the_best_ranked() {
        // The one SEV1 is the weakest match: it must be found however many rank above it.
        let mut documents: Vec<IndexedDocument> = (1..=27)
            .map(|day| published(day, &format!("Disk full {day}"), "SEV3", "storage", "capacity", "The disk filled."))
            .collect();
        let weak = "Logs grew for weeks without anyone noticing, and in the end a disk was full on one node.";
        documents.push(published(28, "Slow logins", "SEV1", "login", "config", weak));
        let (_dir, index) = index_of(&documents);
        let filtered = |query: SearchQuery| index.search(&SearchQuery { limit: 3, ..query }).unwrap();
        let text = |text: &str| SearchQuery { text: text.into(), ..Default::default() };
        let by_severity = filtered(SearchQuery { severity: Some("SEV1".into()), ..text("disk") });
        assert_eq!(by_severity.iter().map(|hit| hit.title.as_str()).collect::<Vec<_>>(), ["Slow logins"]);
        assert_eq!(highlighted(&by_severity[0]), ["disk"]);
        let by_service = filtered(SearchQuery { service: Some("LOGIN".into()), ..text("disk full") });
        assert_eq!(by_service.len(), 1, "services match whatever their case: {by_service:#?}");
        let by_tag = filtered(SearchQuery { tag: Some("config".into()), ..text("disk") });
        assert_eq!(by_tag.len(), 1);
        let by_dates = filtered(SearchQuery {
            since: NaiveDate::from_ymd_opt(2026, 3, 28),
            until: NaiveDate::from_ymd_opt(2026, 3, 28),
            ..text("disk")
        });
        assert_eq!(by_dates.len(), 1);
        let none =
            filtered(SearchQuery { severity: Some("SEV1".into()), tag: Some("capacity".into()), ..text("disk") });
        assert!(none.is_empty(), "{none:#?}");
        assert!(filtered(SearchQuery { kind: Some("game-day".into()), ..text("disk") }).is_empty());
        assert_eq!(filtered(SearchQuery { kind: Some("unscheduled".into()), ..text("disk") }).len(), 3);
    }

    #[test]
    fn without_words_the_newest_that_pass_the_filters_come_first_with_the_start_of_their_text() {
        let documents: Vec<IndexedDocument> = (1..=20)
            .map(|day| {
                let severity = if day % 2 == 0 { "SEV1" } else { "SEV2" };
                let body = format!("Day {day} began quietly.\nThen the queue backed up.");
                published(day, &format!("Queue backlog {day}"), severity, "kafka", "queue", &body)
            })
            .collect();
        let (_dir, index) = index_of(&documents);
        let listed = index.search(&SearchQuery { limit: 3, ..Default::default() }).unwrap();
        let titles: Vec<&str> = listed.iter().map(|hit| hit.title.as_str()).collect();
        assert_eq!(titles, ["Queue backlog 20", "Queue backlog 19", "Queue backlog 18"]);
        assert!(listed[0].passage.contains("Day 20 began quietly. Then the queue backed up."), "{listed:#?}");
        assert!(listed[0].highlights.is_empty());
        let odd = index
            .search(&SearchQuery {
                severity: Some("SEV2".into()),
                service: Some("kafka".into()),
                until: NaiveDate::from_ymd_opt(2026, 3, 15),
                limit: 2,
                ..Default::default()
            })
            .unwrap();
        let titles: Vec<&str> = odd.iter().map(|hit| hit.title.as_str()).collect();
        assert_eq!(titles, ["Queue backlog 15", "Queue backlog 13"]);
    }

    #[test]
    fn periods_are_named_and_counted_without_gaps() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert_eq!(Period::Month.name(day("2026-01-31")), "2026-01");
        assert_eq!(Period::Quarter.name(day("2026-11-23")), "2026-Q4");
        let (december, january) = (Period::Month.number(day("2025-12-01")), Period::Month.number(day("2026-01-01")));
        assert_eq!(january - december, 1);
        assert_eq!(Period::Quarter.name_of(Period::Quarter.number(day("2025-12-31")) + 1), "2026-Q1");
    }

    #[test]
    fn marks_become_ranges() {
        assert_eq!(unmark("a \u{2}db\u{3} outage"), ("a db outage".to_string(), vec![(2, 4)]));
    }

    #[test]
    fn times_out_of_order_in_a_file_count_as_zero_never_negative() {
        let time = |text: &str| Some(DateTime::parse_from_rfc3339(text).unwrap());
        let timing = Timing {
            id: "2026-11-23-pool".into(),
            path: "incidents/2026/2026-11-23-pool.md".into(),
            title: "Pool".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 23),
            started: time("2026-11-23T14:00:00+01:00"),
            detected: time("2026-11-23T13:50:00+01:00"),
            mitigated: time("2026-11-23T13:45:00+01:00"),
            resolved: time("2026-11-23T15:00:00+01:00"),
            stated: StatedDurations::default(),
        };
        let period = &stats(&[timing], Period::Month)[0];
        assert_eq!(period.time_to_detect.median_s, Some(0));
        assert_eq!(period.time_to_mitigate.median_s, Some(0));
        assert_eq!(period.time_to_resolve.median_s, Some(70 * 60));
    }

    #[test]
    fn a_post_mortem_written_by_hand_counts_with_the_figures_it_states() {
        let time = |text: &str| Some(DateTime::parse_from_rfc3339(text).unwrap());
        let recorded = Timing {
            id: "2026-11-02-dns".into(),
            path: "incidents/2026/2026-11-02-dns.md".into(),
            title: "DNS".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 2),
            started: time("2026-11-02T10:00:00Z"),
            detected: time("2026-11-02T10:10:00Z"),
            mitigated: None,
            resolved: time("2026-11-02T11:10:00Z"),
            // Key times win over what the text says.
            stated: StatedDurations { detect_s: Some(1), mitigate_s: Some(1200), resolve_s: Some(1) },
        };
        let written = Timing {
            id: "2026-11-20-ingress".into(),
            path: "source/incidents/2026-11-20-ingress.html.md.erb".into(),
            title: "Ingress".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 20),
            started: None,
            detected: None,
            mitigated: None,
            resolved: None,
            stated: StatedDurations { detect_s: None, mitigate_s: Some(600), resolve_s: Some(7200) },
        };
        let period = &stats(&[recorded, written], Period::Month)[0];
        assert_eq!((period.time_to_detect.measured, period.time_to_detect.median_s), (1, Some(600)));
        assert_eq!((period.time_to_mitigate.measured, period.time_to_mitigate.p25_s), (2, Some(600)));
        assert_eq!((period.time_to_resolve.measured, period.time_to_resolve.p90_s), (2, Some(7200)));
        assert_eq!(period.time_to_resolve.p25_s, Some(3600));
        assert_eq!(period.time_in_incidents_measured, 1, "a stated figure is no start and end");
    }

    #[test]
    fn spreads_use_the_incidents_that_have_the_times() {
        assert_eq!(spread(vec![]).median_s, None);
        assert!(!spread(vec![60, 120, 180, 240]).comparable, "four incidents are too few to compare");
        let spread = spread(vec![60, 120, 180, 240, 3600]);
        assert_eq!((spread.measured, spread.median_s, spread.p90_s), (5, Some(180), Some(3600)));
        assert_eq!((spread.p25_s, spread.p75_s, spread.comparable), (Some(120), Some(240), true));
    }

    #[test]
    fn time_in_incidents_and_incidents_outside_working_hours() {
        let time = |text: &str| Some(DateTime::parse_from_rfc3339(text).unwrap());
        let incident = |started: &str, resolved: Option<&str>| Timing {
            id: started.into(),
            path: format!("incidents/{started}.md"),
            title: "Outage".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 1),
            started: time(started),
            detected: time(started),
            mitigated: None,
            resolved: resolved.and_then(time),
            stated: StatedDurations::default(),
        };
        let timings = [
            // A Monday afternoon in Berlin, an hour long.
            incident("2026-11-23T14:00:00+01:00", Some("2026-11-23T15:00:00+01:00")),
            // 07:30 in Berlin is 06:30 UTC: early, whatever the clock of the reader.
            incident("2026-11-24T07:30:00+01:00", Some("2026-11-24T08:00:00+01:00")),
            // A Saturday, never resolved.
            incident("2026-11-28T11:00:00-05:00", None),
        ];
        let period = &stats(&timings, Period::Month)[0];
        assert_eq!(period.incidents, 3);
        assert_eq!((period.time_in_incidents_s, period.time_in_incidents_measured), (90 * 60, 2));
        assert_eq!(period.outside_working_hours, 2);
    }
}

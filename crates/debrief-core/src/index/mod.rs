//! The browse index: every post-mortem in the shared repository, searchable
//! offline. It lives in its own SQLite file (with FTS5) beside the store and is
//! derived entirely from the repository: updated from the diff between the
//! commit it last indexed and the newest one, and rebuilt from scratch when its
//! format changes or it cannot be read. Nothing in it exists only there.

mod cjk;
mod factors;
mod fts5;
mod query;
mod rollup;
mod similar;
mod terms;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::config::Config;
use crate::postmortem::html::{SafeHtml, safe_html};
pub use crate::postmortem::indexed::{IndexedDocument, MAX_INDEXED_BYTES, date_in, read};
use crate::publish::{FileChange, RemoteProblem, SharedRepo, is_top_level, locations};
pub use crate::publish::{Location, UnreadFormat};
use crate::{Error, Result};
pub use factors::{FactorIncident, FactorTrends, ThemeTrend};
pub use query::{
    ActionFilter, FEWEST_TO_COMPARE, IndexedAction, Period, PeriodStats, SearchHit, SearchQuery, Spread, Timing,
    fts_query, is_working_hours, stats,
};
pub use rollup::{OwnerRollup, owner_rollup};
pub use similar::{EarlierActionItem, Ignored, SeenBefore, SimilarPostmortem};

pub const INDEX_FILE: &str = "index.sqlite3";

/// Bumped whenever the schema or what is extracted changes: the index is then rebuilt.
const INDEX_VERSION: &str = "20";
const SCHEMA: &str = include_str!("schema.sql");

pub struct Index {
    conn: Connection,
    path: PathBuf,
    /// Each document's length, for ranking; read again whenever the index changes.
    lengths: fts5::SharedLengths,
}

/// What a sync did.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncReport {
    /// Why the remote could not be reached; the index is then brought up to what this laptop has.
    pub offline: Option<String>,
    pub commit: Option<String>,
    /// True when everything was indexed again (first sync, a new index format, history rewritten).
    pub rebuilt: bool,
    pub indexed: usize,
    pub removed: usize,
    pub documents: usize,
    /// Files kept out of the index or indexed only in part, with why.
    pub warnings: Vec<String>,
    /// The folders the indexed post-mortems are in, most first.
    pub locations: Vec<Location>,
    /// When the repository has commits but no post-mortem was found: the folders holding Markdown
    /// files, most first, where the team may keep them.
    pub markdown_elsewhere: Vec<Location>,
    /// The files in the folders Debrief looks in that are written in a format it does not read, by
    /// format: looked for when no post-mortem was found, and whenever everything was indexed again
    /// (a team that moved from reStructuredText to Markdown keeps its older post-mortems).
    pub unread_formats: Vec<UnreadFormat>,
}

/// Fetches the shared repository, brings Debrief's copy up to date, and updates the index from it.
pub fn sync(data_dir: &Path, config: &Config) -> Result<SyncReport> {
    let mut repo = SharedRepo::open(data_dir, &config.shared_repository)?;
    let offline = repo.sync(&config.identity)?;
    let mut index = Index::open(data_dir)?;
    let mut report = index.update_from(&repo)?;
    report.offline = offline.map(|problem: RemoteProblem| problem.to_string());
    report.locations = index.locations()?;
    if report.commit.is_some() && report.documents == 0 {
        report.markdown_elsewhere = repo.markdown_locations();
    }
    if report.commit.is_some() && (report.documents == 0 || report.rebuilt) {
        report.unread_formats = repo.unread_formats();
    }
    Ok(report)
}

/// A published post-mortem's text, from the copy of the shared repository this laptop has, so
/// it reads the same offline.
/// Readies a connection of one's own to the index file (as the benchmark opens one) for its
/// full-text table, whose tokenizer is Debrief's.
pub fn register_tokenizer(conn: &Connection) -> rusqlite::Result<()> {
    cjk::register(conn)
}

pub fn published_markdown(data_dir: &Path, config: &Config, path: &str) -> Result<String> {
    published_version(data_dir, config, path).map(|version| version.markdown)
}

/// A published post-mortem's text, with the branch and the commit it was read from.
pub struct PublishedVersion {
    pub markdown: String,
    pub branch: String,
    pub commit: String,
}

pub fn published_version(data_dir: &Path, config: &Config, path: &str) -> Result<PublishedVersion> {
    let (repo, _) = SharedRepo::open_for_reading(data_dir, &config.shared_repository)?;
    let text = |bytes: Vec<u8>| crate::encoding::utf16_text(&bytes).or_else(|| String::from_utf8(bytes).ok());
    let read = repo.file_with_commit(path).and_then(|(bytes, commit)| Some((text(bytes)?, commit)));
    let (markdown, commit) = read.ok_or_else(|| {
        Error::invalid(
            "post-mortem",
            format!("`{path}` is not in the shared repository's main branch as text; sync and search again"),
        )
    })?;
    Ok(PublishedVersion { markdown, branch: repo.branch().to_string(), commit: commit.to_string() })
}

/// A published post-mortem as the app's reader shows it: sanitized HTML.
pub fn read_published(data_dir: &Path, config: &Config, path: &str) -> Result<SafeHtml> {
    Ok(safe_html(&published_markdown(data_dir, config, path)?))
}

/// A published post-mortem as the index reads it: what "seen before" compares when the subject
/// is a published post-mortem.
pub fn read_indexed(data_dir: &Path, config: &Config, path: &str) -> Result<IndexedDocument> {
    let markdown = published_markdown(data_dir, config, path)?;
    let (document, _) = read(path, markdown.as_bytes());
    document.ok_or_else(|| Error::invalid("post-mortem", format!("`{path}` is not a post-mortem Debrief can read")))
}

impl Index {
    /// The path of the indexed post-mortem with this id (or this path), the newest if several.
    pub fn find(&self, id_or_path: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT path FROM documents WHERE id = ?1 OR path = ?1 ORDER BY date DESC, path LIMIT 1",
                [id_or_path],
                |row| row.get(0),
            )
            .optional()
            .map_err(|source| index_error(&self.path, source))
    }

    /// Opens the index, creating it, or recreating it when it is from another version or unreadable.
    pub fn open(data_dir: &Path) -> Result<Index> {
        std::fs::create_dir_all(data_dir).map_err(|source| Error::DataDir { path: data_dir.to_path_buf(), source })?;
        let path = data_dir.join(INDEX_FILE);
        match Index::open_at(&path) {
            Ok(index) => Ok(index),
            Err(error) => {
                tracing::warn!(%error, "the browse index cannot be used; rebuilding it from the repository");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                Index::open_at(&path)
            }
        }
    }

    fn open_at(path: &Path) -> Result<Index> {
        let failed = |source| index_error(path, source);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(failed)?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(failed)?;
        // Derived data: losing the last transactions to a power cut only means indexing them again.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(failed)?;
        // Searches read the full-text index all over: map it into memory rather than read it piece by piece.
        conn.execute_batch("PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768;").map_err(failed)?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |row| row.get(0))
            .optional()
            .or_else(|_| Ok::<_, rusqlite::Error>(None))
            .map_err(failed)?;
        cjk::register(&conn).map_err(failed)?;
        let lengths = fts5::SharedLengths::default();
        fts5::register(&conn, std::sync::Arc::clone(&lengths)).map_err(failed)?;
        let index = Index { conn, path: path.to_path_buf(), lengths };
        if version.as_deref() != Some(INDEX_VERSION) {
            index.recreate()?;
        }
        Ok(index)
    }

    fn recreate(&self) -> Result<()> {
        let failed = |source| index_error(&self.path, source);
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts_%' AND name NOT LIKE 'similar_terms_%'")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .map_err(failed)?;
        let mut script = String::from("BEGIN;\n");
        for table in tables {
            script.push_str(&format!("DROP TABLE IF EXISTS \"{table}\";\n"));
        }
        script.push_str(SCHEMA);
        script.push_str(&format!("\nINSERT INTO meta (key, value) VALUES ('version', '{INDEX_VERSION}');\nCOMMIT;"));
        self.conn.execute_batch(&script).map_err(failed)
    }

    pub fn indexed_commit(&self) -> Result<Option<String>> {
        self.meta("commit")
    }

    fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0))
            .optional()
            .map_err(|source| index_error(&self.path, source))
    }

    /// The folders the indexed post-mortems are in, with how many in each.
    pub fn locations(&self) -> Result<Vec<Location>> {
        let paths: Vec<String> = self
            .conn
            .prepare("SELECT path FROM documents WHERE replaced = 0")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .map_err(|source| index_error(&self.path, source))?;
        Ok(locations(paths.iter().map(String::as_str)))
    }

    pub fn document_count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM documents WHERE replaced = 0", [], |row| row.get::<_, i64>(0))
            .map(|count| usize::try_from(count).unwrap_or(0))
            .map_err(|source| index_error(&self.path, source))
    }

    /// Indexes what changed in the repository's main branch since the last update.
    pub fn update_from(&mut self, repo: &SharedRepo) -> Result<SyncReport> {
        let Some(tip) = repo.main_tip() else {
            return Ok(SyncReport { documents: self.document_count()?, ..Default::default() });
        };
        // Other folders than last time: read everything again.
        let folders = repo.postmortem_folders().join("\n");
        let since =
            if self.meta("folders")?.as_deref() == Some(folders.as_str()) { self.indexed_commit()? } else { None };
        if since.as_deref() == Some(tip.as_str()) {
            return Ok(SyncReport { commit: Some(tip), documents: self.document_count()?, ..Default::default() });
        }
        let changes = repo.incident_files(since.as_deref(), &tip)?;
        let mut report = SyncReport { commit: Some(tip.clone()), rebuilt: changes.complete, ..Default::default() };
        report.warnings.extend(changes.warnings);
        let total = changes.files.len() as u64;
        let update = Update::begin(self, changes.complete)?;
        let mut undated = Vec::new();
        let mut done = 0;
        // Workers read and parse the files and work out their terms; this thread only writes.
        repo.read_all(changes.files, terms::Vocabulary::default, prepare, |prepared| {
            done += 1;
            crate::progress::report("Indexing post-mortems", done, Some(total));
            match prepared {
                Prepared::Document { document, terms, warnings } => {
                    report.warnings.extend(warnings);
                    update.remove(&document.path)?;
                    if document.date.is_none() {
                        undated.push(document.path.clone());
                    }
                    update.insert(&document, &terms)?;
                    report.indexed += 1;
                }
                Prepared::Removed { path, warnings } => {
                    report.warnings.extend(warnings);
                    update.remove(&path)?;
                    report.removed += 1;
                }
                // Read before and left out now: out of the index, without counting as removed.
                Prepared::Skipped { path, reason } => {
                    report.warnings.push(format!("{path}: {reason}, not indexed"));
                    update.remove(&path)?;
                }
                // Perhaps a post-mortem before an edit: out of the index, quietly.
                Prepared::NotAPostmortem { path } => update.remove(&path)?,
            }
            Ok(())
        })?;
        if !undated.is_empty() {
            for (path, date) in repo.first_added(&tip, &undated)? {
                update.date(&path, date)?;
            }
        }
        update.finish(&tip, &folders)?;
        report.documents = self.document_count()?;
        tracing::info!(indexed = report.indexed, removed = report.removed, rebuilt = report.rebuilt, "index updated");
        Ok(report)
    }

    /// Writes a batch of documents read elsewhere, as an update from the repository would.
    #[cfg(test)]
    fn apply(
        &mut self,
        commit: &str,
        folders: &str,
        complete: bool,
        documents: &[IndexedDocument],
        removed: &[String],
    ) -> Result<()> {
        let update = Update::begin(self, complete)?;
        let mut vocabulary = terms::Vocabulary::default();
        for gone in removed.iter().chain(documents.iter().map(|document| &document.path)) {
            update.remove(gone)?;
        }
        for document in documents {
            update.insert(document, &similar::terms_of(&mut vocabulary, document))?;
        }
        update.finish(commit, folders)
    }

    fn connection(&self) -> &Connection {
        &self.conn
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        index_error(&self.path, source)
    }
}

/// A file read for the index, with what the index stores of it worked out.
enum Prepared {
    Document {
        document: Box<IndexedDocument>,
        terms: similar::DocumentTerms,
        warnings: Vec<String>,
    },
    /// Gone from the repository, or no longer a post-mortem that can be read.
    Removed {
        path: String,
        warnings: Vec<String>,
    },
    Skipped {
        path: String,
        reason: String,
    },
    /// A Markdown file in the top folder that does not read like a post-mortem (notes, a guide).
    NotAPostmortem {
        path: String,
    },
}

/// Parses a file read from the repository: what the reading threads do.
fn prepare(vocabulary: &mut terms::Vocabulary, change: FileChange) -> Prepared {
    match change {
        FileChange::Changed { path, bytes, size } => {
            let mut warnings = Vec::new();
            if size > bytes.len() {
                warnings.push(format!("{path}: {size} bytes; only the first {MAX_INDEXED_BYTES} are indexed"));
            }
            let (document, read_warnings) = read(&path, &bytes);
            warnings.extend(read_warnings);
            match document {
                // Any Markdown file may sit in the top folder: only a post-mortem is indexed.
                Some(document) if is_top_level(&path) && !document.reads_as_postmortem() => {
                    Prepared::NotAPostmortem { path }
                }
                Some(document) => {
                    let terms = similar::terms_of(vocabulary, &document);
                    Prepared::Document { document: Box::new(document), terms, warnings }
                }
                None => Prepared::Removed { path, warnings },
            }
        }
        FileChange::Removed { path } => Prepared::Removed { path, warnings: Vec::new() },
        FileChange::Skipped { path, reason } => Prepared::Skipped { path, reason },
    }
}

/// One batch of changes to the index, in one transaction: never half applied.
struct Update<'c> {
    tx: Transaction<'c>,
    path: &'c Path,
    lengths: &'c fts5::SharedLengths,
}

impl<'c> Update<'c> {
    /// Starts the batch; a `complete` one replaces everything indexed before.
    fn begin(index: &'c mut Index, complete: bool) -> Result<Update<'c>> {
        let (path, lengths) = (index.path.as_path(), &index.lengths);
        let tx = index.conn.transaction().map_err(|source| index_error(path, source))?;
        let update = Update { tx, path, lengths };
        if complete {
            update
                .tx
                .execute_batch(
                    "DELETE FROM documents_fts; INSERT INTO similar_terms (similar_terms) VALUES ('delete-all');
                     DELETE FROM actions; DELETE FROM factors; DELETE FROM labels; DELETE FROM profiles;
                     DELETE FROM documents;",
                )
                .map_err(|source| update.error(source))?;
        }
        Ok(update)
    }

    fn remove(&self, path: &str) -> Result<()> {
        remove(&self.tx, path).map_err(|source| self.error(source))
    }

    fn insert(&self, document: &IndexedDocument, terms: &similar::DocumentTerms) -> Result<()> {
        insert(&self.tx, document, terms).map_err(|source| self.error(source))
    }

    /// Dates a post-mortem that carries no date of its own (when it was added to the repository).
    fn date(&self, path: &str, date: chrono::NaiveDate) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE documents SET date = ?1 WHERE path = ?2")
            .and_then(|mut statement| statement.execute(params![date.to_string(), path]))
            .map(|_| ())
            .map_err(|source| self.error(source))
    }

    /// Records the commit and folders indexed, and commits the batch.
    fn finish(self, commit: &str, folders: &str) -> Result<()> {
        // Either side may have changed: the replacing post-mortem, or the one it replaces. Only the
        // rows whose mark changes are written, so a sync or a publish does not rewrite every row.
        self.tx
            .execute(
                "UPDATE documents SET replaced = 1 - replaced
                 WHERE replaced <> (path IN (SELECT replaces FROM documents WHERE replaces IS NOT NULL))",
                [],
            )
            .map_err(|source| self.error(source))?;
        for (key, value) in [("commit", commit), ("folders", folders)] {
            self.tx
                .execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
                .map_err(|source| self.error(source))?;
        }
        let (path, lengths) = (self.path, self.lengths);
        self.tx.commit().map_err(|source| index_error(path, source))?;
        fts5::forget(lengths);
        Ok(())
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        index_error(self.path, source)
    }
}

fn remove(tx: &Transaction<'_>, path: &str) -> rusqlite::Result<()> {
    let doc_id: Option<i64> = tx
        .prepare_cached("SELECT doc_id FROM documents WHERE path = ?1")?
        .query_row([path], |row| row.get(0))
        .optional()?;
    if let Some(doc_id) = doc_id {
        tx.prepare_cached("DELETE FROM documents_fts WHERE rowid = ?1")?.execute([doc_id])?;
        similar::remove_terms(tx, doc_id)?;
        tx.prepare_cached("DELETE FROM documents WHERE doc_id = ?1")?.execute([doc_id])?;
    }
    Ok(())
}

fn insert(tx: &Transaction<'_>, document: &IndexedDocument, terms: &similar::DocumentTerms) -> rusqlite::Result<()> {
    let time =
        |time: &Option<chrono::DateTime<chrono::FixedOffset>>| time.map(|time| crate::time::rfc3339_string(&time));
    tx.prepare_cached(
        "INSERT INTO documents (path, id, title, date, kind, severity, status, owner, started, detected, mitigated,
                                resolved, stated_detect_s, stated_mitigate_s, stated_resolve_s, structured, replaces)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        document.path,
        document.id,
        document.title,
        document.date.map(|date| date.to_string()),
        document.kind,
        document.severity,
        document.status,
        document.owner,
        time(&document.started),
        time(&document.detected),
        time(&document.mitigated),
        time(&document.resolved),
        document.stated.detect_s,
        document.stated.mitigate_s,
        document.stated.resolve_s,
        document.structured,
        document.replaces,
    ])?;
    let doc_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, name, body) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![doc_id, document.title, name_words(&document.path), document.body])?;
    similar::insert_terms(tx, doc_id, terms)?;
    let mut label = tx.prepare_cached("INSERT INTO labels (doc_id, kind, value) VALUES (?1, ?2, ?3)")?;
    for (kind, values) in [("service", &document.services), ("tag", &document.tags)] {
        for value in values {
            label.execute(params![doc_id, kind, value])?;
        }
    }
    let mut factor =
        tx.prepare_cached("INSERT INTO factors (doc_id, position, text, theme) VALUES (?1, ?2, ?3, ?4)")?;
    for (position, found) in document.factors.iter().enumerate() {
        factor.execute(params![doc_id, position as i64 + 1, found.text, found.theme])?;
    }
    let mut action = tx.prepare_cached(
        "INSERT INTO actions (doc_id, number, text, owner, due, type, ticket, status, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, item) in document.actions.iter().enumerate() {
        action.execute(params![
            doc_id,
            item.id.unwrap_or(position as i64 + 1),
            item.text,
            item.owner,
            item.due.map(|due| due.to_string()),
            item.kind.map(|kind| kind.as_str()),
            item.ticket,
            item.status.as_str(),
            item.reason,
        ])?;
    }
    Ok(())
}

/// `incidents/2021/2021-05-09-negative-coin-values.md` → `2021 05 09 negative coin values`.
fn name_words(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    crate::markdown::markdown_stem(name).unwrap_or(name).replace(|c: char| !c.is_alphanumeric(), " ")
}

fn index_error(path: &Path, source: rusqlite::Error) -> Error {
    Error::Index { path: path.to_path_buf(), detail: source.to_string() }
}

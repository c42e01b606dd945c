//! Writing imported lines into a timeline: in batches of [`BATCH_LINES`], one
//! transaction each, so a huge source never sits in memory; counting what was added,
//! already there, skipped or kept differently, for the report; and saying, when the
//! store fails part way, how many lines are kept. A dry run goes through the same steps
//! and writes nothing. Also the shape the timeline takes text and names in.

use std::collections::HashMap;

use super::{BATCH_LINES, ImportReport, ImportWarning, ImportedLine, OfferedMark, PREVIEW_LIMIT, Skipped, WarningKind};
use crate::model::Incident;
use crate::store::{MAX_ENTRY_BYTES, Store};
use crate::{Error, Result};

/// How many places a warning names; the rest are counted.
const WARNING_EXAMPLES: usize = 10;

/// Longest name kept for who wrote a line (the store's limit for names).
const MAX_NAME_CHARS: usize = 100;

/// Writes parsed lines into a timeline in batches and keeps the report as it goes.
pub(crate) struct TimelineWriter<'s> {
    store: &'s mut Store,
    /// What the source is called in errors: a path.
    source_name: String,
    batch: Vec<ImportedLine>,
    report: ImportReport,
    warnings: HashMap<WarningKind, (usize, Vec<String>)>,
    /// Lines committed so far; an error says they are kept.
    written: usize,
    /// Lines taken from the source so far, for progress.
    read: u64,
}

impl<'s> TimelineWriter<'s> {
    pub fn new(
        store: &'s mut Store,
        incident: &str,
        source: String,
        source_name: String,
        dry_run: bool,
    ) -> Result<TimelineWriter<'s>> {
        let incident = store.incident(incident)?.id;
        Ok(TimelineWriter {
            store,
            source_name,
            batch: Vec::with_capacity(BATCH_LINES),
            report: ImportReport {
                incident,
                source,
                dry_run,
                added: 0,
                already_present: 0,
                lines: Vec::new(),
                skipped: Vec::new(),
                warnings: Vec::new(),
                notes: Vec::new(),
                offered_marks: Vec::new(),
            },
            warnings: HashMap::new(),
            written: 0,
            read: 0,
        })
    }

    pub fn incident(&self) -> Result<Incident> {
        self.store.incident(&self.report.incident)
    }

    pub fn push(&mut self, line: ImportedLine) -> Result<()> {
        self.batch.push(line);
        self.read += 1;
        if self.read.is_multiple_of(500) {
            crate::progress::report("Importing lines", self.read, None);
        }
        if self.batch.len() >= BATCH_LINES { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<()> {
        let lines = std::mem::take(&mut self.batch);
        let outcome = self
            .store
            .add_imported_lines(&self.report.incident, &self.report.source, lines, self.report.dry_run)
            .map_err(|error| self.stopped(error))?;
        let new = outcome.new.len();
        self.report.added += new;
        self.report.already_present += outcome.already_present;
        if !self.report.dry_run {
            self.written += new;
        }
        let room = PREVIEW_LIMIT.saturating_sub(self.report.lines.len());
        self.report.lines.extend(outcome.new.into_iter().take(room));
        Ok(())
    }

    pub fn warn(&mut self, kind: WarningKind, example: impl Into<String>) {
        let (count, examples) = self.warnings.entry(kind).or_default();
        *count += 1;
        if examples.len() < WARNING_EXAMPLES {
            examples.push(example.into());
        }
    }

    pub fn skip(&mut self, what: &str) {
        self.skip_many(what, 1);
    }

    pub fn skip_many(&mut self, what: &str, count: usize) {
        if count == 0 {
            return;
        }
        match self.report.skipped.iter_mut().find(|skipped| skipped.what == what) {
            Some(skipped) => skipped.count += count,
            None => self.report.skipped.push(Skipped { what: what.to_string(), count }),
        }
    }

    /// A line of theirs the timeline already holds, found by the importer itself.
    pub fn count_present(&mut self) {
        self.report.already_present += 1;
    }

    pub fn note(&mut self, note: String) {
        self.report.notes.push(note);
    }

    pub fn offer(&mut self, mark: OfferedMark) {
        self.report.offered_marks.push(mark);
    }

    /// A failure of the store part way through: the batches already written are kept, and the
    /// error says how many lines that is and that importing again carries on from there.
    fn stopped(&self, error: Error) -> Error {
        if self.written == 0 {
            return error;
        }
        let reason = match &error {
            Error::DiskFull { path } => format!("the disk holding {} filled up; free some space", path.display()),
            Error::ReadOnly { path } => format!("{} became read-only", path.display()),
            other => other.to_string(),
        };
        self.fail(reason)
    }

    /// An error that stops the import, saying what was kept.
    pub fn fail(&self, reason: impl Into<String>) -> Error {
        Error::Import { what: self.source_name.clone(), reason: reason.into(), kept: self.written }
    }

    /// Writes what is left and returns the report.
    pub fn finish(mut self) -> Result<ImportReport> {
        if !self.batch.is_empty() {
            self.flush()?;
        }
        let mut warnings: Vec<ImportWarning> = self
            .warnings
            .into_iter()
            .map(|(kind, (count, examples))| ImportWarning { kind, message: kind.message(count), count, examples })
            .collect();
        warnings.sort_by_key(|warning| warning.kind as u8);
        self.report.warnings = warnings;
        tracing::info!(
            incident = %self.report.incident,
            source = %self.report.source,
            added = self.report.added,
            already_present = self.report.already_present,
            dry_run = self.report.dry_run,
            "import finished"
        );
        Ok(self.report)
    }
}

/// Text as the timeline takes it: no NUL, no surrounding blank space, at most [`MAX_ENTRY_BYTES`].
/// Returns the text and whether it had to be cut.
pub(crate) fn timeline_text(text: &str) -> (String, bool) {
    let cleaned = text.replace('\0', "\u{FFFD}");
    let trimmed = cleaned.trim();
    if trimmed.len() <= MAX_ENTRY_BYTES {
        return (trimmed.to_string(), false);
    }
    (truncate_to_char_boundary(trimmed, MAX_ENTRY_BYTES).trim_end().to_string(), true)
}

/// A name as the timeline takes it: one line of printable text, at most the store's limit.
pub(crate) fn timeline_name(name: &str) -> Option<String> {
    let cleaned: String = name.chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

pub(crate) fn truncate_to_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_on_a_character_boundary_and_loses_nul() {
        let (text, cut) = timeline_text(" a\0b ");
        assert_eq!((text.as_str(), cut), ("a\u{FFFD}b", false));
        let long = "é".repeat(MAX_ENTRY_BYTES);
        let (text, cut) = timeline_text(&long);
        assert!(cut && text.len() <= MAX_ENTRY_BYTES && text.chars().all(|c| c == 'é'));
    }

    #[test]
    fn names_lose_control_characters() {
        assert_eq!(timeline_name("ali\nce "), Some("alice".to_string()));
        assert_eq!(timeline_name(" \t"), None);
    }
}
